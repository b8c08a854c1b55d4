package dev.tdeveloper.scaling.resilience;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one circuit breaker: which dependency (and tenant, for a per-tenant policy), its
 * state and its current counts. Immutable.
 *
 * @param dependency the dependency's name
 * @param tenant the tenant for a per-tenant breaker, empty for a shared one
 * @param state the breaker's state when the snapshot was taken
 * @param failures failures counted in the current state
 * @param successes successes counted in the current state
 */
public record BreakerStatus(
    String dependency,
    Optional<TenantId> tenant,
    BreakerState state,
    long failures,
    long successes) {
  /** Checks that no component is null. */
  public BreakerStatus {
    Objects.requireNonNull(dependency, "dependency");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(state, "state");
  }
}
