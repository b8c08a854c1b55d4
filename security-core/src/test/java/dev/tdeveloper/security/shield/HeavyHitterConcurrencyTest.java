package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many threads through the shield's call ({@link HeavyHitterDetector#recordIsHeavy}): no event is
 * lost, also while the bucket changes under the callers (a cleared spare is swapped in, the retired
 * summary cleared after the lock), and a key that crosses the threshold is answered "heavy" exactly
 * once per event above it, as if the calls were made one at a time. Capacity holds every key, so
 * counts are exact.
 */
class HeavyHitterConcurrencyTest {
  private static final int THREADS = 8;
  private static final int HOT_PER_THREAD = 3_000;
  private static final int LIGHT_PER_THREAD = 6_000;
  private static final int LIGHT_KEYS = 500;
  private static final long THRESHOLD = 7_000;

  @ParameterizedTest(name = "{0} stripes")
  @ValueSource(ints = {1, 4, 16})
  void noLostCountsAndEveryEventAboveTheThresholdIsHeavy(int stripes) throws Exception {
    ManualClock clock = new ManualClock();
    HeavyHitterDetector<String> detector =
        HeavyHitterDetector.create(
            HeavyHitterConfig.of(THRESHOLD, Duration.ofSeconds(60)).withCapacity(1 << 14),
            clock,
            stripes);
    long[][] light = new long[THREADS][LIGHT_KEYS];
    AtomicLong heavyAnswers = new AtomicLong();
    AtomicLong lightHeavyAnswers = new AtomicLong();
    run(
        t ->
            () -> {
              SplittableRandom random = new SplittableRandom(t);
              int hot = 0;
              int lights = 0;
              while (hot < HOT_PER_THREAD || lights < LIGHT_PER_THREAD) {
                boolean pickHot =
                    lights == LIGHT_PER_THREAD || (hot < HOT_PER_THREAD && random.nextInt(3) == 0);
                if (pickHot) {
                  hot++;
                  if (detector.recordIsHeavy("hot", clock.read())) {
                    heavyAnswers.incrementAndGet();
                  }
                } else {
                  lights++;
                  int k = random.nextInt(LIGHT_KEYS);
                  light[t][k]++;
                  if (detector.recordIsHeavy("light-" + k, clock.read())) {
                    lightHeavyAnswers.incrementAndGet();
                  }
                }
              }
              return null;
            });
    long hotTotal = (long) THREADS * HOT_PER_THREAD;
    assertThat(detector.estimate("hot")).isEqualTo(new FrequencyEstimate<>("hot", hotTotal, 0));
    assertThat(heavyAnswers.get()).isEqualTo(hotTotal - THRESHOLD);
    assertThat(lightHeavyAnswers.get()).isZero();
    for (int k = 0; k < LIGHT_KEYS; k++) {
      long expected = 0;
      for (long[] counts : light) {
        expected += counts[k];
      }
      assertThat(detector.estimate("light-" + k).count()).as("light-%s", k).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} stripes")
  @ValueSource(ints = {1, 4})
  void noLostCountsWhileTheBucketChangesUnderTheCallers(int stripes) throws Exception {
    ManualClock clock = new ManualClock();
    HeavyHitterDetector<String> detector =
        HeavyHitterDetector.create(
            HeavyHitterConfig.of(Long.MAX_VALUE, Duration.ofSeconds(60)).withCapacity(1 << 14),
            clock,
            stripes);
    int perThread = 20_000;
    run(
        t ->
            () -> {
              for (int i = 0; i < perThread; i++) {
                if (t == 0 && i % 4_000 == 0) {
                  clock.advance(Duration.ofSeconds(9)); // five bucket changes in all, none leaves
                }
                detector.recordIsHeavy("key-" + (i % 50), clock.read());
              }
              return null;
            });
    for (int k = 0; k < 50; k++) {
      assertThat(detector.estimate("key-" + k).count()).isEqualTo(THREADS * perThread / 50);
    }
  }

  /** A task per thread index. */
  interface Task {
    Callable<Void> of(int thread);
  }

  private static void run(Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Callable<Void> body = task.of(t);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return body.call();
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
