package dev.tdeveloper.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TenantCardinalityGuardConcurrencyTest {
  @Test
  void manyThreadsAndReranksNeverExceedTheBound() throws Exception {
    ManualClock clock = new ManualClock();
    TenantCardinalityGuard guard =
        TenantCardinalityGuard.builder().topTenants(20).clock(clock).build();
    Set<String> tagged = ConcurrentHashMap.newKeySet();
    guard.addListener(
        change -> {
          change.demoted().forEach(t -> tagged.remove(t.value()));
          change.promoted().forEach(t -> tagged.add(t.value()));
          assertThat(tagged).hasSizeLessThanOrEqualTo(20);
        });
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] workers = new Future<?>[4];
      for (int w = 0; w < workers.length; w++) {
        int seed = w;
        workers[w] =
            pool.submit(
                () -> {
                  for (int i = 0; i < 50_000; i++) {
                    String tag = guard.tag(TenantId.of("t-" + ((i * 7 + seed) % (1 + i % 500))));
                    assertThat(tag.equals(TenantCardinalityGuard.OTHER) || tag.startsWith("t-"))
                        .isTrue();
                    if (seed == 0 && i % 5_000 == 0) {
                      clock.advance(Duration.ofMinutes(1));
                    }
                  }
                });
      }
      for (Future<?> worker : workers) {
        worker.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(guard.taggedTenants()).hasSizeLessThanOrEqualTo(20);
    assertThat(tagged)
        .containsExactlyInAnyOrderElementsOf(
            guard.taggedTenants().stream().map(TenantId::value).toList());
  }

  @Property(tries = 50)
  void tagValuesBetweenReranksNeverExceedNPlusOne(
      @ForAll @IntRange(min = 1, max = 8) int top,
      @ForAll @Size(max = 400) java.util.List<@IntRange(min = 0, max = 60) Integer> stream) {
    ManualClock clock = new ManualClock();
    TenantCardinalityGuard guard =
        TenantCardinalityGuard.builder().topTenants(top).trackedTenants(top).clock(clock).build();
    Set<String> values = new java.util.HashSet<>();
    for (int tenant : stream) {
      if (tenant == 0) {
        clock.advance(Duration.ofMinutes(1));
        values.clear();
        continue;
      }
      values.add(guard.tag(TenantId.of("t" + tenant)));
      values.addAll(guard.taggedTenants().stream().map(TenantId::value).toList());
      assertThat(values).hasSizeLessThanOrEqualTo(top + 1);
    }
  }

  @Test
  void callersKeepTheCurrentTagsWhileAnotherThreadReranks() throws Exception {
    ManualClock clock = new ManualClock();
    TenantCardinalityGuard guard =
        TenantCardinalityGuard.builder().topTenants(2).clock(clock).build();
    TenantCardinalityGuard reference =
        TenantCardinalityGuard.builder().topTenants(2).clock(clock).build();
    CountDownLatch inRerank = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    guard.addListener(
        change -> {
          if (!change.demoted().isEmpty()) {
            inRerank.countDown();
            await(release);
          }
        });
    TenantId a = TenantId.of("a");
    TenantId b = TenantId.of("b");
    TenantId c = TenantId.of("c");
    for (TenantCardinalityGuard g : List.of(guard, reference)) {
      assertThat(g.tag(a)).isEqualTo("a");
      assertThat(g.tag(b)).isEqualTo("b");
    }
    // The first re-rank halves both counts to zero; a counts again, so the second demotes b only.
    clock.advance(Duration.ofMinutes(1));
    reference.tag(a);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> reranker = pool.submit(() -> guard.tag(a));
      assertThat(reranker.get(10, TimeUnit.SECONDS)).isEqualTo("a");
      clock.advance(Duration.ofMinutes(1));
      reranker = pool.submit(() -> guard.tag(b));
      assertThat(inRerank.await(10, TimeUnit.SECONDS)).isTrue();
      // The re-rank is stuck in its listener, holding the lock: a due re-rank and a free slot
      // would both have queued behind it; now the caller goes on with the current tags.
      Future<String> meanwhile = pool.submit(() -> guard.tag(c));
      assertThat(meanwhile.get(10, TimeUnit.SECONDS)).isEqualTo(TenantCardinalityGuard.OTHER);
      release.countDown();
      assertThat(reranker.get(10, TimeUnit.SECONDS)).isEqualTo("b");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(reference.tag(b)).isEqualTo("b");
    reference.tag(c);
    // Once the re-rank is done the guard answers as one that saw the same calls in turn.
    assertThat(guard.taggedTenants()).isEqualTo(reference.taggedTenants());
    for (TenantId t : List.of(a, b, c)) {
      assertThat(guard.estimatedTraffic(t)).isEqualTo(reference.estimatedTraffic(t));
    }
    assertThat(guard.taggedTenants()).containsExactlyInAnyOrder(a, b);
    assertThat(guard.tag(c)).isEqualTo(reference.tag(c));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
