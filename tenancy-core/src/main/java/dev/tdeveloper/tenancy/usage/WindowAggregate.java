package dev.tdeveloper.tenancy.usage;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * The aggregated usage of one tenant on one meter in one window {@code [windowStart, windowEnd)}. A
 * window with no events has value 0 and event count 0. Once {@code closed} (its grace period has
 * passed and no append is in flight) the value is final and safe to bill.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenant whose usage this is
 * @param meter the meter name
 * @param windowStart the start of the window (inclusive)
 * @param windowEnd the end of the window (exclusive)
 * @param value the aggregate, as defined by the meter's {@link Aggregation}
 * @param eventCount how many distinct events were counted
 * @param closed whether the window accepts no more events
 */
public record WindowAggregate(
    TenantId tenant,
    String meter,
    Instant windowStart,
    Instant windowEnd,
    long value,
    long eventCount,
    boolean closed) {
  /**
   * Validates an aggregate.
   *
   * @throws NullPointerException naming the null component
   * @throws IllegalArgumentException if the window is empty or the count is negative
   */
  public WindowAggregate {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    if (!windowEnd.isAfter(windowStart)) {
      throw new IllegalArgumentException(
          "windowEnd " + windowEnd + " must be after windowStart " + windowStart);
    }
    if (eventCount < 0) {
      throw new IllegalArgumentException("eventCount must be >= 0, was " + eventCount);
    }
  }
}
