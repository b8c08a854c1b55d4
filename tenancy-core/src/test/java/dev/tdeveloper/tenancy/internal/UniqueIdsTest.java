package dev.tdeveloper.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class UniqueIdsTest {
  @Property
  void thePermutationIsABijection(
      @ForAll long value, @ForAll long k0, @ForAll long k1, @ForAll long k2, @ForAll long k3) {
    long[] keys = {k0, k1, k2, k3};
    assertThat(UniqueIds.unpermute(UniqueIds.permute(value, keys), keys)).isEqualTo(value);
  }

  @Property
  void distinctCountersNeverShareAnImage(
      @ForAll long a, @ForAll long b, @ForAll long k0, @ForAll long k1) {
    long[] keys = {k0, k1, k0 ^ k1, k0 + k1};
    assertThat(UniqueIds.permute(a, keys) == UniqueIds.permute(b, keys)).isEqualTo(a == b);
  }

  @Test
  void idsAreThirtyTwoHexDigitsWithOneProcessPrefix() {
    String first = UniqueIds.next();
    String second = UniqueIds.next();
    assertThat(first).hasSize(UniqueIds.LENGTH).matches("[0-9a-f]{32}");
    assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
    assertThat(second.substring(0, 16)).isEqualTo(first.substring(0, 16));
  }

  @Test
  void consecutiveIdsDoNotShowTheCounter() {
    long a = Long.parseUnsignedLong(UniqueIds.next().substring(16), 16);
    long b = Long.parseUnsignedLong(UniqueIds.next().substring(16), 16);
    assertThat(Long.bitCount(a ^ b)).isGreaterThan(4);
  }

  @Test
  void neverRepeatsAcrossThreads() throws InterruptedException {
    int threads = 4;
    int perThread = 50_000;
    Set<String> seen = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                Set<String> mine = new HashSet<>();
                for (int i = 0; i < perThread; i++) {
                  mine.add(UniqueIds.next());
                }
                seen.addAll(mine);
              });
      worker.start();
      workers.add(worker);
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    assertThat(seen).hasSize(threads * perThread);
  }
}
