package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The byte classes a match needs, and that the test of them never rejects a match. */
class RequiredBytesTest {
  private static final List<String> PATTERNS =
      List.of(
          "(?:^|=)\\s*(?:ls|cat|wget)[\\\\'\"]*(?:\\s|;|\\||&|<|>)",
          "(?i)(?:\\x5c|%2f|0x5c|\\/)(?:%2e|\\.){2}(?:\\x5c|\\/)",
          "a+[;|]b?",
          "(?:x|y;)z*<",
          "\\$\\{?[a-z]+",
          "(?:ab)+(?=c)");

  private static RequiredBytes of(String pattern) {
    return RequiredBytes.of(PcreParser.parse(pattern).root());
  }

  @Test
  void commandPatternNeedsASeparatorByte() {
    RequiredBytes r = of(PATTERNS.get(0));
    assertThat(r).isNotNull();
    assertThat(r.test("catalogue")).isFalse();
    assertThat(r.test("=cat;")).isTrue();
  }

  @Test
  void alternationNeedsOneByteOfTheUnion() {
    RequiredBytes r = of("(?:x|y;)<");
    assertThat(r.test("x<")).isTrue();
    assertThat(r.test(";<")).isTrue();
    assertThat(r.test("<")).isFalse();
    assertThat(r.test("x")).isFalse();
  }

  @Test
  void optionalPartsAndEmptyBranchesNeedNothing() {
    assertThat(of("a?")).isNull();
    assertThat(of("(?:|;)")).isNull();
    assertThat(of("(?:\\d|$)")).isNull();
    assertThat(of(".")).isNull();
  }

  @Test
  void charsAboveAByteCountAsAnyByte() {
    assertThat(of("[;|]").test("\u0100")).isTrue();
  }

  @Provide
  Arbitrary<String> inputs() {
    return Arbitraries.strings().withChars("abcxyzlstw=;|&<> \t'\"\\/.%2e5cC0${}").ofMaxLength(12);
  }

  @Property(tries = 2000)
  void neverRejectsAMatch(@ForAll("inputs") String input) {
    for (String p : PATTERNS) {
      RequiredBytes r = of(p);
      if (r != null && !r.test(input)) {
        assertThat(WafPattern.compileBacktracking(p, 1_000_000L).find(input, null))
            .as(p + " on [" + input + "]")
            .isNotEqualTo(RegexOutcome.MATCHED);
      }
    }
  }
}
