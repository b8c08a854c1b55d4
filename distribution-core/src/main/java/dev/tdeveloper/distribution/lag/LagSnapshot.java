package dev.tdeveloper.distribution.lag;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every region pair's and every tenant's replication lag at one instant, for an operations page.
 * Immutable.
 *
 * @param at when it was taken
 * @param pairs per (origin, receiver) pair ever seen, by origin then receiver
 * @param tenants per tenant and pair ever seen, by tenant, origin, then receiver
 */
public record LagSnapshot(Instant at, List<PairLag> pairs, List<TenantLag> tenants) {
  /** Copies the lists. */
  public LagSnapshot {
    Objects.requireNonNull(at, "at");
    pairs = List.copyOf(pairs);
    tenants = List.copyOf(tenants);
  }
}
