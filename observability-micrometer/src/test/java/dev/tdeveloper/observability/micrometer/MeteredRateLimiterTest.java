package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeteredRateLimiterTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TdeveloperMetrics metrics = TdeveloperMetrics.builder(registry).build();

  private RateLimiter<RateLimitKey> limiter() {
    return RateLimiter.<RateLimitKey>builder()
        .policy(RateLimitPolicy.of("free", Bandwidth.of(3).refilling(3, Duration.ofMinutes(1))))
        .ticker(clock)
        .build();
  }

  private double count(String outcome, String tenant) {
    var counter =
        registry
            .find(MeteredRateLimiter.DECISIONS)
            .tag("outcome", outcome)
            .tag(TdeveloperMetrics.TENANT_TAG, tenant)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void everyDecisionIsCountedByOutcomeUnderItsTenantAndPassedOnUnchanged() {
    RateLimiter<RateLimitKey> metered = MeteredRateLimiter.wrap(limiter(), metrics);
    RateLimitKey acme = new RateLimitKey(TenantId.of("acme"), Optional.empty());
    RateLimitKey globex = new RateLimitKey(TenantId.of("globex"), Optional.of("notes"));
    int allowed = 0;
    for (int i = 0; i < 5; i++) {
      if (metered.tryAcquire(acme, 1).isAllowed()) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(3);
    assertThat(metered.tryConsume(globex, 1)).isTrue();
    assertThat(count("allowed", "acme")).isEqualTo(3);
    assertThat(count("denied", "acme")).isEqualTo(2);
    assertThat(count("allowed", "globex")).isEqualTo(1);
    assertThat(count("denied", "globex")).isZero();
  }

  @Test
  void aTenantDemotedAfterItsCountersWereCachedCountsUnderOtherThenInFreshSeriesWhenPromoted() {
    TenantCardinalityGuard guard =
        TenantCardinalityGuard.builder().topTenants(1).clock(clock).build();
    TdeveloperMetrics guarded =
        TdeveloperMetrics.builder(registry).tenantGuard(guard).clock(clock).build();
    RateLimiter<RateLimitKey> metered = MeteredRateLimiter.wrap(limiter(), guarded);
    RateLimitKey acme = new RateLimitKey(TenantId.of("acme"), Optional.empty());
    RateLimitKey globex = new RateLimitKey(TenantId.of("globex"), Optional.empty());
    for (int i = 0; i < 4; i++) {
      metered.tryAcquire(acme, 1); // 3 allowed, 1 denied: both counters cached
    }
    assertThat(count("denied", "acme")).isEqualTo(1);
    for (int i = 0; i < 10; i++) {
      guard.tag(TenantId.of("globex"));
    }
    guard.rerank();
    assertThat(count("allowed", "acme")).isZero(); // its series left the registry
    metered.tryAcquire(acme, 1);
    metered.tryAcquire(globex, 1);
    assertThat(count("denied", "acme")).isZero();
    assertThat(count("denied", "other")).isEqualTo(1);
    assertThat(count("allowed", "globex")).isEqualTo(1);
    for (int i = 0; i < 100; i++) {
      guard.tag(TenantId.of("acme"));
    }
    guard.rerank(); // acme back on top: a fresh series, not the one removed at its demotion
    metered.tryAcquire(acme, 1);
    assertThat(count("denied", "acme")).isEqualTo(1);
  }

  @Test
  void aFailingRegistryNeverBreaksADecision() {
    RateLimiter<RateLimitKey> metered = MeteredRateLimiter.wrap(limiter(), metrics);
    registry.close();
    registry.config().meterFilter(new FailingFilter());
    RateLimitKey acme = new RateLimitKey(TenantId.of("acme"), Optional.empty());
    assertThat(metered.tryAcquire(acme, 1).isAllowed()).isTrue();
    assertThat(metered.policyFor(acme).name()).isEqualTo("free");
  }

  /** A meter filter that throws, as a broken registry would. */
  private static final class FailingFilter
      implements io.micrometer.core.instrument.config.MeterFilter {
    @Override
    public io.micrometer.core.instrument.Meter.Id map(io.micrometer.core.instrument.Meter.Id id) {
      throw new IllegalStateException("registry broken");
    }
  }
}
