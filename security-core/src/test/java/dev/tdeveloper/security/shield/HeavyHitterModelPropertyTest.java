package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The detector with swapped buckets (a bucket change takes a cleared spare, the retired summary is
 * cleared after the lock) answers every call exactly as the detector before issue 17 ({@link
 * ReferenceHeavyHitterDetector}), for any sequence of records (the shield's shortcut and the exact
 * count), late events (a ticker reading from before the last bucket change), resets, estimates,
 * top-k and heavy-hitter lists, and ticker jumps, with many bucket changes per run.
 */
class HeavyHitterModelPropertyTest {
  private static final long BUCKET = 1_000_000; // 1 ms, the shortest allowed

  /** What one step does. */
  enum Op {
    IS_HEAVY,
    RECORD,
    LATE_IS_HEAVY,
    RESET,
    ESTIMATE,
    TOP_K,
    HEAVY_HITTERS,
    SIZE
  }

  /** One step: an operation on a key, after time moves by {@code advance}. */
  record Step(Op op, int key, int advance, int late) {}

  @Property(tries = 400)
  void answersAsTheDetectorBeforeIssue17(
      @ForAll("thresholds") long threshold,
      @ForAll @IntRange(min = 2, max = 6) int buckets,
      @ForAll("stripes") int stripes,
      @ForAll("steps") List<Step> steps) {
    long[] clock = {0};
    HeavyHitterConfig config =
        new HeavyHitterConfig(threshold, Duration.ofNanos(BUCKET * buckets), buckets, 64 * 4);
    HeavyHitterDetector<String> detector =
        HeavyHitterDetector.create(config, () -> clock[0], stripes);
    ReferenceHeavyHitterDetector<String> model =
        new ReferenceHeavyHitterDetector<>(config, () -> clock[0], stripes);
    for (Step step : steps) {
      clock[0] += step.advance();
      long at = clock[0];
      String key = "k" + step.key();
      String as = step + " at " + at;
      switch (step.op()) {
        case IS_HEAVY ->
            assertThat(detector.recordIsHeavy(key, at))
                .as(as)
                .isEqualTo(model.recordIsHeavy(key, at));
        case LATE_IS_HEAVY ->
            assertThat(detector.recordIsHeavy(key, at - step.late()))
                .as(as)
                .isEqualTo(model.recordIsHeavy(key, at - step.late()));
        case RECORD -> assertThat(detector.record(key, at)).as(as).isEqualTo(model.record(key, at));
        case RESET -> {
          detector.reset(key);
          model.reset(key);
        }
        case ESTIMATE -> assertThat(detector.estimate(key)).as(as).isEqualTo(model.estimate(key));
        case TOP_K ->
            assertThat(detector.topK(1 + step.key() % 7))
                .as(as)
                .isEqualTo(model.topK(1 + step.key() % 7));
        case HEAVY_HITTERS ->
            assertThat(detector.heavyHitters()).as(as).isEqualTo(model.heavyHitters());
        case SIZE -> assertThat(detector.size()).as(as).isEqualTo(model.size());
      }
    }
    assertThat(detector.topK(10_000)).isEqualTo(model.topK(10_000));
  }

  @Provide
  Arbitrary<Long> thresholds() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.longs().between(1, 40)),
        Tuple.of(2, Arbitraries.longs().between(41, 600)),
        Tuple.of(1, Arbitraries.just(Long.MAX_VALUE)));
  }

  @Provide
  Arbitrary<Integer> stripes() {
    return Arbitraries.of(1, 4, 16);
  }

  /**
   * Mostly the shield's call on a few busy keys among up to 600 (so the 64-counter stripes evict),
   * time standing or moving by up to four buckets, late events up to two buckets back.
   */
  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            Tuple.of(60, Arbitraries.just(Op.IS_HEAVY)),
            Tuple.of(8, Arbitraries.just(Op.RECORD)),
            Tuple.of(6, Arbitraries.just(Op.LATE_IS_HEAVY)),
            Tuple.of(1, Arbitraries.just(Op.RESET)),
            Tuple.of(3, Arbitraries.just(Op.ESTIMATE)),
            Tuple.of(1, Arbitraries.just(Op.TOP_K)),
            Tuple.of(1, Arbitraries.just(Op.HEAVY_HITTERS)),
            Tuple.of(1, Arbitraries.just(Op.SIZE)));
    Arbitrary<Integer> key =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 3)),
            Tuple.of(2, Arbitraries.integers().between(0, 599)));
    Arbitrary<Integer> advance =
        Arbitraries.frequencyOf(
            Tuple.of(30, Arbitraries.just(0)),
            Tuple.of(3, Arbitraries.integers().between(1, (int) BUCKET)),
            Tuple.of(1, Arbitraries.integers().between(1, (int) BUCKET * 4)));
    Arbitrary<Integer> late = Arbitraries.integers().between(1, (int) BUCKET * 2);
    return Combinators.combine(op, key, advance, late).as(Step::new).list().ofMaxSize(1500);
  }
}
