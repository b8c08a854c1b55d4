package dev.tdeveloper.scaling.resilience;

import static dev.tdeveloper.scaling.resilience.CircuitBreakerSettings.require;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The resilience policies of every downstream dependency, ready to call: {@link #call(String)}
 * returns the dependency's {@link ResilientCall}, its Failsafe executor composed once at build time
 * (fallback, retry, circuit breaker, bulkhead, timeout; see {@link DependencyPolicy}). For a {@link
 * DependencyPolicy#perTenant() per-tenant} policy each tenant gets its own policies, so a tenant
 * whose calls fail opens only its own breaker; the tenant is the one given, or the one bound to the
 * thread ({@link TenantContext#current()}).
 *
 * <p>Per-tenant policies are kept in a bounded Caffeine cache per dependency ({@link
 * #DEFAULT_MAX_TENANTS} tenants by default), and, when {@link Builder#idleTenantExpiry} is set,
 * dropped after that long without a call. Idle expiry is off by default because it costs every call
 * a clock read (about 40 ns, a third of Failsafe's own cost, measured in {@code
 * CircuitBreakerBenchmark}); the size bound alone keeps memory bounded, and tenants are registered,
 * not created by callers, so one tenant cannot flood the cache to push another out. A tenant that
 * is evicted or expires starts again with a closed breaker and an empty bulkhead at its next call:
 * the cost is one tenant briefly less protected, never a tenant refused because of another.
 *
 * <p>This class does not limit concurrency adaptively: the demo puts the adaptive (AIMD) limit of
 * security-core's {@code security.shield} in front of these policies; scaling-core does not depend
 * on security-core and does not repeat it. Thread-safe.
 */
public final class DependencyPolicies {
  /** Default bound on the tenants kept per per-tenant dependency: {@value}. */
  public static final long DEFAULT_MAX_TENANTS = 10_000;

  private final Map<String, Entry> entries;
  private final Map<String, DependencyPolicy> policies;

  /** A shared call, or the per-tenant calls of one dependency. */
  private record Entry(ResilientCall shared, LoadingCache<TenantId, ResilientCall> tenants) {}

  private DependencyPolicies(Builder builder) {
    Listeners<ResilienceEvent> listeners = Listeners.of(builder.listeners);
    Map<String, Entry> built = new HashMap<>();
    for (DependencyPolicy policy : builder.policies.values()) {
      if (policy.perTenant()) {
        Caffeine<Object, Object> caffeine =
            Caffeine.newBuilder().maximumSize(builder.maxTenants).executor(Runnable::run);
        builder.idleExpiry.ifPresent(
            expiry -> caffeine.expireAfterAccess(expiry).ticker(builder.ticker::read));
        LoadingCache<TenantId, ResilientCall> cache =
            caffeine.build(
                tenant -> PolicyAssembly.assemble(policy, Optional.of(tenant), listeners));
        built.put(policy.name(), new Entry(null, cache));
      } else {
        built.put(
            policy.name(),
            new Entry(PolicyAssembly.assemble(policy, Optional.empty(), listeners), null));
      }
    }
    this.entries = Map.copyOf(built);
    this.policies = Map.copyOf(builder.policies);
  }

  /** Starts an empty registry. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the call for {@code dependency}; for a per-tenant policy, the call of the tenant bound
   * to this thread.
   *
   * @throws UnknownDependencyException if {@code dependency} has no policy
   * @throws dev.tdeveloper.tenancy.context.NoTenantBoundException if the policy is per tenant and
   *     no tenant is bound
   */
  public ResilientCall call(String dependency) {
    Entry entry = entry(dependency);
    return entry.shared != null ? entry.shared : entry.tenants.get(TenantContext.require());
  }

  /**
   * Returns the call for {@code dependency} on behalf of {@code tenant}: the tenant's own call for
   * a per-tenant policy, the shared one otherwise.
   *
   * @throws UnknownDependencyException if {@code dependency} has no policy
   */
  public ResilientCall call(String dependency, TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Entry entry = entry(dependency);
    return entry.shared != null ? entry.shared : entry.tenants.get(tenant);
  }

  /** Returns the names of the dependencies that have a policy. */
  public Set<String> dependencies() {
    return policies.keySet();
  }

  /** Returns the policy of {@code dependency}, if it has one. */
  public Optional<DependencyPolicy> policy(String dependency) {
    return Optional.ofNullable(policies.get(Objects.requireNonNull(dependency, "dependency")));
  }

  /**
   * Returns every breaker's state, ordered by dependency then tenant: one per shared policy with a
   * breaker, one per tenant currently kept for a per-tenant policy with a breaker.
   */
  public List<BreakerStatus> status() {
    List<BreakerStatus> status = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.shared != null) {
        entry.shared.breakerStatus().ifPresent(status::add);
      } else {
        entry.tenants.cleanUp();
        for (ResilientCall call : entry.tenants.asMap().values()) {
          call.breakerStatus().ifPresent(status::add);
        }
      }
    }
    status.sort(
        Comparator.comparing(BreakerStatus::dependency)
            .thenComparing(s -> s.tenant().map(TenantId::value).orElse("")));
    return List.copyOf(status);
  }

  private Entry entry(String dependency) {
    Entry entry = entries.get(dependency);
    if (entry == null) {
      Objects.requireNonNull(dependency, "dependency");
      throw new UnknownDependencyException(dependency, entries.keySet());
    }
    return entry;
  }

  /** Builds {@link DependencyPolicies}; not thread-safe. */
  public static final class Builder {
    private final Map<String, DependencyPolicy> policies = new LinkedHashMap<>();
    private final List<EventListener<? super ResilienceEvent>> listeners = new ArrayList<>();
    private long maxTenants = DEFAULT_MAX_TENANTS;
    private Optional<Duration> idleExpiry = Optional.empty();
    private Ticker ticker = Ticker.system();

    private Builder() {}

    /**
     * Adds the policy of one dependency.
     *
     * @throws IllegalStateException if a policy with the same name was already added
     */
    public Builder policy(DependencyPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      if (policies.containsKey(policy.name())) {
        throw new IllegalStateException("dependency '" + policy.name() + "' has two policies");
      }
      policies.put(policy.name(), policy);
      return this;
    }

    /** Adds a listener of breaker transitions, retries and full bulkheads. */
    public Builder listener(EventListener<? super ResilienceEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Keeps at most {@code max} tenants per per-tenant dependency (default {@value
     * #DEFAULT_MAX_TENANTS}).
     *
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public Builder maxTenantsPerDependency(long max) {
      require(max >= 1, "maxTenantsPerDependency", max, "at least 1");
      this.maxTenants = max;
      return this;
    }

    /**
     * Drops a tenant's policies after {@code expiry} without a call (default: never; only the size
     * bound evicts). Costs every per-tenant call a clock read.
     *
     * @throws IllegalArgumentException if {@code expiry} is not positive
     */
    public Builder idleTenantExpiry(Duration expiry) {
      Objects.requireNonNull(expiry, "expiry");
      require(
          !expiry.isNegative() && !expiry.isZero(),
          "idleTenantExpiry",
          expiry,
          "a positive duration");
      this.idleExpiry = Optional.of(expiry);
      return this;
    }

    /** Sets the monotonic time source of the idle expiry (default: the system ticker). */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Returns the registry, every shared policy composed.
     *
     * @throws IllegalStateException if no policy was added
     */
    public DependencyPolicies build() {
      if (policies.isEmpty()) {
        throw new IllegalStateException("no dependency policy was added; add one with policy(...)");
      }
      return new DependencyPolicies(this);
    }
  }
}
