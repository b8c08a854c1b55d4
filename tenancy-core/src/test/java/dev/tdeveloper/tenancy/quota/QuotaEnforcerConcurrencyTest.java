package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.QuotaEvent;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import dev.tdeveloper.tenancy.event.QuotaThresholdEvent;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuotaEnforcerConcurrencyTest {
  private static final int THREADS = 16;
  private static final int ATTEMPTS = 1_000;

  @Test
  void grantsExactlyTheLimitAndEachThresholdOnceUnderConcurrency() throws Exception {
    Queue<QuotaEvent> events = new ConcurrentLinkedQueue<>();
    QuotaEnforcer quotas =
        QuotaEnforcer.builder()
            .clock(new ManualClock())
            .policies(
                QuotaPolicies.of(List.of(QuotaPolicy.of("api-calls", 5_000, QuotaPeriod.DAY))))
            .listener(events::add)
            .build();
    TenantId acme = TenantId.of("acme");
    TenantId globex = TenantId.of("globex");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<long[]>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        // Every other thread also hammers another tenant, which must not disturb acme's count.
        boolean noisy = t % 2 == 0;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  long granted = 0;
                  long globexGranted = 0;
                  for (int i = 0; i < ATTEMPTS; i++) {
                    if (quotas.tryConsume(acme, "api-calls", 1).isGranted()) {
                      granted++;
                    }
                    if (noisy && quotas.tryConsume(globex, "api-calls", 1).isGranted()) {
                      globexGranted++;
                    }
                  }
                  return new long[] {granted, globexGranted};
                }));
      }
      start.countDown();
      long acmeTotal = 0;
      long globexTotal = 0;
      for (Future<long[]> result : results) {
        long[] counts = result.get(30, TimeUnit.SECONDS);
        acmeTotal += counts[0];
        globexTotal += counts[1];
      }
      assertThat(acmeTotal).isEqualTo(5_000);
      assertThat(globexTotal).isEqualTo(5_000);
      assertThat(quotas.usage(acme, "api-calls").used()).isEqualTo(5_000);
      assertThat(quotas.usage(globex, "api-calls").used()).isEqualTo(5_000);
      for (TenantId tenant : List.of(acme, globex)) {
        assertThat(events)
            .filteredOn(e -> e instanceof QuotaThresholdEvent && e.tenant().equals(tenant))
            .extracting(e -> ((QuotaThresholdEvent) e).percent())
            .containsExactlyInAnyOrder(80, 100);
      }
      long attempts = THREADS * ATTEMPTS + THREADS / 2 * ATTEMPTS;
      assertThat(events.stream().filter(e -> e instanceof QuotaExhaustedEvent).count())
          .isEqualTo(attempts - 2 * 5_000);
    } finally {
      pool.shutdownNow();
    }
  }
}
