package dev.tdeveloper.scaling.resilience;

import static dev.tdeveloper.scaling.resilience.CircuitBreakerSettings.require;

import java.time.Duration;
import java.util.Objects;

/**
 * How many calls to a dependency may run at once, and how long a call waits for a slot before it is
 * rejected with Failsafe's {@code BulkheadFullException}. Immutable and thread-safe.
 *
 * @param maxConcurrency calls in flight at most; at least 1
 * @param maxWait how long a call waits for a slot; {@link Duration#ZERO} rejects at once
 */
public record BulkheadSettings(int maxConcurrency, Duration maxWait) {
  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the field, the value and what is allowed
   */
  public BulkheadSettings {
    Objects.requireNonNull(maxWait, "maxWait");
    require(maxConcurrency >= 1, "maxConcurrency", maxConcurrency, "at least 1");
    require(!maxWait.isNegative(), "maxWait", maxWait, "zero or a positive duration");
  }

  /** At most {@code maxConcurrency} calls at once; further calls are rejected without waiting. */
  public static BulkheadSettings of(int maxConcurrency) {
    return new BulkheadSettings(maxConcurrency, Duration.ZERO);
  }
}
