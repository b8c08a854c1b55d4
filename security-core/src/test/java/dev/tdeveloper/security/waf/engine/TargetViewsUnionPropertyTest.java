package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The evaluator skips a view's targets at once when a link's literal formula rejects the union of
 * their literals ({@link TargetViews#union}); that must never skip a target whose own literals the
 * formula accepts (the per-target test it stands in for), and the union must be exactly the set
 * union of the targets' literals.
 */
class TargetViewsUnionPropertyTest {
  private static final List<WafPattern> PATTERNS =
      List.of(
          WafPattern.compile("(?i)union\\s+select"),
          WafPattern.compile("(?i)(?:<script|javascript:|onerror\\s*=)"),
          WafPattern.compile("(?i)\\b(?:etc/passwd|boot\\.ini)\\b"),
          WafPattern.compile("(?:select|insert|update).*(?:from|into|set)"),
          WafPattern.compile("^abc|xyz$"),
          WafPattern.compile("[0-9]+"));
  private static final LiteralIndex INDEX = LiteralIndex.of(PATTERNS);
  private static final List<String> PIECES =
      List.of(
          "union",
          "UNION",
          " ",
          "select",
          "<script",
          "javascript:",
          "onerror",
          "=",
          "etc/passwd",
          "boot.ini",
          "from",
          "into",
          "set",
          "insert",
          "update",
          "abc",
          "xyz",
          "x",
          "1",
          "/",
          ";");

  @Provide
  Arbitrary<List<String>> values() {
    return Arbitraries.of(PIECES)
        .list()
        .ofMaxSize(6)
        .map(l -> String.join("", l))
        .list()
        .ofMaxSize(8);
  }

  @Property(tries = 500)
  void aRejectedUnionRejectsEveryTarget(@ForAll("values") List<String> values) {
    int[][] found = new int[values.size()][];
    TreeSet<Integer> all = new TreeSet<>();
    for (int i = 0; i < found.length; i++) {
      found[i] = INDEX.scan(values.get(i));
      for (int id : found[i]) {
        all.add(id);
      }
    }
    int[] union = TargetViews.union(found);
    assertThat(union).containsExactly(all.stream().mapToInt(Integer::intValue).toArray());
    for (WafPattern p : PATTERNS) {
      LiteralIndex.Formula formula = INDEX.formula(p);
      if (formula == null || formula.mayMatch(union)) {
        continue;
      }
      for (int[] f : found) {
        assertThat(formula.mayMatch(f)).isFalse();
      }
    }
  }

  @Property(tries = 200)
  void theViewsUnionIsMadeFromItsTargetsLiterals(@ForAll("values") List<String> values) {
    Target[] targets = new Target[values.size()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = new Target("ARGS:a" + i, "a" + i, values.get(i));
    }
    TargetViews views = new TargetViews(1, 1);
    views.view(0, targets);
    assertThat(views.union(0)).isNull();
    int[][] found = new int[targets.length][];
    for (int i = 0; i < targets.length; i++) {
      found[i] = INDEX.scan(values.get(i));
      views.literals(0, i, found[i]);
    }
    views.unite(0);
    assertThat(views.union(0)).containsExactly(TargetViews.union(found));
    views.view(0, targets.clone());
    assertThat(views.union(0)).isNull();
    if (targets.length > 0) {
      assertThat(views.literals(0, 0)).isNull();
    }
    views.view(0, new Target[0]);
    views.unite(0);
    assertThat(views.union(0)).isEmpty();
  }

  @Provide
  Arbitrary<List<List<int[]>>> idSets() {
    Arbitrary<int[]> set =
        Arbitraries.integers()
            .between(0, 4_000)
            .set()
            .ofMaxSize(40)
            .map(ids -> ids.stream().mapToInt(Integer::intValue).sorted().toArray());
    return set.list().ofMaxSize(12).list().ofMinSize(1).ofMaxSize(6);
  }

  /** The bit-set union, one view's scratch reused union after union, against a sorted set. */
  @Property(tries = 500)
  void theBitSetUnionIsTheSetUnion(@ForAll("idSets") List<List<int[]>> rounds) {
    TargetViews views = new TargetViews(1, 1);
    for (List<int[]> sets : rounds) {
      Target[] targets = new Target[sets.size()];
      TreeSet<Integer> all = new TreeSet<>();
      for (int i = 0; i < targets.length; i++) {
        targets[i] = new Target("ARGS:a" + i, "a" + i, "v" + i);
      }
      views.view(0, targets);
      for (int i = 0; i < targets.length; i++) {
        views.literals(0, i, sets.get(i));
        for (int id : sets.get(i)) {
          all.add(id);
        }
      }
      views.unite(0);
      int[] expected = all.stream().mapToInt(Integer::intValue).toArray();
      assertThat(views.union(0)).containsExactly(expected);
      assertThat(TargetViews.union(sets.toArray(new int[0][]))).containsExactly(expected);
    }
  }
}
