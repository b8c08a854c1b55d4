package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The shield's shortcut ({@link HeavyHitterDetector#recordIsHeavy}, which skips the older buckets
 * while their largest counts cannot matter) answers exactly as comparing {@link
 * HeavyHitterDetector#record}'s guaranteed count with the threshold, through time jumps and resets;
 * and a late event (from a thread that read the ticker before another moved to a new bucket) that
 * raises an older bucket's largest count is never hidden by the cached bound.
 *
 * <p>With late events the two may legitimately differ: both cache a key's older count once looked
 * up, {@code record} at the key's first event in a bucket and the shortcut only when needed.
 */
class HeavyHitterShortcutPropertyTest {
  private static final long BUCKET = 1_000_000; // 1 ms, the shortest allowed

  /** One step: a key, how far time moves before it, and whether it is reset rather than counted. */
  record Step(int key, int advance, boolean reset) {}

  @Property(tries = 300)
  void shortcutAgreesWithTheExactCount(
      @ForAll @LongRange(min = 1, max = 40) long threshold,
      @ForAll @IntRange(min = 2, max = 6) int buckets,
      @ForAll("stripes") int stripes,
      @ForAll("steps") List<Step> steps) {
    long[] clock = {0};
    HeavyHitterConfig config =
        new HeavyHitterConfig(threshold, Duration.ofNanos(BUCKET * buckets), buckets, 16);
    HeavyHitterDetector<String> exact = HeavyHitterDetector.create(config, () -> clock[0], stripes);
    HeavyHitterDetector<String> shortcut =
        HeavyHitterDetector.create(config, () -> clock[0], stripes);
    for (Step step : steps) {
      clock[0] += step.advance();
      long at = clock[0];
      String key = "k" + step.key();
      if (step.reset()) {
        exact.reset(key);
        shortcut.reset(key);
      } else {
        boolean heavy = exact.record(key, at) > threshold;
        assertThat(shortcut.recordIsHeavy(key, at)).as("%s at %s", key, at).isEqualTo(heavy);
      }
    }
    for (int k = 0; k < 40; k++) {
      assertThat(shortcut.estimate("k" + k)).isEqualTo(exact.estimate("k" + k));
    }
  }

  @Example
  void aLateEventRaisingAnOlderBucketIsNotHiddenByTheCachedBound() {
    long[] clock = {0};
    HeavyHitterConfig config =
        new HeavyHitterConfig(10, Duration.ofNanos(BUCKET * 2), 2, HeavyHitterConfig.MIN_CAPACITY);
    HeavyHitterDetector<String> d = HeavyHitterDetector.create(config, () -> clock[0], 1);
    for (int i = 0; i < 5; i++) {
      assertThat(d.recordIsHeavy("a", 0)).isFalse();
    }
    assertThat(d.recordIsHeavy("b", BUCKET)).isFalse(); // bound of the older bucket cached: 5
    for (int i = 6; i <= 10; i++) { // late, through the public path: older bucket's "a" is 10
      assertThat(d.record("a", BUCKET - 1)).isEqualTo(i);
    }
    assertThat(d.recordIsHeavy("a", BUCKET)).isTrue(); // 10 before + 1 now
    clock[0] = BUCKET;
    assertThat(d.estimate("a").guaranteed()).isEqualTo(11);
  }

  @Provide
  Arbitrary<Integer> stripes() {
    return Arbitraries.of(1, 4, 16);
  }

  /** Mostly a few busy keys among up to 40, time standing or moving by up to four buckets. */
  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> key =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 2)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 39)));
    Arbitrary<Integer> advance =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.just(0)),
            net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, (int) BUCKET)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, (int) BUCKET * 4)));
    return net.jqwik.api.Combinators.combine(
            key, advance, Arbitraries.integers().between(0, 49).map(i -> i == 0))
        .as(Step::new)
        .list()
        .ofMaxSize(600);
  }
}
