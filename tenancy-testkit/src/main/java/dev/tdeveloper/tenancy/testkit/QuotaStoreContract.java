package dev.tdeveloper.tenancy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.QuotaAddResult;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link QuotaStore} must pass. A backend's test extends this class and
 * implements {@link #createStore(ManualClock)}; a backend whose expiry runs on a server clock
 * overrides {@link #newClock()} to start at the real time.
 */
public abstract class QuotaStoreContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");

  protected ManualClock clock;
  protected QuotaStore store;
  protected Instant windowStart;
  protected Instant windowEnd;

  /** Returns a store whose counters expire by {@code clock}. */
  protected abstract QuotaStore createStore(ManualClock clock);

  /** Returns the clock the store is created with; by default at {@code 2026-01-01T00:00:00Z}. */
  protected ManualClock newClock() {
    return new ManualClock();
  }

  @BeforeEach
  void createStoreUnderTest() {
    clock = newClock();
    store = createStore(clock);
    windowStart = clock.instant();
    windowEnd = windowStart.plus(Duration.ofHours(1));
  }

  protected QuotaKey key(TenantId tenant, String resource) {
    return new QuotaKey(tenant, resource, windowStart);
  }

  @Test
  void addsWithinLimitAndReturnsTheNewValue() {
    QuotaKey key = key(ACME, "api-calls");
    assertThat(store.tryAdd(key, 3, 10, windowEnd)).isEqualTo(new QuotaAddResult.Added(3));
    assertThat(store.tryAdd(key, 7, 10, windowEnd)).isEqualTo(new QuotaAddResult.Added(10));
    assertThat(store.used(key)).isEqualTo(10);
  }

  @Test
  void rejectsAnAddBeyondTheLimitAndChangesNothing() {
    QuotaKey key = key(ACME, "api-calls");
    store.tryAdd(key, 8, 10, windowEnd);
    assertThat(store.tryAdd(key, 3, 10, windowEnd)).isEqualTo(new QuotaAddResult.Rejected(8));
    assertThat(store.tryAdd(key, 11, 10, windowEnd)).isEqualTo(new QuotaAddResult.Rejected(8));
    assertThat(store.used(key)).isEqualTo(8);
    assertThat(store.tryAdd(key, 2, 10, windowEnd)).isEqualTo(new QuotaAddResult.Added(10));
  }

  @Test
  void rejectsAgainstALimitLoweredBelowTheUsedValue() {
    QuotaKey key = key(ACME, "api-calls");
    store.tryAdd(key, 80, 100, windowEnd);
    assertThat(store.tryAdd(key, 1, 50, windowEnd)).isEqualTo(new QuotaAddResult.Rejected(80));
    assertThat(store.used(key)).isEqualTo(80);
  }

  @Test
  void neverOverflowsNearLongMaxValue() {
    QuotaKey key = key(ACME, "bytes");
    store.tryAdd(key, 5, Long.MAX_VALUE, windowEnd);
    assertThat(store.tryAdd(key, Long.MAX_VALUE, Long.MAX_VALUE, windowEnd))
        .isEqualTo(new QuotaAddResult.Rejected(5));
    assertThat(store.tryAdd(key, Long.MAX_VALUE - 5, Long.MAX_VALUE, windowEnd))
        .isEqualTo(new QuotaAddResult.Added(Long.MAX_VALUE));
    assertThat(store.tryAdd(key, 1, Long.MAX_VALUE, windowEnd))
        .isEqualTo(new QuotaAddResult.Rejected(Long.MAX_VALUE));
    assertThat(store.used(key)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void rejectsBadArgumentsWithoutChangingTheCounter() {
    QuotaKey key = key(ACME, "api-calls");
    store.tryAdd(key, 4, 10, windowEnd);
    assertThatThrownBy(() -> store.tryAdd(key, 0, 10, windowEnd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> store.tryAdd(key, -1, 10, windowEnd))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.tryAdd(key, 1, 0, windowEnd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> store.subtract(key, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.tryAdd(null, 1, 10, windowEnd))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.tryAdd(key, 1, 10, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("expiresAt");
    assertThat(store.used(key)).isEqualTo(4);
  }

  @Test
  void keepsTenantsResourcesAndWindowsApart() {
    QuotaKey acmeCalls = key(ACME, "api-calls");
    store.tryAdd(acmeCalls, 10, 10, windowEnd);
    QuotaKey nextWindow = new QuotaKey(ACME, "api-calls", windowEnd);
    assertThat(store.used(key(GLOBEX, "api-calls"))).isZero();
    assertThat(store.used(key(ACME, "exports"))).isZero();
    assertThat(store.used(nextWindow)).isZero();
    assertThat(store.tryAdd(key(GLOBEX, "api-calls"), 10, 10, windowEnd))
        .isEqualTo(new QuotaAddResult.Added(10));
    assertThat(store.used(acmeCalls)).isEqualTo(10);
  }

  @Test
  void subtractNeverGoesBelowZero() {
    QuotaKey key = key(ACME, "api-calls");
    store.tryAdd(key, 5, 10, windowEnd);
    assertThat(store.subtract(key, 2)).isEqualTo(3);
    assertThat(store.subtract(key, 100)).isZero();
    assertThat(store.used(key)).isZero();
    assertThat(store.subtract(key(GLOBEX, "api-calls"), 3)).isZero();
    assertThat(store.used(key(GLOBEX, "api-calls"))).isZero();
  }

  @Test
  void counterExpiresAtTheEndOfItsWindow() {
    QuotaKey key = key(ACME, "api-calls");
    store.tryAdd(key, 10, 10, windowEnd);
    clock.setTo(windowEnd.minusNanos(1));
    assertThat(store.used(key)).isEqualTo(10);
    clock.setTo(windowEnd);
    assertThat(store.used(key)).isZero();
    assertThat(store.subtract(key, 1)).isZero();
  }

  @Test
  void addForAnEndedWindowIsDecidedAgainstZeroAndNotKept() {
    QuotaKey key = key(ACME, "api-calls");
    clock.setTo(windowEnd);
    assertThat(store.tryAdd(key, 3, 10, windowEnd)).isEqualTo(new QuotaAddResult.Added(3));
    assertThat(store.tryAdd(key, 11, 10, windowEnd)).isEqualTo(new QuotaAddResult.Rejected(0));
    assertThat(store.used(key)).isZero();
  }

  @Test
  void grantsExactlyTheLimitUnderConcurrency() throws Exception {
    QuotaKey key = key(ACME, "api-calls");
    int threads = 16;
    int attemptsPerThread = 1_000;
    long limit = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> granted = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        granted.add(
            pool.submit(
                () -> {
                  start.await();
                  int mine = 0;
                  for (int i = 0; i < attemptsPerThread; i++) {
                    if (store.tryAdd(key, 1, limit, windowEnd) instanceof QuotaAddResult.Added) {
                      mine++;
                    }
                  }
                  return mine;
                }));
      }
      start.countDown();
      long total = 0;
      for (Future<Integer> future : granted) {
        total += future.get(30, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(limit);
      assertThat(store.used(key)).isEqualTo(limit);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentAddsAndSubtractsStayWithinBounds() throws Exception {
    QuotaKey key = key(ACME, "api-calls");
    long limit = 100;
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> netAdded = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        netAdded.add(
            pool.submit(
                () -> {
                  start.await();
                  long net = 0;
                  for (int i = 0; i < 2_000; i++) {
                    QuotaAddResult result = store.tryAdd(key, 3, limit, windowEnd);
                    assertThat(result.used()).isBetween(0L, limit);
                    if (result instanceof QuotaAddResult.Added) {
                      net += 3;
                      store.subtract(key, 3);
                      net -= 3;
                    }
                  }
                  return net;
                }));
      }
      start.countDown();
      for (Future<Long> future : netAdded) {
        assertThat(future.get(30, TimeUnit.SECONDS)).isZero();
      }
      assertThat(store.used(key)).isZero();
    } finally {
      pool.shutdownNow();
    }
  }
}
