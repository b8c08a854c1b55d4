package dev.tdeveloper.tenancy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantScopedCacheConcurrencyTest {
  private static final int THREADS = 8;
  private static final List<TenantId> TENANTS =
      List.of(TenantId.of("t1"), TenantId.of("t2"), TenantId.of("t3"), TenantId.of("t4"));

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void shutDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void loaderRunsOncePerTenantAndKeyUnderContention() throws Exception {
    TenantScopedCache<String, String> cache =
        TenantScopedCache.builder().maximumEntriesPerTenant(1_000).build();
    Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                List<String> seen = new ArrayList<>();
                for (int round = 0; round < 50; round++) {
                  for (TenantId tenant : TENANTS) {
                    String key = "k" + (round % 10);
                    seen.add(
                        cache.get(
                            tenant,
                            key,
                            k -> {
                              String id = tenant + "/" + k;
                              loads.computeIfAbsent(id, x -> new AtomicInteger()).incrementAndGet();
                              return id;
                            }));
                  }
                }
                return seen;
              }));
    }
    start.countDown();

    for (Future<List<String>> result : results) {
      for (String value : result.get(10, TimeUnit.SECONDS)) {
        assertThat(value).matches("t[1-4]/k[0-9]");
      }
    }
    assertThat(loads).hasSize(TENANTS.size() * 10);
    assertThat(loads.values()).allSatisfy(count -> assertThat(count).hasValue(1));
  }

  @Test
  void concurrentWritersNeverSeeAnotherTenantsValue() throws Exception {
    TenantScopedCache<Integer, String> cache =
        TenantScopedCache.builder().maximumEntriesPerTenant(64).build();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      TenantId tenant = TENANTS.get(t % TENANTS.size());
      String prefix = tenant + ":";
      results.add(
          pool.submit(
              () -> {
                start.await();
                int checked = 0;
                for (int i = 0; i < 20_000; i++) {
                  int key = i % 200;
                  cache.put(tenant, key, prefix + i);
                  if (i % 7 == 0) {
                    cache.invalidate(tenant, (key + 3) % 200);
                  }
                  for (String value :
                      cache.getIfPresent(tenant, (key * 31) % 200).stream().toList()) {
                    if (!value.startsWith(prefix)) {
                      throw new AssertionError(tenant + " read " + value);
                    }
                    checked++;
                  }
                }
                return checked;
              }));
    }
    start.countDown();

    int checked = 0;
    for (Future<Integer> result : results) {
      checked += result.get(20, TimeUnit.SECONDS);
    }
    assertThat(checked).isPositive();
    cache.cleanUp();
    for (TenantId tenant : TENANTS) {
      assertThat(cache.estimatedSize(tenant)).isBetween(1L, 64L);
    }
  }
}
