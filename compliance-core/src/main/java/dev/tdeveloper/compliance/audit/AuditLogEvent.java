package dev.tdeveloper.compliance.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What an {@link AuditLogger} reports about itself to the listeners registered with {@link
 * AuditLoggerBuilder#listener}; switch on the subtype. Immutable and thread-safe.
 */
public sealed interface AuditLogEvent
    permits AuditLogEvent.WriteFailed, AuditLogEvent.Backpressured, AuditLogEvent.Closed {
  /** Returns when it happened, by the logger's clock. */
  Instant at();

  /**
   * Storing entries failed; the logger now refuses new entries (it fails closed).
   *
   * @param firstSequence the first entry that is not known to be stored
   * @param lastSequence the last entry accepted before the failure (all in between failed too)
   * @param error the failure, as {@code Throwable.toString()}
   * @param at when
   */
  record WriteFailed(long firstSequence, long lastSequence, String error, Instant at)
      implements AuditLogEvent {
    /** Checks that no field is null. */
    public WriteFailed {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * {@link AuditLogger#log} refused an event because the queue stayed full.
   *
   * @param queueCapacity the queue's capacity
   * @param offerTimeout how long the caller waited
   * @param at when
   */
  record Backpressured(int queueCapacity, Duration offerTimeout, Instant at)
      implements AuditLogEvent {
    /** Checks that no field is null. */
    public Backpressured {
      Objects.requireNonNull(offerTimeout, "offerTimeout");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The logger was closed after storing every accepted entry.
   *
   * @param size how many entries the log holds
   * @param at when
   */
  record Closed(long size, Instant at) implements AuditLogEvent {
    /** Checks that no field is null. */
    public Closed {
      Objects.requireNonNull(at, "at");
    }
  }
}
