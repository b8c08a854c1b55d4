package dev.tdeveloper.scaling.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreakerOpenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicySettingsTest {
  @Test
  void rejectsBadCircuitBreakerSettings() {
    assertThatThrownBy(() -> CircuitBreakerSettings.consecutiveFailures(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failures is 0; allowed: at least 1");
    assertThatThrownBy(() -> CircuitBreakerSettings.failuresOutOf(5, 3))
        .hasMessage("executions is 3; allowed: at least failures (5)");
    assertThatThrownBy(() -> CircuitBreakerSettings.failureRate(101, 10, Duration.ofMinutes(1)))
        .hasMessage(
            "failureRatePercent is 101; allowed: 1 to 100 (or 0 for a count-based breaker)");
    assertThatThrownBy(() -> CircuitBreakerSettings.failureRate(50, 10, Duration.ZERO))
        .hasMessage("window is PT0S; allowed: a positive duration");
    assertThatThrownBy(
            () -> CircuitBreakerSettings.consecutiveFailures(3).withDelay(Duration.ofSeconds(-1)))
        .hasMessage("delay is PT-1S; allowed: zero or a positive duration");
    assertThatThrownBy(() -> CircuitBreakerSettings.consecutiveFailures(3).withHalfOpenTrials(0))
        .hasMessage("halfOpenTrials is 0; allowed: at least 1");
  }

  @Test
  void rejectsBadRetrySettings() {
    assertThatThrownBy(() -> RetrySettings.fixed(1, Duration.ofMillis(10)))
        .hasMessage("maxAttempts is 1; allowed: at least 2 (the first call included)");
    assertThatThrownBy(() -> RetrySettings.fixed(3, Duration.ZERO))
        .hasMessage("initialDelay is PT0S; allowed: a positive duration");
    assertThatThrownBy(
            () -> RetrySettings.exponential(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("maxDelay is PT1S; allowed: at least initialDelay (PT2S)");
    assertThatThrownBy(() -> RetrySettings.fixed(3, Duration.ofMillis(10)).withJitter(1.5))
        .hasMessage("jitterFactor is 1.5; allowed: 0 to 1");
  }

  @Test
  void rejectsBadBulkheadTimeoutAndName() {
    assertThatThrownBy(() -> BulkheadSettings.of(0))
        .hasMessage("maxConcurrency is 0; allowed: at least 1");
    assertThatThrownBy(() -> new BulkheadSettings(2, Duration.ofMillis(-1)))
        .hasMessage("maxWait is PT-0.001S; allowed: zero or a positive duration");
    assertThatThrownBy(() -> DependencyPolicy.builder("db").timeout(Duration.ZERO))
        .hasMessage("timeout is PT0S; allowed: a positive duration");
    assertThatThrownBy(() -> DependencyPolicy.builder("bad name"))
        .hasMessage(
            "name is 'bad name'; allowed: 1 to 64 of [A-Za-z0-9._-], starting with a letter or"
                + " digit");
  }

  @Test
  void rejectsASettingGivenTwice() {
    DependencyPolicy.Builder builder =
        DependencyPolicy.builder("db").retry(RetrySettings.fixed(2, Duration.ofMillis(1)));

    assertThatThrownBy(() -> builder.retry(RetrySettings.fixed(3, Duration.ofMillis(1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("retry was already set for dependency db");
    builder.perTenant(true);
    assertThatThrownBy(() -> builder.perTenant(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("perTenant was already set for dependency db");
  }

  @Test
  void defaultRetryPredicateSkipsLocalRejections() {
    assertThat(RetrySettings.DEFAULT_RETRY_ON.test(new IllegalStateException())).isTrue();
    assertThat(RetrySettings.DEFAULT_RETRY_ON.test(new CircuitBreakerOpenException(null)))
        .isFalse();
    assertThat(RetrySettings.DEFAULT_RETRY_ON.test(new BulkheadFullException(null))).isFalse();
  }
}
