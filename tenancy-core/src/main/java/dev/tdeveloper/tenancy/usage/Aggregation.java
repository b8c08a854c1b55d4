package dev.tdeveloper.tenancy.usage;

/**
 * How the events of one window are combined into the window's value. Every aggregation also counts
 * the events ({@link WindowAggregate#eventCount()}).
 */
public enum Aggregation {
  /** The sum of the event values; recording an event that would overflow a {@code long} fails. */
  SUM,
  /** The number of events; event values are ignored. */
  COUNT,
  /** The largest event value. */
  MAX,
  /** The smallest event value. */
  MIN,
  /**
   * The value of the event with the latest timestamp; ties are broken by the greatest idempotency
   * key, so the result does not depend on arrival order and is the same after a replay.
   */
  LATEST,
  /**
   * The number of distinct values of one dimension ({@link MeterDefinition#uniqueDimension()}), for
   * example distinct {@code user_id}s; event values are ignored and every event must carry the
   * dimension.
   */
  UNIQUE_COUNT
}
