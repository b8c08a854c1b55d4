package dev.tdeveloper.security.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StoreDecisionTest {
  @Test
  void encodesAsSixIntegers() {
    assertThat(StoreDecision.allowed(5, 20, 3, 700).encode()).containsExactly(1, 5, 20, 3, 700, 0);
    assertThat(StoreDecision.denied(20, 0, 100, 2_000).encode())
        .containsExactly(0, 0, 20, 0, 2_000, 100);
    assertThat(StoreDecision.decode(0, 0, 20, 0, 2_000, 100))
        .isEqualTo(StoreDecision.denied(20, 0, 100, 2_000));
  }

  @Property(tries = 200)
  void roundTripsThroughTheEncoding(
      @ForAll boolean allowed,
      @ForAll @LongRange(min = 0, max = 1L << 62) long wait,
      @ForAll @LongRange(min = 1, max = 1L << 40) long limit,
      @ForAll @LongRange(min = 0, max = 1L << 40) long remaining,
      @ForAll @LongRange(min = 0, max = 1L << 62) long reset,
      @ForAll @LongRange(min = 1, max = 1L << 62) long retry) {
    long left = Math.min(remaining, limit);
    StoreDecision d =
        allowed
            ? StoreDecision.allowed(wait, limit, left, reset)
            : StoreDecision.denied(limit, left, retry, reset);
    assertThat(StoreDecision.decode(d.encode())).isEqualTo(d);
  }

  @Test
  void convertsToTheLimitersDecision() {
    assertThat(StoreDecision.allowed(5, 20, 3, 700).toDecision())
        .isEqualTo(new RateLimitDecision.Allowed(20, 3, 700));
    assertThat(StoreDecision.denied(20, 0, 100, 2_000).toDecision())
        .isEqualTo(new RateLimitDecision.Denied(20, 0, 100, 2_000));
  }

  @Test
  void rejectsMalformedOrInconsistentEncodings() {
    assertThatThrownBy(() -> StoreDecision.decode(1, 0, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an encoded decision has 6 values, had 3");
    assertThatThrownBy(() -> StoreDecision.decode(2, 0, 20, 0, 0, 0))
        .hasMessage("allowed must be encoded as 1 or 0, was 2");
    assertThatThrownBy(() -> StoreDecision.decode(1, 0, 20, 0, 0, 5))
        .hasMessage("retryAfterNanos must be 0 when allowed, was 5");
    assertThatThrownBy(() -> StoreDecision.decode(0, 5, 20, 0, 0, 5))
        .hasMessage("waitNanos must be 0 when denied, was 5");
    assertThatThrownBy(() -> StoreDecision.decode(0, 0, 20, 0, 0, 0))
        .hasMessage("retryAfterNanos must be at least 1 when denied, was 0");
    assertThatThrownBy(() -> StoreDecision.decode(1, -1, 20, 0, 0, 0))
        .hasMessage("waitNanos must not be negative, was -1");
    assertThatThrownBy(() -> StoreDecision.decode(1, 0, 20, 21, 0, 0))
        .hasMessage("remaining must be between 0 and limit 20, was 21");
    assertThatThrownBy(() -> StoreDecision.decode(1, 0, 0, 0, 0, 0))
        .hasMessage("limit must be at least 1, was 0");
    assertThatThrownBy(() -> StoreDecision.decode(1, 0, 20, 0, -1, 0))
        .hasMessage("resetAfterNanos must not be negative, was -1");
  }
}
