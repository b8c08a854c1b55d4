package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No pattern can hang a search: RE2/J is linear, the fallback stops at its step budget. */
class RegexSafetyTest {
  private static final String EVIL_INPUT = "a".repeat(50_000) + "!";

  @Test
  void nestedQuantifierEndsWithLimitExceededOnTheFallback() {
    WafPattern evil = WafPattern.compileBacktracking("(a+)+$", 100_000);
    List<String> groups = new ArrayList<>(List.of("untouched"));
    assertThat(evil.find(EVIL_INPUT, groups)).isEqualTo(RegexOutcome.LIMIT_EXCEEDED);
    assertThat(groups).containsExactly("untouched");
  }

  @Test
  void budgetCountsCharactersReadAndStopsExactlyThere() {
    BudgetedInput in = new BudgetedInput("abc", 2);
    assertThat(in.charAt(0)).isEqualTo('a');
    assertThat(in.charAt(1)).isEqualTo('b');
    assertThatThrownBy(() -> in.charAt(2)).isSameAs(BudgetedInput.Exhausted.INSTANCE);
  }

  @Test
  void nestedQuantifierRunsInLinearTimeOnRe2() {
    WafPattern evil = WafPattern.compile("(a+)+$");
    assertThat(evil.linearTime()).isTrue();
    assertThat(evil.find(EVIL_INPUT, null)).isEqualTo(RegexOutcome.NOT_MATCHED);
    assertThat(evil.find(EVIL_INPUT.substring(0, 50_000), null)).isEqualTo(RegexOutcome.MATCHED);
  }

  @Test
  void evilPatternThatNeedsBacktrackingEndsWithLimitExceededUnderTheDefaultBudget() {
    WafPattern evil = WafPattern.compile("^(a|aa)+(?<!b)$");
    assertThat(evil.linearTime()).isFalse();
    assertThat(evil.stepBudget()).isEqualTo(WafPattern.DEFAULT_STEP_BUDGET);
    assertThat(evil.find(EVIL_INPUT, null)).isEqualTo(RegexOutcome.LIMIT_EXCEEDED);
  }

  @Test
  void deepGroupRepetitionThatOverflowsTheStackIsALimitNotAnError() {
    WafPattern deep = WafPattern.compileBacktracking("(?:a|b)*(?=c)", Long.MAX_VALUE);
    String huge = "ab".repeat(500_000) + "c";
    assertThat(deep.find(huge, null)).isIn(RegexOutcome.MATCHED, RegexOutcome.LIMIT_EXCEEDED);
    assertThat(deep.find("abc", null)).isEqualTo(RegexOutcome.MATCHED);
  }

  @Test
  void everyCrsFallbackPatternEndsOnHostileInputsWithoutThrowing() {
    List<String> inputs =
        List.of(
            "'".repeat(100_000),
            "a=a ".repeat(20_000),
            "text/html; " + "q= ;".repeat(20_000),
            "&auml".repeat(20_000) + ";",
            "<?" + "x".repeat(100_000),
            "\u0000\u00ff".repeat(30_000),
            "");
    for (CrsPatterns.CrsPattern p : CrsPatterns.all()) {
      WafPattern compiled = WafPattern.compile(p.source());
      if (compiled.linearTime()) {
        continue;
      }
      for (String in : inputs) {
        assertThat(compiled.find(in, new ArrayList<>())).as(p.ruleId()).isNotNull();
      }
    }
  }

  @Test
  void crsFallbackPatternsStayWithinTheBudgetOnOrdinaryValues() {
    String text = "The quick brown fox jumps over the lazy dog, 42 times; id=7 & name='x'. ";
    String value = text.repeat(100);
    for (CrsPatterns.CrsPattern p : CrsPatterns.all()) {
      WafPattern compiled = WafPattern.compile(p.source());
      if (!compiled.linearTime()) {
        assertThat(compiled.find(value, null))
            .as(p.ruleId())
            .isNotEqualTo(RegexOutcome.LIMIT_EXCEEDED);
      }
    }
  }
}
