package dev.tdeveloper.scaling.resilience;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DependencyPolicies} reports to its listeners. Every event names the dependency and,
 * for a per-tenant policy, the tenant. Immutable.
 */
public sealed interface ResilienceEvent {
  /** Returns the dependency's name. */
  String dependency();

  /** Returns the tenant of a per-tenant policy, empty for a shared one. */
  Optional<TenantId> tenant();

  /**
   * A circuit breaker changed state.
   *
   * @param dependency the dependency's name
   * @param tenant the tenant of a per-tenant breaker
   * @param from the previous state
   * @param to the new state
   */
  record BreakerTransition(
      String dependency, Optional<TenantId> tenant, BreakerState from, BreakerState to)
      implements ResilienceEvent {
    /** Checks that no component is null. */
    public BreakerTransition {
      Objects.requireNonNull(dependency, "dependency");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * A retry was scheduled after a failed attempt.
   *
   * @param dependency the dependency's name
   * @param tenant the tenant of a per-tenant policy
   * @param attempt the attempt that failed, from 1
   * @param delay the (jittered) delay before the next attempt
   * @param failure what the failed attempt threw
   */
  record RetryScheduled(
      String dependency, Optional<TenantId> tenant, int attempt, Duration delay, Throwable failure)
      implements ResilienceEvent {
    /** Checks that no component is null. */
    public RetryScheduled {
      Objects.requireNonNull(dependency, "dependency");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * Every attempt failed (or the last failure was not retryable after retries); the fallback, if
   * any, answers next.
   *
   * @param dependency the dependency's name
   * @param tenant the tenant of a per-tenant policy
   * @param attempts the attempts made
   * @param failure what the last attempt threw
   */
  record RetriesExhausted(
      String dependency, Optional<TenantId> tenant, int attempts, Throwable failure)
      implements ResilienceEvent {
    /** Checks that no component is null. */
    public RetriesExhausted {
      Objects.requireNonNull(dependency, "dependency");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * A call was rejected because the bulkhead stayed full for its maximum wait.
   *
   * @param dependency the dependency's name
   * @param tenant the tenant of a per-tenant bulkhead
   * @param maxConcurrency the bulkhead's limit
   */
  record BulkheadFull(String dependency, Optional<TenantId> tenant, int maxConcurrency)
      implements ResilienceEvent {
    /** Checks that no component is null. */
    public BulkheadFull {
      Objects.requireNonNull(dependency, "dependency");
      Objects.requireNonNull(tenant, "tenant");
    }
  }
}
