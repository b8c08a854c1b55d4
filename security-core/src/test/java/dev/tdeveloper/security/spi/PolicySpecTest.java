package dev.tdeveloper.security.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PolicySpecTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void flattensAPolicyToIntervalsTolerancesAndCapacities() {
    PolicySpec spec =
        PolicySpec.of(
            RateLimitPolicy.of(
                "pro", Bandwidth.of(200).refilling(100, SECOND), Bandwidth.simple(3, SECOND)));
    assertThat(spec.name()).isEqualTo("pro");
    assertThat(spec.limits())
        .containsExactly(
            new PolicySpec.Limit(10_000_000L, 2_000_000_000L, 200),
            new PolicySpec.Limit(333_333_334L, 1_000_000_002L, 3));
    assertThat(spec.maxPermits()).isEqualTo(3);
    assertThat(spec.toArguments())
        .containsExactly(
            "pro", "2", "10000000", "2000000000", "200", "333333334", "1000000002", "3");
  }

  @Property(tries = 200)
  void argumentsRoundTrip(
      @ForAll @IntRange(min = 1, max = 8) int bandwidths,
      @ForAll @LongRange(min = 1, max = 1_000_000) long capacity,
      @ForAll @LongRange(min = 1_000, max = 1_000_000_000) long periodMillis) {
    Bandwidth[] more = new Bandwidth[bandwidths - 1];
    for (int i = 0; i < more.length; i++) {
      more[i] = Bandwidth.simple(capacity + i + 1, Duration.ofMillis(periodMillis));
    }
    PolicySpec spec =
        PolicySpec.of(
            RateLimitPolicy.of(
                "p", Bandwidth.simple(capacity, Duration.ofMillis(periodMillis)), more));
    assertThat(PolicySpec.fromArguments(spec.toArguments())).isEqualTo(spec);
  }

  @Test
  void rejectsMalformedArgumentsNamingTheProblem() {
    assertThatThrownBy(() -> PolicySpec.fromArguments(List.of("p")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("had 1 elements");
    assertThatThrownBy(() -> PolicySpec.fromArguments(List.of("p", "2", "1", "5", "5")))
        .hasMessageContaining("had n=2 and 5 elements");
    assertThatThrownBy(() -> PolicySpec.fromArguments(List.of("p", "1", "1", "x", "5")))
        .hasMessage("arguments[3] must be a decimal integer, was 'x'");
    assertThatThrownBy(() -> PolicySpec.fromArguments(List.of("p", "1", "2", "5", "5")))
        .hasMessageContaining("toleranceNanos must be capacity * intervalNanos = 5 * 2");
  }

  @Test
  void rejectsInvalidFiguresAndNames() {
    assertThatThrownBy(() -> new PolicySpec.Limit(0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("intervalNanos must be at least 1, was 0");
    assertThatThrownBy(() -> new PolicySpec.Limit(1, 0, 0))
        .hasMessage("capacity must be at least 1, was 0");
    assertThatThrownBy(() -> new PolicySpec.Limit(1L << 40, 1L << 62, 1L << 22))
        .hasMessageContaining("at most 2^61");
    PolicySpec.Limit one = new PolicySpec.Limit(1, 1, 1);
    assertThatThrownBy(() -> new PolicySpec("bad name", List.of(one)))
        .hasMessageContaining("name must match");
    assertThatThrownBy(() -> new PolicySpec("p", List.of()))
        .hasMessage("limits must hold 1 to 8 bandwidths, had 0");
    assertThatThrownBy(() -> new PolicySpec(null, List.of(one)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @Test
  void checksPermitsAgainstTheSmallestCapacity() {
    PolicySpec spec = PolicySpec.of(RateLimitPolicy.of("free", Bandwidth.simple(5, SECOND)));
    spec.checkPermits(5);
    assertThatThrownBy(() -> spec.checkPermits(6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "permits must be between 1 and 5 (the smallest capacity of policy 'free'), was 6");
    assertThatThrownBy(() -> spec.checkPermits(0)).hasMessageContaining("was 0");
  }
}
