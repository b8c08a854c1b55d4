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
      List.of("(?i)^header_name_", "^HEADER_NAME_", "^ab$", "(?i)^(?:a[b-d]\\.)$", "^%2e", "^x");

  private static AnchoredLiteral of(String pattern) {
    return AnchoredLiteral.of(PcreParser.parse(pattern).root());
  }

  @Test
  void onlyAnchoredRunsOfCharacterSetsQualify() {
    assertThat(of("(?i)^header_name_")).isNotNull();
    assertThat(of("^ab$")).isNotNull();
    assertThat(of("header_name_")).isNull();
    assertThat(of("^a+")).isNull();
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
    return Arbitraries.strings().withChars("abcdxHEADR_NMhe%2.\n").ofMaxLength(16);
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
    }
  }
}
