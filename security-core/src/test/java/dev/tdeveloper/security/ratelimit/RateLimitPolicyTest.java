package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void computesEmissionIntervalRoundedUp() {
    Bandwidth b = Bandwidth.of(200).refilling(100, SECOND);
    assertThat(b.emissionIntervalNanos()).isEqualTo(10_000_000L);
    assertThat(b.toleranceNanos()).isEqualTo(2_000_000_000L);
    assertThat(Bandwidth.simple(3, SECOND).emissionIntervalNanos()).isEqualTo(333_333_334L);
  }

  @Test
  void rejectsZeroAndNegativeFiguresNamingTheField() {
    assertThatThrownBy(() -> Bandwidth.of(0).refilling(1, SECOND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be at least 1, was 0");
    assertThatThrownBy(() -> Bandwidth.of(5).refilling(-2, SECOND))
        .hasMessage("refillTokens must be at least 1, was -2");
    assertThatThrownBy(() -> Bandwidth.of(5).refilling(5, Duration.ZERO))
        .hasMessage("refillPeriod must be positive, was PT0S");
    assertThatThrownBy(() -> Bandwidth.of(5).refilling(5, Duration.ofSeconds(-1)))
        .hasMessageContaining("refillPeriod must be positive, was PT-1S");
  }

  @Test
  void rejectsOverflowingRatesAndBursts() {
    assertThatThrownBy(() -> Bandwidth.simple(2_000_000_000L, Duration.ofNanos(1_000_000_000L)))
        .hasMessageContaining("more than one permit per nanosecond");
    assertThatThrownBy(() -> Bandwidth.of(1000).refilling(1, Duration.ofDays(365)))
        .hasMessageContaining("overflows");
    assertThatThrownBy(() -> Bandwidth.of(Long.MAX_VALUE).refilling(1, SECOND))
        .hasMessageContaining("capacity " + Long.MAX_VALUE)
        .hasMessageContaining("overflows");
    assertThatThrownBy(() -> Bandwidth.simple(1, Duration.ofSeconds(Long.MAX_VALUE)))
        .hasMessageContaining("refillPeriod must be at most");
  }

  @Test
  void rejectsDuplicateEmptyAndTooManyBandwidths() {
    Bandwidth b = Bandwidth.simple(10, SECOND);
    assertThatThrownBy(() -> RateLimitPolicy.of("pro", b, Bandwidth.simple(10, SECOND)))
        .hasMessage("policy 'pro' lists bandwidth 10 burst, 10/PT1S twice (index 1)");
    assertThatThrownBy(() -> new RateLimitPolicy("pro", List.of()))
        .hasMessage("policy 'pro' must have 1 to 8 bandwidths, had 0");
    Bandwidth[] nine = new Bandwidth[9];
    for (int i = 0; i < 9; i++) {
      nine[i] = Bandwidth.simple(i + 1, SECOND);
    }
    assertThatThrownBy(() -> new RateLimitPolicy("pro", List.of(nine)))
        .hasMessageContaining("had 9");
    assertThatThrownBy(() -> RateLimitPolicy.of("bad name", b))
        .hasMessageContaining("name must match");
  }

  @Test
  void maxPermitsIsTheSmallestCapacity() {
    RateLimitPolicy p =
        RateLimitPolicy.of(
            "pro",
            Bandwidth.of(200).refilling(100, SECOND),
            Bandwidth.simple(10_000, Duration.ofHours(1)));
    assertThat(p.maxPermits()).isEqualTo(200);
  }

  @Test
  void builderRejectsMissingAndRepeatedSettings() {
    assertThatThrownBy(() -> RateLimiter.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("policy");
    RateLimitPolicy p = RateLimitPolicy.of("free", Bandwidth.simple(1, SECOND));
    assertThatThrownBy(() -> RateLimiter.builder().policy(p).policy(p))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RateLimiter.builder().maximumKeys(0))
        .hasMessage("maximumKeys must be between 1 and 2^30, was 0");
  }
}
