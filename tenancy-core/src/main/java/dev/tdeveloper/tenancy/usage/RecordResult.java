package dev.tdeveloper.tenancy.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link UsageMeter#record} did with an event: {@link Accepted} (stored and counted), {@link
 * Duplicate} (already counted: nothing to do, a retry may stop) or {@link TooLate} (its window had
 * closed: not counted, retrying will not help).
 *
 * <pre>{@code
 * if (meter.record(event) instanceof RecordResult.TooLate late) {
 *   log.warn("usage arrived after {}", late.graceEnd());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface RecordResult {
  /**
   * The event was stored and counted in its window.
   *
   * @param windowStart the start of the window the event was counted in (from its event time)
   */
  record Accepted(Instant windowStart) implements RecordResult {
    /** Validates the result. */
    public Accepted {
      Objects.requireNonNull(windowStart, "windowStart");
    }
  }

  /**
   * An event with the same idempotency key for the same tenant and meter was already counted in
   * that window; this one was neither stored nor counted again.
   *
   * @param windowStart the start of the window that already holds the event
   */
  record Duplicate(Instant windowStart) implements RecordResult {
    /** Validates the result. */
    public Duplicate {
      Objects.requireNonNull(windowStart, "windowStart");
    }
  }

  /**
   * The event's window was already closed: it ended at {@code windowEnd} and its grace period at
   * {@code graceEnd}, at or before the time of recording. The event was neither stored nor counted.
   *
   * @param windowEnd the end (exclusive) of the event's window
   * @param graceEnd when that window stopped accepting late events
   */
  record TooLate(Instant windowEnd, Instant graceEnd) implements RecordResult {
    /** Validates the result. */
    public TooLate {
      Objects.requireNonNull(windowEnd, "windowEnd");
      Objects.requireNonNull(graceEnd, "graceEnd");
    }
  }
}
