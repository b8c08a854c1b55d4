package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StoreBackedRateLimiterTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final long MS = 1_000_000L;

  private final ManualClock clock = new ManualClock();
  private final InProcessRateLimiterStore shared = new InProcessRateLimiterStore(clock);
  private final FlakyStore store = new FlakyStore(shared, true);
  private final RateLimitPolicy pro =
      RateLimitPolicy.of("pro", Bandwidth.of(20).refilling(10, SECOND));
  private final List<RateLimitEvent> events = new CopyOnWriteArrayList<>();

  private RateLimiterBuilder<TenantId> builder(String prefix) {
    return RateLimiter.<TenantId>builder()
        .policy(pro)
        .store(store, tenant -> prefix + tenant.value())
        .listener(events::add);
  }

  @Test
  void instancesSharingAStoreEnforceOneLimitWithOneCallPerDecision() {
    RateLimiter<TenantId> first = builder("api:").build();
    RateLimiter<TenantId> second = builder("api:").build();
    for (int i = 0; i < 10; i++) {
      assertThat(first.tryConsume(ACME, 1)).isTrue();
      assertThat(second.tryAcquire(ACME, 1).remaining()).isEqualTo(18 - 2 * i);
    }
    RateLimitDecision denied = first.tryAcquire(ACME, 1);
    assertThat(denied).isEqualTo(new RateLimitDecision.Denied(20, 0, 100 * MS, 2_000 * MS));
    assertThat(second.tryConsume(ACME, 1)).isFalse();
    assertThat(store.decisions).hasValue(22);
    assertThat(events)
        .containsExactly(
            new RateLimitEvent.Denied(ACME, "pro", 1, 100 * MS),
            new RateLimitEvent.Denied(ACME, "pro", 1, 100 * MS));
  }

  @Test
  void concurrentInstancesGrantExactlyTheCapacity() throws Exception {
    List<RateLimiter<TenantId>> instances =
        List.of(builder("api:").build(), builder("api:").build());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> granted = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        RateLimiter<TenantId> limiter = instances.get(t % 2);
        granted.add(
            pool.submit(
                () -> {
                  start.await();
                  int mine = 0;
                  for (int i = 0; i < 200; i++) {
                    mine += limiter.tryConsume(ACME, 1) ? 1 : 0;
                  }
                  return mine;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : granted) {
        total += f.get(30, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void mapsAKeyToItsStoreKeyOnceWhileRemembered() {
    AtomicInteger mapped = new AtomicInteger();
    RateLimiter<TenantId> limiter =
        RateLimiter.<TenantId>builder()
            .policy(pro)
            .store(
                store,
                tenant -> {
                  mapped.incrementAndGet();
                  return "api:" + tenant.value();
                })
            .build();
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(ACME, 1).remaining()).isEqualTo(19 - i);
    }
    assertThat(limiter.tryConsume(GLOBEX, 1)).isTrue();
    assertThat(mapped).hasValue(2);
    assertThat(shared.timeToLive("api:acme")).isPresent();
    assertThat(limiter.refreshPolicies()).isZero();
    assertThat(limiter.tryConsume(ACME, 1)).isTrue();
    assertThat(mapped).hasValue(4);
  }

  @Test
  void keyMapperKeepsTenantsAndLimitersApart() {
    RateLimiter<TenantId> api = builder("api:").build();
    RateLimiter<TenantId> login = builder("login:").build();
    assertThat(api.tryConsume(ACME, 20)).isTrue();
    assertThat(api.tryConsume(ACME, 1)).isFalse();
    assertThat(api.tryAcquire(GLOBEX, 1).remaining()).isEqualTo(19);
    assertThat(login.tryAcquire(ACME, 1).remaining()).isEqualTo(19);
    assertThat(shared.timeToLive("api:acme")).hasValue(Duration.ofSeconds(2));
  }

  @Test
  void acquireWaitsForItsReservationAndGivesItBackWhenInterrupted() throws Exception {
    List<Long> sleeps = new ArrayList<>();
    RateLimiter<TenantId> waiting =
        builder("api:")
            .sleeper(
                nanos -> {
                  sleeps.add(nanos);
                  clock.advanceNanos(nanos);
                })
            .build();
    assertThat(waiting.tryConsume(ACME, 20)).isTrue();
    assertThat(waiting.acquire(ACME, 2, Duration.ofMillis(200)))
        .isEqualTo(new RateLimitDecision.Allowed(20, 0, 2_000 * MS));
    assertThat(sleeps).containsExactly(200 * MS);
    assertThat(waiting.acquire(ACME, 5, Duration.ofMillis(100)).isAllowed()).isFalse();
    assertThat(store.decisions).hasValue(3);

    RateLimiter<TenantId> interrupted =
        builder("api:")
            .sleeper(
                nanos -> {
                  throw new InterruptedException("test");
                })
            .build();
    assertThatThrownBy(() -> interrupted.acquire(ACME, 5, SECOND))
        .isInstanceOf(InterruptedException.class);
    assertThat(store.givenBack).hasValue(1);
    assertThat(shared.timeToLive("api:acme")).hasValue(Duration.ofSeconds(2));
    assertThatThrownBy(() -> interrupted.acquire(ACME, 1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxWait must not be negative, was PT-1S");
  }

  @Test
  void refreshResolvesRememberedKeysAndTheStoreCarriesConsumedPermitsOver() {
    AtomicReference<RateLimitPolicy> current = new AtomicReference<>(pro);
    RateLimiter<TenantId> limiter =
        RateLimiter.<TenantId>builder()
            .policyResolver(key -> current.get())
            .store(store, tenant -> "api:" + tenant.value())
            .listener(events::add)
            .build();
    assertThat(limiter.tryConsume(ACME, 15)).isTrue();
    assertThat(limiter.refreshPolicies()).isZero();
    RateLimitPolicy enterprise =
        RateLimitPolicy.of("enterprise", Bandwidth.of(40).refilling(40, SECOND));
    current.set(enterprise);
    assertThat(limiter.policyFor(ACME)).isEqualTo(pro);
    assertThat(limiter.refreshPolicies()).isEqualTo(1);
    assertThat(limiter.policyFor(ACME)).isEqualTo(enterprise);
    assertThat(events).containsExactly(new RateLimitEvent.PolicyChanged(ACME, "pro", "enterprise"));
    assertThat(limiter.tryAcquire(ACME, 1).remaining()).isEqualTo(40 - 15 - 1);
  }

  @Test
  void rejectsBadRequestsBeforeAskingTheStore() {
    RateLimiter<TenantId> limiter = builder("api:").build();
    assertThatThrownBy(() -> limiter.tryAcquire(ACME, 21))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permits must be between 1 and 20")
        .hasMessageContaining("was 21");
    assertThatThrownBy(() -> limiter.tryConsume(ACME, 0)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> limiter.tryConsume(null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    RateLimiter<TenantId> nullMapper =
        RateLimiter.<TenantId>builder().policy(pro).store(store, tenant -> null).build();
    assertThatThrownBy(() -> nullMapper.tryConsume(ACME, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key mapper returned null");
    assertThat(store.decisions).hasValue(0);
    assertThat(shared.timeToLive("api:acme")).isEmpty();
  }

  @Test
  void delegatesKeyCountingAndCleanUpToTheStore() {
    RateLimiter<TenantId> limiter = builder("api:").build();
    assertThat(limiter.tryConsume(ACME, 1)).isTrue();
    assertThat(limiter.tryConsume(GLOBEX, 1)).isTrue();
    assertThat(limiter.estimatedKeys()).isEqualTo(2);
    clock.advance(SECOND);
    limiter.cleanUp();
    assertThat(limiter.estimatedKeys()).isZero();
    RateLimiter<TenantId> uncounted =
        RateLimiter.<TenantId>builder()
            .policy(pro)
            .store(new FlakyStore(shared, false), tenant -> "x:" + tenant.value())
            .build();
    assertThat(uncounted.estimatedKeys()).isEqualTo(-1);
  }

  @Test
  void builderRejectsSettingsThatMeanNothingTogether() {
    assertThatThrownBy(() -> builder("a:").maximumKeys(10).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maximumKeys cannot be combined with store");
    assertThatThrownBy(() -> builder("a:").ticker(clock).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ticker cannot be combined with store");
    assertThatThrownBy(() -> RateLimiter.<TenantId>builder().policy(pro).failOpen().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failOpen needs a store");
    assertThatThrownBy(() -> builder("a:").failOpen().failClosed())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("failOpen or failClosed was already set");
    assertThatThrownBy(() -> builder("a:").store(shared, t -> "b:" + t.value()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("store was already set");
    assertThatThrownBy(() -> RateLimiter.<TenantId>builder().store(null, t -> "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("store");
    assertThatThrownBy(() -> RateLimiter.<TenantId>builder().store(shared, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("keyMapper");
    assertThat(builder("a:").failClosed().build().tryConsume(ACME, 1)).isTrue();
  }
}
