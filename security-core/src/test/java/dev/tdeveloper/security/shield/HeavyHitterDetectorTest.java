package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeavyHitterDetectorTest {
  private final ManualClock clock = new ManualClock();

  private HeavyHitterDetector<String> detector(long threshold) {
    return HeavyHitterDetector.create(
        HeavyHitterConfig.of(threshold, Duration.ofSeconds(60)), clock);
  }

  @Test
  void countsExactlyWhileKeysFitAndFlagsAboveTheThreshold() {
    HeavyHitterDetector<String> d = detector(100);
    for (int i = 1; i <= 100; i++) {
      assertThat(d.record("a")).isEqualTo(i);
    }
    d.record("b");
    assertThat(d.isHeavy("a")).isFalse();
    assertThat(d.record("a")).isEqualTo(101);
    assertThat(d.isHeavy("a")).isTrue();
    assertThat(d.isHeavy("b")).isFalse();
    assertThat(d.estimate("a")).isEqualTo(new FrequencyEstimate<>("a", 101, 0));
    assertThat(d.estimate("never")).isEqualTo(new FrequencyEstimate<>("never", 0, 0));
    assertThat(d.heavyHitters()).extracting(FrequencyEstimate::key).containsExactly("a");
  }

  @Test
  void windowSlidesOneBucketAtATime() {
    HeavyHitterDetector<String> d = detector(1000);
    for (int i = 0; i < 30; i++) {
      d.record("k");
      clock.advance(Duration.ofSeconds(2)); // 30 events over 60 s, 5 per 10 s bucket
    }
    // now t = 60 s: the bucket [0 s, 10 s) has left the window
    assertThat(d.estimate("k").count()).isEqualTo(25);
    assertThat(d.record("k")).isEqualTo(26);
    clock.advance(Duration.ofSeconds(10));
    assertThat(d.estimate("k").count()).isEqualTo(21);
    clock.advance(Duration.ofMinutes(5));
    assertThat(d.estimate("k").count()).isZero();
    assertThat(d.record("k")).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} stripes")
  @ValueSource(ints = {1, 4, 16}) // the default depends on the processors: 2 to 16
  void staysAtItsConfiguredSizeAndStillFindsTheHeavyHitterAmongAMillionRandomKeys(int stripes) {
    HeavyHitterConfig config = HeavyHitterConfig.of(40_000, Duration.ofSeconds(60));
    HeavyHitterDetector<String> d = HeavyHitterDetector.create(config, clock, stripes);
    SplittableRandom random = new SplittableRandom(42);
    long heavyCount = 0;
    for (int i = 0; i < 1_000_000; i++) {
      if (i % 20 == 0) {
        d.record("attacker");
        heavyCount++;
      }
      d.record(Long.toHexString(random.nextLong()));
      if (i % 100_000 == 0) {
        clock.advance(Duration.ofSeconds(5)); // noise spans every bucket of the window
      }
    }
    assertThat(d.size()).isLessThanOrEqualTo(config.capacity() * config.buckets());
    assertThat(heavyCount).isEqualTo(50_000);
    FrequencyEstimate<String> top = d.topK(1).get(0);
    assertThat(top.key()).isEqualTo("attacker");
    assertThat(top.count()).isGreaterThanOrEqualTo(heavyCount);
    assertThat(top.guaranteed()).isGreaterThan(40_000).isLessThanOrEqualTo(heavyCount);
    assertThat(d.isHeavy("attacker")).isTrue();
    assertThat(d.heavyHitters()).extracting(FrequencyEstimate::key).containsExactly("attacker");
  }

  @Test
  void noiseNeverMakesAnInnocentKeyHeavy() {
    HeavyHitterDetector<String> d =
        HeavyHitterDetector.create(
            HeavyHitterConfig.of(5, Duration.ofSeconds(60)).withCapacity(16), clock);
    d.record("innocent");
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      d.record("noise-" + random.nextInt(1_000_000));
    }
    // the last new key inherits a large count, but only its guaranteed count decides
    long answer = d.record("late-innocent");
    assertThat(answer).isEqualTo(1);
    assertThat(d.isHeavy("late-innocent")).isFalse();
    assertThat(d.estimate("late-innocent").count()).isGreaterThan(5);
    assertThat(d.heavyHitters()).isEmpty();
  }

  @Test
  void resetForgetsAKeyInEveryBucket() {
    HeavyHitterDetector<String> d = detector(10);
    for (int i = 0; i < 20; i++) {
      d.record("k");
      clock.advance(Duration.ofSeconds(5));
    }
    d.reset("k");
    assertThat(d.estimate("k").count()).isZero();
    assertThat(d.record("k")).isEqualTo(1);
  }

  @Test
  void oneKeysFloodNeverRaisesAnotherKeysCount() {
    HeavyHitterDetector<String> d = detector(50);
    for (int i = 0; i < 10; i++) {
      d.record("tenant-b");
    }
    for (int i = 0; i < 100_000; i++) {
      d.record("tenant-a");
    }
    assertThat(d.estimate("tenant-b")).isEqualTo(new FrequencyEstimate<>("tenant-b", 10, 0));
    assertThat(d.isHeavy("tenant-a")).isTrue();
    assertThat(d.isHeavy("tenant-b")).isFalse();
  }

  @ParameterizedTest(name = "{0} stripes")
  @ValueSource(ints = {1, 4, 16})
  void concurrentRecordsAreAllCounted(int stripes) throws Exception {
    HeavyHitterDetector<String> d =
        HeavyHitterDetector.create(
            HeavyHitterConfig.of(Long.MAX_VALUE, Duration.ofSeconds(60)), clock, stripes);
    int threads = 8;
    int perThread = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    d.record("key-" + (i % 50));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (int k = 0; k < 50; k++) {
      assertThat(d.estimate("key-" + k).count()).isEqualTo(threads * perThread / 50);
    }
    assertThat(d.topK(100)).hasSize(50);
  }

  @Test
  void rejectsBadConfigurationNamingTheField() {
    assertThatThrownBy(() -> HeavyHitterConfig.of(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must be at least 1, was 0");
    assertThatThrownBy(() -> HeavyHitterConfig.of(1, Duration.ofSeconds(60)).withBuckets(1))
        .hasMessage("buckets must be 2 to 120, was 1");
    assertThatThrownBy(() -> HeavyHitterConfig.of(1, Duration.ofSeconds(60)).withCapacity(8))
        .hasMessage("capacity must be 16 to 1048576, was 8");
    assertThatThrownBy(() -> HeavyHitterConfig.of(1, Duration.ofMillis(5)))
        .hasMessageContaining("window must be PT0.006S")
        .hasMessageContaining("was PT0.005S with 6 buckets");
    assertThatThrownBy(() -> HeavyHitterConfig.of(1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("window");
    assertThatThrownBy(() -> detector(1).topK(0)).hasMessage("k must be at least 1, was 0");
    assertThatThrownBy(() -> detector(1).record(null)).hasMessage("key");
  }

  @Test
  void aRejectedKeyChangesNoCounts() {
    HeavyHitterDetector<String> d = detector(10);
    d.record("a");
    assertThatThrownBy(() -> d.record(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> d.reset(null)).isInstanceOf(NullPointerException.class);
    assertThat(d.size()).isEqualTo(1);
    assertThat(d.estimate("a").count()).isEqualTo(1);
  }
}
