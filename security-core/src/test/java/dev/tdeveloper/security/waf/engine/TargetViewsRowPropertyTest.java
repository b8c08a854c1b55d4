package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The row {@link TargetViews#row} keeps per selection and position is exactly the row the cache's
 * table gives the target's value ({@link ValueCache#row}), in whatever order selections ask, and
 * after a selection's targets were replaced (as when the request data changes): a stale row would
 * hand one value's transformations to another.
 */
class TargetViewsRowPropertyTest {
  private static final int SELECTIONS = 3;
  private static final CompiledRule.Variable ARGS =
      new CompiledRule.Variable("ARGS", Optional.empty(), Optional.empty(), false);
  private static final String TOO_LONG = "x".repeat(ValueCache.MAX_CACHED_VALUE + 1);
  private static final LiteralIndex INDEX =
      LiteralIndex.of(List.of(WafPattern.compile("(?i)union\\s+select")));

  private record Ask(int selection, int version, int target) {}

  @Provide
  Arbitrary<List<List<String>>> versions() {
    Arbitrary<String> value = Arbitraries.of("a", "b", "union select", "", "a", TOO_LONG);
    return value.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Ask>> asks() {
    return Combinators.combine(
            Arbitraries.integers().between(0, SELECTIONS - 1),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 4))
        .as(Ask::new)
        .list()
        .ofMaxSize(40);
  }

  @Property(tries = 300)
  void givesTheRowOfTheCacheTable(
      @ForAll("versions") List<List<String>> versions, @ForAll("asks") List<Ask> asks) {
    // Per selection, its targets at each version of the data; equal values in distinct instances.
    Target[][][] arrays = new Target[SELECTIONS][versions.size()][];
    for (int s = 0; s < SELECTIONS; s++) {
      for (int v = 0; v < versions.size(); v++) {
        List<String> values = versions.get((v + s) % versions.size());
        Target[] targets = new Target[values.size()];
        for (int i = 0; i < targets.length; i++) {
          targets[i] = new Target("ARGS:k" + i, "k" + i, new String(values.get(i)));
        }
        arrays[s][v] = targets;
      }
    }
    ValueCache cache = new ValueCache(1, INDEX);
    TargetViews views = new TargetViews(SELECTIONS, 1);
    for (Ask ask : asks) {
      int selection = ask.selection();
      Target[] source = arrays[selection][ask.version() % versions.size()];
      Target[] targets = views.select(selection, source, ARGS, List.of());
      int i = ask.target() % targets.length;
      String raw = targets[i].value();
      ValueCache.Row row = views.row(selection, i, cache, raw);
      ValueCache.Row expected = cache.row(raw);
      if (expected == null) {
        assertThat(row).isNull();
      } else {
        assertThat(row).isSameAs(expected);
        assertThat(row.raw).isEqualTo(raw);
      }
    }
  }
}
