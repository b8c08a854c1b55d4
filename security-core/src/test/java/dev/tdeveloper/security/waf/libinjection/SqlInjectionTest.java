package dev.tdeveloper.security.waf.libinjection;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SqlInjectionTest {
  @Test
  void foldsAUnionIntoItsFingerprint() {
    assertThat(SqlInjection.fingerprint("1 union select 1,2", (char) 0, false)).isEqualTo("1UE1,");
    assertThat(SqlInjection.detect("1 union select 1,2")).contains("1UE1,");
  }

  @Test
  void readsTheValueInsideTheApplicationsQuotes() {
    assertThat(SqlInjection.fingerprint("x' or 1=1--", '\'', false)).isEqualTo("s&1o1");
    assertThat(SqlInjection.fingerprint("x\" or 1=1--", '"', true)).isEqualTo("s&1o1");
    assertThat(SqlInjection.detect("x' or 1=1--")).contains("s&1o1");
  }

  @Test
  void mergesPhrasesAndDropsMidComments() {
    assertThat(SqlInjection.fingerprint("1/**/UNION/**/ALL/**/SELECT 1", (char) 0, false))
        .isEqualTo("1UE1");
    assertThat(SqlInjection.fingerprint("1 order by 2", (char) 0, false)).isEqualTo("1B1");
    assertThat(SqlInjection.fingerprint("a not in (1)", (char) 0, false)).isEqualTo("no(1)");
  }

  @Test
  void knowsFunctionsOnlyBeforeAParenthesis() {
    assertThat(SqlInjection.fingerprint("1 and sleep(5)", (char) 0, false)).isEqualTo("1&f(1");
    assertThat(SqlInjection.fingerprint("count to ten", (char) 0, false)).isEqualTo("nnn");
    assertThat(SqlInjection.fingerprint("foo(1)", (char) 0, false)).isEqualTo("f(1)");
    assertThat(SqlInjection.fingerprint("foo (1)", (char) 0, false)).isEqualTo("n(1)");
  }

  @Test
  void dropsUnaryOperatorsAndCasts() {
    assertThat(SqlInjection.fingerprint("-1 or 1=-1", (char) 0, false)).isEqualTo("1&1o1");
    assertThat(SqlInjection.fingerprint("binary 'a'='a'", (char) 0, false)).isEqualTo("sos");
  }

  @Test
  void readsMysqlVersionedCommentsAsCode() {
    assertThat(SqlInjection.fingerprint("1 /*!50000union*/ 1", (char) 0, false)).isEqualTo("11");
    assertThat(SqlInjection.fingerprint("1 /*!50000union*/ select 1", (char) 0, true))
        .isEqualTo("1UE1");
    assertThat(SqlInjection.detect("1 /*!50000union*/ select 1")).contains("1UE1");
  }

  @Test
  void readsDashDashAsMysqlDoes() {
    assertThat(SqlInjection.fingerprint("1--1", (char) 0, false)).isEqualTo("1c");
    assertThat(SqlInjection.fingerprint("1--1", (char) 0, true)).isEqualTo("1o1");
  }

  @Test
  void alwaysFlagsNestedComments() {
    assertThat(SqlInjection.detect("1 /* /* */ */"))
        .hasValueSatisfying(f -> assertThat(f).startsWith("1X"));
  }

  @Test
  void flagsTheQuoteShapeButNotTwoQuotedStrings() {
    assertThat(SqlInjection.detect("x' or 'y")).contains("s&s");
    assertThat(SqlInjection.detect("'a' or 'b'")).isEmpty();
    assertThat(SqlInjection.detect("\"a\" = \"b\"")).isEmpty();
  }

  @Test
  void passesShortProseOfValuesAndOperators() {
    assertThat(SqlInjection.detect("1 or 2")).isEmpty();
    assertThat(SqlInjection.detect("20 limit 5")).isEmpty();
    assertThat(SqlInjection.detect("1 or 1 or 1=1")).isPresent();
  }

  @Test
  void flagsTruncationOnlyWithAWordlessComment() {
    assertThat(SqlInjection.detect("admin'--")).contains("sc");
    assertThat(SqlInjection.detect("admin' -- -")).contains("sc");
    assertThat(SqlInjection.detect("admin')#")).contains("s)c");
    assertThat(SqlInjection.detect("<a href=\"#top\">")).isEmpty();
    assertThat(SqlInjection.detect("it' -- was fine")).isEmpty();
  }

  @Test
  void handlesEscapedAndDoubledQuotes() {
    assertThat(SqlInjection.fingerprint("'it''s' or 'x'", (char) 0, false)).isEqualTo("s&s");
    assertThat(SqlInjection.fingerprint("'it\\'s'", (char) 0, false)).isEqualTo("s");
  }

  @Test
  void nothingToFindInEmptyOrBlankValues() {
    assertThat(SqlInjection.detect("")).isEmpty();
    assertThat(SqlInjection.detect("   \0\0 ")).isEmpty();
  }

  @Test
  void staysLinearOnHugeValues() {
    String huge = "'".repeat(200_000) + "\\".repeat(200_000) + " or 1=1".repeat(1000);
    assertThat(SqlInjection.detect(huge)).isNotNull();
    assertThat(SqlInjection.detect("1 union select " + "a,".repeat(500_000))).isPresent();
  }

  @Property
  void neverThrowsOnAnyByteString(
      @ForAll @StringLength(max = 60) @CharRange(from = 0, to = 255) String s) {
    assertThat(SqlInjection.detect(s)).isNotNull();
  }

  @Property
  void neverThrowsOnSqlFragments(@ForAll("fragments") String s) {
    assertThat(SqlInjection.detect(s)).isNotNull();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> fragments() {
    return net.jqwik.api.Arbitraries.of(
            "'", "\"", "`", "/*", "*/", "/*!", "--", "#", "@", "@@", "$$", "\\", "\\N", "0x", "0b",
            "1e", "x'", "N'", "[", "(", ")", ";", " ", "union", "select", "or", "sleep")
        .list()
        .ofMaxSize(12)
        .map(l -> String.join("", l));
  }
}
