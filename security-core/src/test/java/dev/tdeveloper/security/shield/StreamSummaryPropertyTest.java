package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Metwally's guarantees of the Stream-Summary bucket against exact counts on random streams: every
 * key more frequent than {@code N / capacity} is tracked, and each estimate lies between the true
 * count and the true count plus the least counter.
 */
class StreamSummaryPropertyTest {
  @Property(tries = 300)
  void estimatesBracketTheTrueCountsAndFrequentKeysAreTracked(
      @ForAll @IntRange(min = 1, max = 40) int capacity, @ForAll("streams") List<Integer> stream) {
    SpaceSaving<Integer> summary = new SpaceSaving<>(capacity);
    Map<Integer, Long> exact = new HashMap<>();
    for (Integer key : stream) {
      summary.offer(key, SpaceSaving.hash(key));
      exact.merge(key, 1L, Long::sum);
    }
    long n = stream.size();
    long min = summary.minCount();
    long[] sum = {0};
    long[] max = {0};
    summary.forEach(
        c -> {
          long truth = exact.get(c.key);
          assertThat(c.count).isGreaterThanOrEqualTo(truth).isLessThanOrEqualTo(truth + min);
          assertThat(c.count - c.error).isLessThanOrEqualTo(truth).isPositive();
          assertThat(c.error).isLessThanOrEqualTo(min);
          assertThat(c.count).isGreaterThanOrEqualTo(min);
          sum[0] += c.count;
          max[0] = Math.max(max[0], c.count);
        });
    assertThat(sum[0]).isEqualTo(n);
    assertThat(summary.maxCount()).isEqualTo(max[0]);
    assertThat(summary.size()).isEqualTo(Math.min(capacity, exact.size()));
    if (summary.size() == capacity) { // the counts sum to n, so the least is at most the mean
      assertThat(min).isLessThanOrEqualTo(n / capacity);
    }
    exact.forEach(
        (key, truth) -> {
          if (truth * capacity > n) {
            assertThat(summary.get(key, SpaceSaving.hash(key)))
                .as("key %s counted %s times of %s", key, truth, n)
                .isNotNull();
          }
        });
  }

  /** Streams mixing a few heavy keys into uniform noise over a universe of up to 500 keys. */
  @Provide
  Arbitrary<List<Integer>> streams() {
    Arbitrary<Integer> universe = Arbitraries.integers().between(1, 500);
    return Combinators.combine(universe, Arbitraries.integers().between(0, 90))
        .flatAs(
            (size, heavyPercent) ->
                Arbitraries.integers()
                    .between(0, 99)
                    .flatMap(
                        roll ->
                            roll < heavyPercent
                                ? Arbitraries.integers().between(-3, -1)
                                : Arbitraries.integers().between(0, size - 1))
                    .list()
                    .ofMaxSize(2_000));
  }
}
