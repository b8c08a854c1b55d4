package dev.tdeveloper.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
}
