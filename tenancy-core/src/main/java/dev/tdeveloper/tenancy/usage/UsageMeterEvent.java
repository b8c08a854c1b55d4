package dev.tdeveloper.tenancy.usage;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;

/**
 * The notable things a {@link UsageMeter} publishes to the listeners registered on its builder:
 * refused events, closed windows and the replay done at startup. Accepted events are not published
 * (that is the hot path; query the aggregates instead).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface UsageMeterEvent {
  /**
   * An event was recognised as a duplicate and not counted again.
   *
   * @param tenant the event's tenant
   * @param meter the event's meter
   * @param idempotencyKey the repeated key
   * @param windowStart the window that already holds the event
   */
  record DuplicateIgnored(TenantId tenant, String meter, String idempotencyKey, Instant windowStart)
      implements UsageMeterEvent {}

  /**
   * An event arrived after its window's grace period and was refused.
   *
   * @param tenant the event's tenant
   * @param meter the event's meter
   * @param idempotencyKey the refused event's key
   * @param eventTime the refused event's timestamp
   * @param graceEnd when the event's window stopped accepting events
   */
  record LateEventRefused(
      TenantId tenant, String meter, String idempotencyKey, Instant eventTime, Instant graceEnd)
      implements UsageMeterEvent {}

  /**
   * A window passed its grace period: its aggregate is final and its idempotency keys were
   * forgotten.
   *
   * @param aggregate the final aggregate, with {@code closed} set
   */
  record WindowClosed(WindowAggregate aggregate) implements UsageMeterEvent {}

  /**
   * The meter rebuilt its aggregates from the store at startup.
   *
   * @param events how many stored events were counted
   * @param duplicates how many stored events repeated a counted key and were skipped
   * @param skipped how many stored events the current meter definitions cannot count (their meter
   *     is no longer defined, or they lack the dimension a UNIQUE_COUNT meter now counts); they
   *     stay in the store and count again once the definitions allow it
   * @param beyondRetention how many stored events belong to windows closed longer than the
   *     retention ago, which are not held in memory
   */
  record ReplayCompleted(long events, long duplicates, long skipped, long beyondRetention)
      implements UsageMeterEvent {}
}
