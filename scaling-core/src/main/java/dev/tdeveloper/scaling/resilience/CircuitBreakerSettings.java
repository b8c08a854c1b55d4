package dev.tdeveloper.scaling.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * When a dependency's circuit breaker opens and how it recovers, in Failsafe's terms. Build one
 * with {@link #consecutiveFailures}, {@link #failuresOutOf} or {@link #failureRate}, then adjust
 * the open delay and the half-open trials with the {@code with*} methods. Immutable and
 * thread-safe.
 *
 * @param failures failures that open the breaker (for a rate: 0, unused)
 * @param executions the last executions the failures are counted over (count-based), or the minimum
 *     executions in the window before a rate is judged (rate-based)
 * @param failureRatePercent the failure rate that opens the breaker, 1 to 100, or 0 for count-based
 * @param window the time window of a rate-based breaker, {@link Duration#ZERO} for count-based
 * @param delay how long the breaker stays open before it lets trial calls through (half-open)
 * @param halfOpenTrials how many trial calls the half-open breaker lets through; all must succeed
 *     to close it, and one failure re-opens it
 */
public record CircuitBreakerSettings(
    int failures,
    int executions,
    int failureRatePercent,
    Duration window,
    Duration delay,
    int halfOpenTrials) {
  /** The default open delay: {@code 60 s}, as in Failsafe. */
  public static final Duration DEFAULT_DELAY = Duration.ofMinutes(1);

  /** The default number of half-open trial calls: {@value}. */
  public static final int DEFAULT_HALF_OPEN_TRIALS = 1;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the field, the value and what is allowed
   */
  public CircuitBreakerSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(delay, "delay");
    if (failureRatePercent == 0) {
      require(failures >= 1, "failures", failures, "at least 1");
      require(
          executions >= failures, "executions", executions, "at least failures (" + failures + ")");
      require(window.isZero(), "window", window, "zero for a count-based breaker");
    } else {
      require(
          failureRatePercent >= 1 && failureRatePercent <= 100,
          "failureRatePercent",
          failureRatePercent,
          "1 to 100 (or 0 for a count-based breaker)");
      require(failures == 0, "failures", failures, "0 for a rate-based breaker");
      require(executions >= 1, "executions", executions, "at least 1 (minimum executions)");
      require(!window.isNegative() && !window.isZero(), "window", window, "a positive duration");
    }
    require(!delay.isNegative(), "delay", delay, "zero or a positive duration");
    require(halfOpenTrials >= 1, "halfOpenTrials", halfOpenTrials, "at least 1");
  }

  /** Opens after {@code failures} consecutive failures. */
  public static CircuitBreakerSettings consecutiveFailures(int failures) {
    return new CircuitBreakerSettings(
        failures, failures, 0, Duration.ZERO, DEFAULT_DELAY, DEFAULT_HALF_OPEN_TRIALS);
  }

  /** Opens after {@code failures} failures among the last {@code executions} calls. */
  public static CircuitBreakerSettings failuresOutOf(int failures, int executions) {
    return new CircuitBreakerSettings(
        failures, executions, 0, Duration.ZERO, DEFAULT_DELAY, DEFAULT_HALF_OPEN_TRIALS);
  }

  /**
   * Opens when at least {@code percent}% of the calls in the last {@code window} failed, once the
   * window holds at least {@code minExecutions} calls.
   */
  public static CircuitBreakerSettings failureRate(
      int percent, int minExecutions, Duration window) {
    return new CircuitBreakerSettings(
        0, minExecutions, percent, window, DEFAULT_DELAY, DEFAULT_HALF_OPEN_TRIALS);
  }

  /** Returns a copy that stays open for {@code delay} before letting trial calls through. */
  public CircuitBreakerSettings withDelay(Duration delay) {
    return new CircuitBreakerSettings(
        failures, executions, failureRatePercent, window, delay, halfOpenTrials);
  }

  /** Returns a copy that lets {@code trials} calls through when half-open. */
  public CircuitBreakerSettings withHalfOpenTrials(int trials) {
    return new CircuitBreakerSettings(
        failures, executions, failureRatePercent, window, delay, trials);
  }

  /** Returns whether the breaker judges a failure rate over a time window. */
  public boolean rateBased() {
    return failureRatePercent > 0;
  }

  static void require(boolean ok, String field, Object value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException(field + " is " + value + "; allowed: " + allowed);
    }
  }
}
