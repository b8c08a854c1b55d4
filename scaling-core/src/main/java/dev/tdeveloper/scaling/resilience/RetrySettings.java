package dev.tdeveloper.scaling.resilience;

import static dev.tdeveloper.scaling.resilience.CircuitBreakerSettings.require;

import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreakerOpenException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How a dependency's failed calls are retried: at most {@code maxAttempts} attempts in all, with an
 * exponential backoff from {@code initialDelay} to {@code maxDelay} (each delay {@code multiplier}
 * times the previous one) and a random jitter of plus or minus {@code jitterFactor} of each delay,
 * so that clients that failed together do not retry together. Immutable and thread-safe.
 *
 * @param maxAttempts attempts in all, the first included; at least 2 (1 would not retry)
 * @param initialDelay the delay before the first retry; positive
 * @param maxDelay the longest delay; at least {@code initialDelay}
 * @param multiplier how much each delay grows over the previous one; at least 1 (1 = fixed delay)
 * @param jitterFactor the random part of each delay, 0 (none) to 1 (0 to twice the delay)
 * @param retryOn which failures are retried; {@link #DEFAULT_RETRY_ON} by default
 */
public record RetrySettings(
    int maxAttempts,
    Duration initialDelay,
    Duration maxDelay,
    double multiplier,
    double jitterFactor,
    Predicate<Throwable> retryOn) {
  /**
   * Retries every failure except the local rejections (an open breaker, a full bulkhead): they come
   * from this process, not from the dependency, and retrying them only adds load and latency.
   */
  public static final Predicate<Throwable> DEFAULT_RETRY_ON =
      failure ->
          !(failure instanceof CircuitBreakerOpenException)
              && !(failure instanceof BulkheadFullException);

  /** The default jitter factor: {@value} (each delay varies by plus or minus a quarter). */
  public static final double DEFAULT_JITTER = 0.25;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the field, the value and what is allowed
   */
  public RetrySettings {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(retryOn, "retryOn");
    require(maxAttempts >= 2, "maxAttempts", maxAttempts, "at least 2 (the first call included)");
    require(
        !initialDelay.isNegative() && !initialDelay.isZero(),
        "initialDelay",
        initialDelay,
        "a positive duration");
    require(
        maxDelay.compareTo(initialDelay) >= 0,
        "maxDelay",
        maxDelay,
        "at least initialDelay (" + initialDelay + ")");
    require(multiplier >= 1 && Double.isFinite(multiplier), "multiplier", multiplier, "at least 1");
    require(jitterFactor >= 0 && jitterFactor <= 1, "jitterFactor", jitterFactor, "0 to 1");
    require(
        multiplier > 1 || maxDelay.equals(initialDelay),
        "maxDelay",
        maxDelay,
        "equal to initialDelay (" + initialDelay + ") when multiplier is 1");
  }

  /**
   * Exponential backoff doubling from {@code initialDelay} to {@code maxDelay}, with the default
   * jitter ({@value #DEFAULT_JITTER}) and the default retry predicate.
   */
  public static RetrySettings exponential(
      int maxAttempts, Duration initialDelay, Duration maxDelay) {
    return new RetrySettings(
        maxAttempts, initialDelay, maxDelay, 2.0, DEFAULT_JITTER, DEFAULT_RETRY_ON);
  }

  /** A fixed delay between attempts, with the default jitter and retry predicate. */
  public static RetrySettings fixed(int maxAttempts, Duration delay) {
    return new RetrySettings(maxAttempts, delay, delay, 1.0, DEFAULT_JITTER, DEFAULT_RETRY_ON);
  }

  /** Returns a copy with another jitter factor, 0 to 1. */
  public RetrySettings withJitter(double factor) {
    return new RetrySettings(maxAttempts, initialDelay, maxDelay, multiplier, factor, retryOn);
  }

  /** Returns a copy retrying only the failures {@code predicate} accepts. */
  public RetrySettings retryingOn(Predicate<Throwable> predicate) {
    return new RetrySettings(
        maxAttempts, initialDelay, maxDelay, multiplier, jitterFactor, predicate);
  }
}
