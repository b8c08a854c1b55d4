package dev.tdeveloper.scaling.resilience;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedRunnable;
import dev.failsafe.function.CheckedSupplier;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;

/**
 * Calls one dependency (for one tenant, if its policy is per tenant) through its composed Failsafe
 * policies. A thin wrapper: {@link #get} is {@link FailsafeExecutor#get}, and {@link #executor()}
 * gives the executor itself for asynchronous calls. Thread-safe; obtain it from {@link
 * DependencyPolicies}, and keep it rather than looking it up again on a hot path if you like.
 */
public final class ResilientCall {
  private final String dependency;
  private final Optional<TenantId> tenant;
  private final FailsafeExecutor<Object> executor;
  private final Optional<CircuitBreaker<Object>> breaker;

  ResilientCall(
      String dependency,
      Optional<TenantId> tenant,
      FailsafeExecutor<Object> executor,
      Optional<CircuitBreaker<Object>> breaker) {
    this.dependency = dependency;
    this.tenant = tenant;
    this.executor = executor;
    this.breaker = breaker;
  }

  /**
   * Returns what {@code supplier} supplies, through the policies. Unchecked failures are rethrown
   * as they are; a checked failure comes wrapped in a {@link FailsafeException}; rejections are
   * Failsafe's {@code CircuitBreakerOpenException}, {@code BulkheadFullException} and {@code
   * TimeoutExceededException}. With a fallback, its value is returned instead of the failure.
   */
  public <T> T get(CheckedSupplier<T> supplier) {
    return executor.get(supplier);
  }

  /** Runs {@code runnable} through the policies; failures as for {@link #get}. */
  public void run(CheckedRunnable runnable) {
    executor.run(runnable);
  }

  /** Returns the composed Failsafe executor, for {@code getAsync} and the other Failsafe calls. */
  public FailsafeExecutor<Object> executor() {
    return executor;
  }

  /** Returns the dependency's name. */
  public String dependency() {
    return dependency;
  }

  /** Returns the tenant of a per-tenant policy, empty for a shared one. */
  public Optional<TenantId> tenant() {
    return tenant;
  }

  /** Returns the breaker's state now, if the policy has a breaker. */
  public Optional<BreakerState> breakerState() {
    return breaker.map(b -> PolicyAssembly.state(b.getState()));
  }

  /** Returns a snapshot of the breaker, if the policy has one. */
  public Optional<BreakerStatus> breakerStatus() {
    return breaker.map(
        b ->
            new BreakerStatus(
                dependency,
                tenant,
                PolicyAssembly.state(b.getState()),
                b.getFailureCount(),
                b.getSuccessCount()));
  }

  @Override
  public String toString() {
    return "ResilientCall[" + dependency + tenant.map(t -> ", tenant " + t).orElse("") + "]";
  }
}
