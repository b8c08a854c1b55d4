package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every CRS pattern that runs on RE2/J gives the same outcome and groups 0..9 on the
 * java.util.regex fallback, over attack and benign values.
 */
class CrsEquivalenceTest {

  @Test
  void re2AndFallbackAgreeOnEveryLinearCrsPattern() {
    int compared = 0;
    int matched = 0;
    for (CrsPatterns.CrsPattern p : CrsPatterns.all()) {
      WafPattern linear = WafPattern.compile(p.source());
      if (!linear.linearTime()) {
        continue;
      }
      WafPattern fallback = WafPattern.compileBacktracking(p.source(), Long.MAX_VALUE);
      for (String value : RegexCorpus.all()) {
        List<String> g1 = new ArrayList<>();
        List<String> g2 = new ArrayList<>();
        RegexOutcome a = linear.find(value, g1);
        RegexOutcome b = fallback.find(value, g2);
        String what = p.ruleId() + " " + p.file() + ":" + p.line() + " on [" + value + "]";
        assertThat(b).as(what).isEqualTo(a);
        assertThat(g2).as(what).isEqualTo(g1);
        compared++;
        matched += a == RegexOutcome.MATCHED ? 1 : 0;
      }
    }
    assertThat(compared).isGreaterThan(10_000);
    assertThat(matched).as("the corpus exercises matches, not only misses").isGreaterThan(300);
  }
}
