package dev.tdeveloper.observability.metrics;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link TenantCardinalityGuard} tells its listeners when the set of tenants that keep their
 * own tag value changes: at a re-rank, or when a tenant takes a free slot. A listener that keeps
 * per-tag state (a meter, a stored series) drops the demoted tenants' state here, which is what
 * keeps the number of series bounded. Immutable and thread-safe.
 *
 * @param promoted tenants that now have their own tag value
 * @param demoted tenants whose traffic is now folded into {@link TenantCardinalityGuard#OTHER}
 * @param at when the change happened, by the guard's clock
 */
public record TagChange(Set<TenantId> promoted, Set<TenantId> demoted, Instant at) {
  /** Copies the sets and checks that nothing is null. */
  public TagChange {
    promoted = Set.copyOf(Objects.requireNonNull(promoted, "promoted"));
    demoted = Set.copyOf(Objects.requireNonNull(demoted, "demoted"));
    Objects.requireNonNull(at, "at");
  }
}
