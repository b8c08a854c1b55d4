package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Anchored literal patterns answered without an engine give what the regex gives. */
class AnchoredLiteralTest {
  private static final List<String> PATTERNS =
      List.of(
          "(?i)^header_name_",
          "^HEADER_NAME_",
          "^ab$",
          "(?i)^(?:a[b-d]\\.)$",
          "^%2e",
          "^x",
          "^(?:GET|HEAD)$",
          "^(?:GE|GET)",
          "(?i)^(?:ab|a|)$",
          "^\\d+$",
          "^x\\d*$",
          "^[a-c]{2,4}",
          "^(?:e\\d{1,3}|E+)$");

  private static AnchoredLiteral of(String pattern) {
    return AnchoredLiteral.of(PcreParser.parse(pattern).root());
  }

  @Test
  void onlyAnchoredRunsOfCharacterSetsQualify() {
    assertThat(of("(?i)^header_name_")).isNotNull();
    assertThat(of("^ab$")).isNotNull();
    assertThat(of("header_name_")).isNull();
    assertThat(of("^a+")).isNotNull();
    assertThat(of("^(?:GET|HEAD)$")).isNotNull();
    assertThat(of("^a+b")).isNull();
    assertThat(of("^a+?")).isNull();
    assertThat(of("^(?:a|b(?:c|d))")).isNull();
    assertThat(of("^(?:a|(b))")).isNull();
    assertThat(of("^(a)")).isNull();
    assertThat(of("^a|b")).isNull();
    assertThat(of("^ab\\Z")).isNull();
  }

  @Test
  void caseFoldingFollowsThePattern() {
    assertThat(of("(?i)^header_name_").match("HEADER_NAME_host")).isEqualTo(12);
    assertThat(of("^HEADER_NAME_").match("header_name_host")).isEqualTo(-1);
    assertThat(of("^ab$").match("ab\n")).isEqualTo(-1);
  }

  @Provide
  Arbitrary<String> inputs() {
    return Arbitraries.strings().withChars("abcdxHEADR_NMTGhe%2.\n019").ofMaxLength(16);
  }

  @Property(tries = 3000)
  void agreesWithTheRegex(@ForAll("inputs") String input) {
    for (String p : PATTERNS) {
      List<String> fast = new ArrayList<>();
      List<String> slow = new ArrayList<>();
      RegexOutcome got = WafPattern.compile(p).find(input, fast);
      RegexOutcome want = WafPattern.compileBacktracking(p, 1_000_000L).find(input, slow);
      assertThat(got).as(p + " on [" + input + "]").isEqualTo(want);
      assertThat(fast).as(p + " groups on [" + input + "]").isEqualTo(slow);
      com.google.re2j.Matcher re2 = re2(p).matcher(input);
      assertThat(re2.find() ? RegexOutcome.MATCHED : RegexOutcome.NOT_MATCHED)
          .as(p + " on RE2/J on [" + input + "]")
          .isEqualTo(got);
      if (got == RegexOutcome.MATCHED) {
        assertThat(fast.get(0)).as(p + " RE2/J match on [" + input + "]").isEqualTo(re2.group());
      }
    }
  }

  @Test
  void triesAlternativesInOrder() {
    assertThat(of("^(?:GE|GET)").match("GETX")).isEqualTo(2);
    assertThat(of("^(?:GE|GET)$").match("GET")).isEqualTo(3);
    assertThat(of("^(?:GET|HEAD)$").match("HEAD")).isEqualTo(4);
    assertThat(of("^(?:GET|HEAD)$").match("POST")).isEqualTo(-1);
    assertThat(of("^\\d{2,3}").match("12345")).isEqualTo(3);
    assertThat(of("^\\d{2,3}").match("1x")).isEqualTo(-1);
  }

  private static com.google.re2j.Pattern re2(String p) {
    return com.google.re2j.Pattern.compile(
        RegexEmitter.emit(PcreParser.parse(p).root(), false), com.google.re2j.Pattern.DOTALL);
  }
}
