package dev.tdeveloper.tenancy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent.Created;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent.DropReason;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent.Dropped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Views and per-call operations racing with drops of their tenant's cache. */
class TenantCacheConcurrencyTest {
  private static final TenantId A = TenantId.of("acme");
  private static final TenantId B = TenantId.of("globex");
  private static final int WRITERS_PER_TENANT = 3;
  private static final int ROUNDS = 20_000;

  private final ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS_PER_TENANT + 1);

  @AfterEach
  void shutDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @ParameterizedTest(name = "through a view: {0}")
  @ValueSource(booleans = {true, false})
  void putRacingWithADropIsRepeatedOnTheTenantsNewCache(boolean throughView) throws Exception {
    CountDownLatch inWeigher = new CountDownLatch(1);
    CountDownLatch dropped = new CountDownLatch(1);
    AtomicBoolean parkOnce = new AtomicBoolean(true);
    List<TenantCacheEvent> events = new CopyOnWriteArrayList<>();
    TenantScopedCache<String, String> cache =
        TenantScopedCache.builder()
            .maximumWeightPerTenant(1_000)
            .<String, String>weigher(
                (key, value) -> {
                  // Caffeine weighs before inserting: park the writer between its liveness check
                  // and the insertion while the tenant's cache is dropped.
                  if (key.equals("racing") && parkOnce.getAndSet(false)) {
                    inWeigher.countDown();
                    awaitUninterruptibly(dropped);
                  }
                  return 1;
                })
            .executor(Runnable::run)
            .addListener(events::add)
            .build();
    TenantCache<String, String> view = cache.forTenant(A);
    view.put("warm", "w");

    Future<?> writer =
        pool.submit(
            () -> {
              if (throughView) {
                view.put("racing", "v");
              } else {
                cache.put(A, "racing", "v");
              }
            });
    assertThat(inWeigher.await(10, TimeUnit.SECONDS)).isTrue();
    cache.invalidateTenant(A);
    dropped.countDown();
    writer.get(10, TimeUnit.SECONDS);

    assertThat(cache.getIfPresent(A, "racing")).contains("v");
    assertThat(view.getIfPresent("racing")).contains("v");
    assertThat(cache.getIfPresent(A, "warm")).isEmpty();
    assertThat(events)
        .containsExactly(new Created(A), new Dropped(A, DropReason.INVALIDATED, 1), new Created(A));
  }

  @Test
  void viewsRacingWithInvalidateTenantNeverCrossTenantsNorLoseQuietWrites() throws Exception {
    TenantScopedCache<String, String> cache =
        TenantScopedCache.builder().maximumEntriesPerTenant(1_000).build();
    Map<TenantId, TenantCache<String, String>> views =
        Map.of(A, cache.forTenant(A), B, cache.forTenant(B));
    Map<TenantId, AtomicLong> dropsStarted = Map.of(A, new AtomicLong(), B, new AtomicLong());
    Map<TenantId, AtomicLong> dropsFinished = Map.of(A, new AtomicLong(), B, new AtomicLong());
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);

    Future<Long> invalidator =
        pool.submit(
            () -> {
              start.await();
              long drops = 0;
              while (writing.get()) {
                TenantId tenant = drops % 2 == 0 ? A : B;
                dropsStarted.get(tenant).incrementAndGet();
                cache.invalidateTenant(tenant);
                dropsFinished.get(tenant).incrementAndGet();
                drops++;
              }
              return drops;
            });
    List<Future<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < 2 * WRITERS_PER_TENANT; w++) {
      TenantId tenant = w % 2 == 0 ? A : B;
      String prefix = tenant + ":";
      String ownKeys = "w" + w + ":";
      TenantCache<String, String> view = views.get(tenant);
      AtomicLong started = dropsStarted.get(tenant);
      AtomicLong finished = dropsFinished.get(tenant);
      writers.add(
          pool.submit(
              () -> {
                start.await();
                int quietChecks = 0;
                for (int i = 0; i < ROUNDS; i++) {
                  String key = ownKeys + (i % 50);
                  String value = prefix + i;
                  long finishedBefore = finished.get();
                  long startedBefore = started.get();
                  view.put(key, value);
                  String seenByCache = cache.getIfPresent(tenant, key).orElse("absent");
                  String seenByView = view.getIfPresent(key).orElse("absent");
                  if (startedBefore == finishedBefore && started.get() == startedBefore) {
                    // No drop of this tenant overlapped the put and the reads: nothing was lost.
                    assertThat(seenByCache).isEqualTo(value);
                    assertThat(seenByView).isEqualTo(value);
                    quietChecks++;
                  }
                  for (String seen : List.of(seenByCache, seenByView)) {
                    assertThat(seen).matches("absent|" + prefix + "\\d+");
                  }
                  String other = "w" + ((i + 1) % (2 * WRITERS_PER_TENANT)) + ":" + (i % 50);
                  assertThat(view.getIfPresent(other).orElse(prefix)).startsWith(prefix);
                }
                return quietChecks;
              }));
    }
    start.countDown();

    int quietChecks = 0;
    try {
      for (Future<Integer> writer : writers) {
        quietChecks += writer.get(30, TimeUnit.SECONDS);
      }
    } finally {
      writing.set(false);
    }
    assertThat(invalidator.get(10, TimeUnit.SECONDS)).isPositive();
    assertThat(quietChecks).isPositive();

    for (TenantId tenant : List.of(A, B)) {
      cache.invalidateTenant(tenant);
      assertThat(views.get(tenant).getIfPresent("w0:0")).isEmpty();
      views.get(tenant).put("after", tenant.value());
    }
    assertThat(cache.getIfPresent(A, "after")).contains("acme");
    assertThat(cache.getIfPresent(B, "after")).contains("globex");
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        if (!latch.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("test latch not released");
        }
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
