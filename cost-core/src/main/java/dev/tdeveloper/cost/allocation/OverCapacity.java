package dev.tdeveloper.cost.allocation;

/** What the allocator does when the tenants' charged usage of an asset exceeds its capacity. */
public enum OverCapacity {
  /**
   * Refuse the whole allocation with an {@link AllocationException} naming the asset, the usage and
   * the capacity (the default): usage above capacity means the usage or the bill is wrong.
   */
  REFUSE,
  /**
   * Treat the usage as the asset's capacity: the whole cost is split by usage (no idle), and the
   * lines say they were scaled.
   */
  SCALE_TO_CAPACITY
}
