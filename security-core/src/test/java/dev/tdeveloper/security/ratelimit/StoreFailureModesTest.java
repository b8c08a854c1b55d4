package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a store-backed limiter does when its store fails or misbehaves. */
class StoreFailureModesTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final TenantId ACME = TenantId.of("acme");
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
  void aFailedGiveBackIsSuppressedIntoTheInterruptionAndPublished() {
    RateLimiter<TenantId> limiter =
        builder("api:")
            .sleeper(
                nanos -> {
                  store.failure.set(new IllegalStateException("connection reset"));
                  throw new InterruptedException("test");
                })
            .build();
    assertThat(limiter.tryConsume(ACME, 20)).isTrue();
    assertThatThrownBy(() -> limiter.acquire(ACME, 1, SECOND))
        .isInstanceOf(InterruptedException.class)
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .isInstanceOf(RateLimiterStoreException.class));
    assertThat(events).singleElement().isInstanceOf(RateLimitEvent.StoreFailed.class);
  }

  @Test
  void failsClosedByDefaultThrowingAndPublishingTheFailure() {
    RateLimiter<TenantId> limiter = builder("api:").build();
    IllegalStateException cause = new IllegalStateException("connection refused");
    store.failure.set(cause);
    assertThatThrownBy(() -> limiter.tryConsume(ACME, 1))
        .isInstanceOf(RateLimiterStoreException.class)
        .hasMessageContaining("deciding key 'api:acme'")
        .hasCause(cause);
    RateLimiterStoreException direct = new RateLimiterStoreException("timeout");
    store.failure.set(direct);
    assertThatThrownBy(() -> limiter.tryAcquire(ACME, 1)).isSameAs(direct);
    assertThat(events)
        .hasSize(2)
        .allSatisfy(
            e -> {
              RateLimitEvent.StoreFailed failed = (RateLimitEvent.StoreFailed) e;
              assertThat(failed.key()).isEqualTo(ACME);
              assertThat(failed.policy()).isEqualTo("pro");
              assertThat(failed.failedOpen()).isFalse();
            });
    assertThatThrownBy(limiter::estimatedKeys).isSameAs(direct);
    assertThatThrownBy(limiter::cleanUp).isSameAs(direct);
  }

  @Test
  void failsOpenWithTheFiguresOfAFreshKeyWhenAsked() throws Exception {
    RateLimiter<TenantId> limiter =
        RateLimiter.<TenantId>builder()
            .policy(
                RateLimitPolicy.of(
                    "dual",
                    Bandwidth.of(50).refilling(50, SECOND),
                    Bandwidth.simple(10, Duration.ofMinutes(1))))
            .store(store, tenant -> "api:" + tenant.value())
            .failOpen()
            .listener(events::add)
            .build();
    store.failure.set(new IllegalStateException("connection refused"));
    assertThat(limiter.tryAcquire(ACME, 3))
        .isEqualTo(new RateLimitDecision.Allowed(10, 7, 3 * 6_000 * MS));
    assertThat(limiter.tryConsume(ACME, 10)).isTrue();
    assertThat(limiter.acquire(ACME, 1, SECOND).isAllowed()).isTrue();
    assertThat(events)
        .hasSize(3)
        .allSatisfy(e -> assertThat(((RateLimitEvent.StoreFailed) e).failedOpen()).isTrue());
    store.failure.set(null);
    assertThat(limiter.tryAcquire(ACME, 1).remaining()).isEqualTo(9);
  }

  @Test
  void anAnswerWaitingLongerThanAllowedIsAStoreFailure() {
    RateLimiter<TenantId> limiter = builder("api:").build();
    store.tamper.set(d -> StoreDecision.allowed(5 * MS, d.limit(), d.remaining(), 0));
    assertThatThrownBy(() -> limiter.tryConsume(ACME, 1))
        .isInstanceOf(RateLimiterStoreException.class)
        .hasMessageContaining("at most 0 ns");
  }
}
