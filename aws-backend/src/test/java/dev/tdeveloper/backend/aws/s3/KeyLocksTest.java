package dev.tdeveloper.backend.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyLocksTest {
  final KeyLocks locks = new KeyLocks();

  @Test
  void workOnOtherKeysNeverWaitsForAHeldKey() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> holder =
          pool.submit(
              () ->
                  locks.run(
                      "chunks/a",
                      () -> {
                        held.countDown();
                        await(release);
                        return null;
                      }));
      assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
      // 1,000 other keys: striped locks would have met the held stripe among them.
      List<String> done = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        String key = "chunks/" + i;
        done.add(pool.submit(() -> locks.run(key, () -> key)).get(10, TimeUnit.SECONDS));
      }
      assertThat(done).hasSize(1000);
      assertThat(locks.size()).isEqualTo(1);
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
      assertThat(locks.size()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void workOnTheSameKeyRunsOneAtATimeAndLeavesNoEntry() throws Exception {
    AtomicInteger[] inside = {
      new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()
    };
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int k = i % 4;
        String key = "chunks/" + k;
        runs.add(
            pool.submit(
                () ->
                    locks.run(
                        key,
                        () -> {
                          int now = inside[k].incrementAndGet();
                          most.accumulateAndGet(now, Math::max);
                          Thread.yield();
                          inside[k].decrementAndGet();
                          return now;
                        })));
      }
      for (Future<Integer> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
      assertThat(most.get()).isEqualTo(1);
      assertThat(locks.size()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
