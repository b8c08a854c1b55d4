package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/**
 * The prefilter never rejects an input that the pattern matches: for every CRS 3.3.4 {@code @rx}
 * pattern, an input that fails the prefilter is not matched by the unfiltered reference engine.
 * Inputs are built from the pattern's own literals (in random case) mixed with noise and with
 * pieces of attack strings, so that many of them come close to matching or do match.
 */
class PrefilterSafetyTest {
  private static final long BUDGET = 10_000_000L;
  private static final List<String> NOISE =
      List.of(
          " ", "  ", "\t", "\n", "'", "\"", "(", ")", ";", "=", "/", "\\", "<", ">", "-", "1", "x",
          "%", "&", "|", "`", "$", ".", ",", ":", "#", "*", "{", "}", "[", "]", "0x", "\u00ff");

  private record Subject(String id, Prefilter prefilter, WafPattern reference, List<String> lits) {}

  private static List<Subject> subjects;

  @BeforeContainer
  static void compileAll() {
    subjects = load();
  }

  private static List<Subject> load() {
    List<Subject> out = new ArrayList<>();
    for (CrsPatterns.CrsPattern p : CrsPatterns.all()) {
      Prefilter f = Prefilter.of(PcreParser.parse(p.source()).root());
      List<String> lits = new ArrayList<>();
      literals(f.condition(), lits);
      String id = p.ruleId() + " " + p.file() + ":" + p.line();
      out.add(new Subject(id, f, WafPattern.compileBacktracking(p.source(), BUDGET), lits));
    }
    return out;
  }

  private static void literals(Cond c, List<String> out) {
    if (c instanceof Cond.Lit l) {
      out.add(l.text());
    } else if (c instanceof Cond.And a) {
      a.parts().forEach(p -> literals(p, out));
    } else if (c instanceof Cond.Or o) {
      o.parts().forEach(p -> literals(p, out));
    }
  }

  /** One recipe, materialised per pattern: each step picks a literal of it or a noise token. */
  private record Step(int pick, long caseBits, boolean noise) {}

  @Provide
  Arbitrary<List<Step>> recipes() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.longs(),
                Arbitraries.of(true, false))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 150)
  void prefilterNeverRejectsAMatch(@ForAll("recipes") List<Step> recipe) {
    if (subjects == null) {
      subjects = load();
    }
    for (Subject s : subjects) {
      String input = materialise(recipe, s.lits());
      check(s, input);
      String attack = RegexCorpus.ATTACKS.get(recipe.get(0).pick() % RegexCorpus.ATTACKS.size());
      check(
          s,
          attack.substring(0, attack.length() / 2) + input + attack.substring(attack.length() / 2));
    }
  }

  private static String materialise(List<Step> recipe, List<String> lits) {
    StringBuilder sb = new StringBuilder();
    for (Step st : recipe) {
      if (st.noise() || lits.isEmpty()) {
        sb.append(NOISE.get(st.pick() % NOISE.size()));
      } else {
        String lit = lits.get(st.pick() % lits.size());
        for (int i = 0; i < lit.length(); i++) {
          char c = lit.charAt(i);
          boolean upper = (st.caseBits() >>> (i & 63) & 1) != 0 && c >= 'a' && c <= 'z';
          sb.append(upper ? (char) (c - 32) : c);
        }
      }
    }
    return sb.toString();
  }

  private static void check(Subject s, String input) {
    if (!s.prefilter().mayMatch(input)) {
      assertThat(s.reference().find(input, null))
          .as(s.id() + " rejected by the prefilter but matched: [" + input + "]")
          .isNotEqualTo(RegexOutcome.MATCHED);
    }
  }

  @Test
  void prefilterRejectsNoCorpusMatchOfAnyCrsPattern() {
    int matched = 0;
    for (Subject s : load()) {
      for (String value : RegexCorpus.all()) {
        boolean matches = s.reference().find(value, null) == RegexOutcome.MATCHED;
        matched += matches ? 1 : 0;
        assertThat(s.prefilter().mayMatch(value) || !matches)
            .as(s.id() + " on [" + value + "]")
            .isTrue();
      }
    }
    assertThat(matched).isGreaterThan(300);
  }

  @Test
  void mostCrsPatternsGetALiteralPrefilter() {
    long prefiltered = 0;
    List<CrsPatterns.CrsPattern> all = CrsPatterns.all();
    for (CrsPatterns.CrsPattern p : all) {
      prefiltered += WafPattern.compile(p.source()).prefiltered() ? 1 : 0;
    }
    assertThat(prefiltered).as("prefiltered out of " + all.size()).isGreaterThanOrEqualTo(225);
  }
}
