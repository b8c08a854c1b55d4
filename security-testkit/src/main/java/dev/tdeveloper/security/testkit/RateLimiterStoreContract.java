package dev.tdeveloper.security.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RateLimiterStore} must pass, figure for figure (see the interface for
 * the algorithm). A backend's test extends this class and implements {@link #create()}, returning
 * its store together with control of the clock the store decides by:
 *
 * <ul>
 *   <li>the in-process store takes a {@code ManualClock} as its ticker, so {@code advance} moves
 *       it;
 *   <li>a Redis backend reads {@code TIME} in its script; since the figures here are asserted to
 *       the nanosecond, an offset added to {@code TIME} is not enough (real time would still pass
 *       between calls): its test should give the script a test-only frozen time (for example a key
 *       the script reads instead of {@code TIME} when present) that {@code advance} moves.
 * </ul>
 *
 * <p>{@code timeToLive} reports how long the store keeps a key's state if nothing touches it (empty
 * when it keeps none). A backend may round it up to its expiry granularity (Redis: milliseconds); a
 * backend whose server expires keys on real time while the test drives a virtual clock may derive
 * it from the stored TATs and the virtual time, and check the server's TTL in its own tests.
 *
 * <p>Every test uses keys under a fresh random prefix, so a shared server needs no flushing.
 */
public abstract class RateLimiterStoreContract {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final long MS = 1_000_000L;

  /** The granularity a backend's {@code timeToLive} may round up to; by default 1 ms. */
  protected Duration expiryGranularity() {
    return Duration.ofMillis(1);
  }

  /** Returns a new, empty store whose clock the test controls. */
  protected abstract StoreUnderTest create();

  protected final PolicySpec pro = spec("pro", Bandwidth.of(20).refilling(10, SECOND));
  protected RateLimiterStore store;
  private StoreUnderTest underTest;
  private String prefix;

  @BeforeEach
  void createStoreUnderTest() {
    underTest = create();
    store = underTest.store();
    prefix = "rl-contract:" + UUID.randomUUID() + ":";
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected static PolicySpec spec(String name, Bandwidth first, Bandwidth... more) {
    return PolicySpec.of(RateLimitPolicy.of(name, first, more));
  }

  /** Returns the store key of {@code name} for this test. */
  protected String key(String name) {
    return prefix + name;
  }

  protected void advance(Duration amount) {
    underTest.advance().accept(amount);
  }

  protected Optional<Duration> timeToLive(String key) {
    return underTest.timeToLive().apply(key);
  }

  private StoreDecision now(String key, PolicySpec spec, long permits) {
    return store.tryAcquire(key, spec, permits, 0);
  }

  @Test
  void allowsTheBurstThenDeniesWithAnExactRetryAfter() {
    String acme = key("acme");
    for (int i = 0; i < 20; i++) {
      assertThat(now(acme, pro, 1))
          .isEqualTo(StoreDecision.allowed(0, 20, 19 - i, (i + 1) * 100 * MS));
    }
    assertThat(now(acme, pro, 1)).isEqualTo(StoreDecision.denied(20, 0, 100 * MS, 2_000 * MS));
    assertThat(now(acme, pro, 3)).isEqualTo(StoreDecision.denied(20, 0, 300 * MS, 2_000 * MS));
  }

  @Test
  void refillsAtTheConfiguredRate() {
    String acme = key("acme");
    assertThat(now(acme, pro, 20).allowed()).isTrue();
    advance(Duration.ofMillis(99));
    assertThat(now(acme, pro, 1)).isEqualTo(StoreDecision.denied(20, 0, MS, 1_901 * MS));
    advance(Duration.ofMillis(1));
    assertThat(now(acme, pro, 1)).isEqualTo(StoreDecision.allowed(0, 20, 0, 2_000 * MS));
    assertThat(now(acme, pro, 1).allowed()).isFalse();
    advance(Duration.ofSeconds(10));
    assertThat(now(acme, pro, 20)).isEqualTo(StoreDecision.allowed(0, 20, 0, 2_000 * MS));
  }

  @Test
  void everyBandwidthMustAllowAndTheMostRestrictiveIsReported() {
    String acme = key("acme");
    PolicySpec dual =
        spec(
            "dual", Bandwidth.of(5).refilling(5, SECOND), Bandwidth.simple(8, Duration.ofHours(1)));
    int granted = 0;
    for (int second = 0; second < 10; second++) {
      for (int i = 0; i < 10; i++) {
        granted += now(acme, dual, 1).allowed() ? 1 : 0;
      }
      advance(SECOND);
    }
    assertThat(granted).isEqualTo(8);
    long hourly = Duration.ofHours(1).toNanos() / 8;
    long elapsed = Duration.ofSeconds(10).toNanos();
    assertThat(now(acme, dual, 1))
        .isEqualTo(StoreDecision.denied(8, 0, hourly - elapsed, 8 * hourly - elapsed));
    assertThat(now(key("globex"), dual, 2)).isEqualTo(StoreDecision.allowed(0, 5, 3, 400 * MS));
  }

  @Test
  void aDeniedRequestConsumesNothing() {
    String acme = key("acme");
    assertThat(now(acme, pro, 15).allowed()).isTrue();
    assertThat(now(acme, pro, 6).allowed()).isFalse();
    assertThat(store.tryAcquire(acme, pro, 6, 99 * MS).allowed()).isFalse();
    assertThat(now(acme, pro, 5)).isEqualTo(StoreDecision.allowed(0, 20, 0, 2_000 * MS));
  }

  @Test
  void waitsReserveInOrderUpToMaxWait() {
    String acme = key("acme");
    assertThat(now(acme, pro, 20).allowed()).isTrue();
    assertThat(store.tryAcquire(acme, pro, 1, SECOND.toNanos()))
        .isEqualTo(StoreDecision.allowed(100 * MS, 20, 0, 2_000 * MS));
    assertThat(store.tryAcquire(acme, pro, 1, SECOND.toNanos()))
        .isEqualTo(StoreDecision.allowed(200 * MS, 20, 0, 2_000 * MS));
    assertThat(store.tryAcquire(acme, pro, 5, 400 * MS))
        .isEqualTo(StoreDecision.denied(20, 0, 700 * MS, 2_200 * MS));
    assertThat(store.tryAcquire(acme, pro, 5, 700 * MS))
        .isEqualTo(StoreDecision.allowed(700 * MS, 20, 0, 2_000 * MS));
    assertThat(store.tryAcquire(acme, pro, 1, Long.MAX_VALUE).waitNanos()).isEqualTo(800 * MS);
  }

  @Test
  void giveBackRestoresTheReservation() {
    String acme = key("acme");
    assertThat(now(acme, pro, 20).allowed()).isTrue();
    assertThat(store.tryAcquire(acme, pro, 5, SECOND.toNanos()).waitNanos()).isEqualTo(500 * MS);
    store.giveBack(acme, pro, 5);
    assertThat(now(acme, pro, 1)).isEqualTo(StoreDecision.denied(20, 0, 100 * MS, 2_000 * MS));
    advance(Duration.ofMillis(100));
    assertThat(now(acme, pro, 1).allowed()).isTrue();

    String fresh = key("fresh");
    store.giveBack(fresh, pro, 3);
    assertThat(timeToLive(fresh)).isEmpty();
    assertThat(now(fresh, pro, 20).allowed()).isTrue();
  }

  @Test
  void aPolicySwapCarriesTheConsumedPermitsOver() {
    String acme = key("acme");
    assertThat(now(acme, pro, 15).allowed()).isTrue();
    PolicySpec enterprise = spec("enterprise", Bandwidth.of(40).refilling(40, SECOND));
    assertThat(now(acme, enterprise, 1)).isEqualTo(StoreDecision.allowed(0, 40, 24, 400 * MS));
    PolicySpec dual =
        spec(
            "dual",
            Bandwidth.of(40).refilling(40, SECOND),
            Bandwidth.simple(100, Duration.ofMinutes(1)));
    assertThat(now(acme, dual, 1)).isEqualTo(StoreDecision.allowed(0, 40, 23, 425 * MS));

    String globex = key("globex");
    assertThat(now(globex, pro, 20).allowed()).isTrue();
    PolicySpec free = spec("free", Bandwidth.of(5).refilling(5, SECOND));
    assertThat(now(globex, free, 1))
        .as("the debt is capped at the new capacity and kept though the request is denied")
        .isEqualTo(StoreDecision.denied(5, 0, 200 * MS, 1_000 * MS));
    advance(Duration.ofMillis(200));
    assertThat(now(globex, free, 1)).isEqualTo(StoreDecision.allowed(0, 5, 0, 1_000 * MS));
  }

  @Test
  void keysNeverSeeEachOthersState() {
    String acme = key("acme");
    String globex = key("globex");
    assertThat(now(acme, pro, 20).allowed()).isTrue();
    assertThat(now(globex, pro, 1)).isEqualTo(StoreDecision.allowed(0, 20, 19, 100 * MS));
    store.giveBack(globex, pro, 1);
    store.giveBack(globex, pro, 1);
    assertThat(now(acme, pro, 1).allowed()).isFalse();
    PolicySpec big = spec("big", Bandwidth.of(1000).refilling(1000, SECOND));
    assertThat(now(globex, big, 1).limit()).isEqualTo(1000);
    assertThat(now(acme, pro, 1)).isEqualTo(StoreDecision.denied(20, 0, 100 * MS, 2_000 * MS));
    assertThat(now(key("acme2"), pro, 1).remaining()).isEqualTo(19);
  }

  @Test
  void grantsExactlyTheCapacityToConcurrentCallersAtAFixedTime() throws Exception {
    PolicySpec thousand = spec("p", Bandwidth.of(1000).refilling(100, SECOND));
    assertThat(hammer(key("acme"), thousand, 1)).isEqualTo(1000);
    advance(Duration.ofMillis(1505));
    assertThat(hammer(key("acme"), thousand, 1)).isEqualTo(150);
    PolicySpec dual =
        spec(
            "dual",
            Bandwidth.of(500).refilling(100, SECOND),
            Bandwidth.simple(700, Duration.ofMinutes(1)));
    assertThat(hammer(key("globex"), dual, 3)).isEqualTo(498);
  }

  /** Calls tryAcquire from 8 threads at once, 400 times each; returns the permits granted. */
  private long hammer(String key, PolicySpec spec, long permits) throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> granted = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        granted.add(
            pool.submit(
                () -> {
                  start.await();
                  long mine = 0;
                  for (int i = 0; i < 400; i++) {
                    mine += store.tryAcquire(key, spec, permits, 0).allowed() ? permits : 0;
                  }
                  return mine;
                }));
      }
      start.countDown();
      long total = 0;
      for (Future<Long> future : granted) {
        total += future.get(30, TimeUnit.SECONDS);
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stateExpiresByItselfOnceEveryBucketIsFull() {
    String acme = key("acme");
    assertThat(timeToLive(acme)).isEmpty();
    assertThat(now(acme, pro, 5).allowed()).isTrue();
    assertTimeToLive(acme, Duration.ofMillis(500));
    advance(Duration.ofMillis(300));
    assertTimeToLive(acme, Duration.ofMillis(200));
    advance(Duration.ofMillis(200));
    assertThat(timeToLive(acme)).isEmpty();

    PolicySpec dual =
        spec(
            "dual", Bandwidth.of(5).refilling(5, SECOND), Bandwidth.simple(8, Duration.ofHours(1)));
    assertThat(now(acme, dual, 2).allowed()).isTrue();
    assertTimeToLive(acme, Duration.ofMinutes(15));

    String globex = key("globex");
    assertThat(now(globex, pro, 3).allowed()).isTrue();
    store.giveBack(globex, pro, 3);
    assertThat(timeToLive(globex)).isEmpty();
  }

  private void assertTimeToLive(String key, Duration expected) {
    assertThat(timeToLive(key))
        .hasValueSatisfying(
            ttl -> assertThat(ttl).isBetween(expected, expected.plus(expiryGranularity())));
  }

  @Test
  void rejectsBadArgumentsWithoutChangingState() {
    String acme = key("acme");
    assertThat(now(acme, pro, 10).allowed()).isTrue();
    assertThatThrownBy(() -> now(acme, pro, 21))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permits must be between 1 and 20")
        .hasMessageContaining("was 21");
    assertThatThrownBy(() -> now(acme, pro, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.tryAcquire(acme, pro, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxWaitNanos");
    assertThatThrownBy(() -> store.giveBack(acme, pro, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.giveBack(acme, pro, 21))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> now(null, pro, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> now(acme, null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("spec");
    assertThat(now(acme, pro, 1)).isEqualTo(StoreDecision.allowed(0, 20, 9, 1_100 * MS));
  }

  @Test
  void failsWithAStoreExceptionOnceClosed() {
    store.close();
    store.close();
    assertThatThrownBy(() -> now(key("acme"), pro, 1))
        .isInstanceOf(RateLimiterStoreException.class);
    assertThatThrownBy(() -> store.giveBack(key("acme"), pro, 1))
        .isInstanceOf(RateLimiterStoreException.class);
  }
}
