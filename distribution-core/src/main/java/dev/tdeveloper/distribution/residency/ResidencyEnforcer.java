package dev.tdeveloper.distribution.residency;

import dev.tdeveloper.distribution.region.DistributionConfig;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Enforces tenants' residency policies over a region catalog: {@link #check} answers whether a
 * region may hold a tenant's data for a purpose, {@link #require} refuses with a {@link
 * ResidencyViolationException} and publishes a {@link ResidencyViolationEvent} for the audit log. A
 * tenant without an assigned policy is unrestricted. Routing and replication ask it on every
 * decision; {@link ResidencyGuardedChannel} puts it in front of a replication channel.
 *
 * <p>Build one from a loaded {@code regions.yaml} with {@link #builder(DistributionConfig)}, or in
 * code with {@link #builder(RegionCatalog)}. Immutable once built, and thread-safe; a check is two
 * map lookups and a set test.
 */
public final class ResidencyEnforcer implements ResidencyPolicies {
  private final RegionCatalog catalog;
  private final Map<String, ResidencyPolicy> policies;
  private final Map<TenantId, ResidencyPolicy> byTenant;
  private final Listeners<ResidencyViolationEvent> listeners;
  private final InstantSource clock;

  private ResidencyEnforcer(Builder b) {
    this.catalog = b.catalog;
    this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(b.policies));
    Map<TenantId, ResidencyPolicy> assigned = new HashMap<>();
    b.assignments.forEach((tenant, name) -> assigned.put(tenant, b.policies.get(name)));
    this.byTenant = Map.copyOf(assigned);
    this.listeners = Listeners.of(b.listeners);
    this.clock = b.clock;
  }

  /**
   * Starts a builder over {@code catalog} with no policies and no assignments.
   *
   * @param catalog the regions policies are checked against
   * @return the builder
   */
  public static Builder builder(RegionCatalog catalog) {
    return new Builder(Objects.requireNonNull(catalog, "catalog"));
  }

  /**
   * Starts a builder with the catalog, residency policies and tenant assignments of a loaded {@code
   * regions.yaml}.
   *
   * @param config the loaded file
   * @return the builder; add listeners and a clock before building
   */
  public static Builder builder(DistributionConfig config) {
    Builder b = builder(config.catalog());
    config.residencyPolicies().values().forEach(b::policy);
    config.residencyAssignments().forEach(b::assign);
    return b;
  }

  /** Returns the regions policies are checked against. */
  public RegionCatalog catalog() {
    return catalog;
  }

  /** Returns the policies by name (without the built-in {@code unrestricted}). */
  public Map<String, ResidencyPolicy> policies() {
    return policies;
  }

  /** Returns the policy assigned to {@code tenant}, else {@link ResidencyPolicy#unrestricted()}. */
  @Override
  public ResidencyPolicy policyFor(TenantId tenant) {
    ResidencyPolicy p = byTenant.get(Objects.requireNonNull(tenant, "tenant"));
    return p == null ? ResidencyPolicy.unrestricted() : p;
  }

  /**
   * Answers whether {@code region} may hold {@code tenant}'s data for {@code purpose}. Publishes
   * nothing.
   *
   * @param tenant the tenant
   * @param purpose what the region would do with the data
   * @param region the region
   * @return allowed or violation
   * @throws dev.tdeveloper.distribution.region.UnknownRegionException if the catalog has no such
   *     region
   */
  public ResidencyDecision check(TenantId tenant, DataPurpose purpose, RegionId region) {
    Objects.requireNonNull(purpose, "purpose");
    Region r = catalog.require(Objects.requireNonNull(region, "region"));
    ResidencyPolicy policy = policyFor(tenant);
    return policy.allows(purpose, r)
        ? new ResidencyDecision.Allowed(tenant, purpose, region, policy)
        : new ResidencyDecision.Violation(tenant, purpose, region, policy);
  }

  /**
   * Refuses an operation that would put {@code tenant}'s data in {@code region} for {@code purpose}
   * against its policy: publishes a {@link ResidencyViolationEvent} and throws.
   *
   * @param tenant the tenant
   * @param purpose what the region would do with the data
   * @param region the region
   * @param operation what is being done, for the event (for example {@code write note 42})
   * @throws ResidencyViolationException if the policy does not allow the region
   * @throws dev.tdeveloper.distribution.region.UnknownRegionException if the catalog has no such
   *     region
   */
  public void require(TenantId tenant, DataPurpose purpose, RegionId region, String operation) {
    Objects.requireNonNull(operation, "operation");
    if (check(tenant, purpose, region) instanceof ResidencyDecision.Violation v) {
      throw refuse(v, operation);
    }
  }

  /** Publishes the event for {@code v} and returns its exception, for callers that check first. */
  ResidencyViolationException refuse(ResidencyDecision.Violation v, String operation) {
    listeners.publish(
        new ResidencyViolationEvent(
            clock.instant(), v.tenant(), v.purpose(), v.region(), v.policy().name(), operation));
    return v.exception();
  }

  /**
   * Returns the regions of the catalog that may hold {@code tenant}'s data for {@code purpose}, in
   * catalog order.
   *
   * @param tenant the tenant
   * @param purpose what the regions would do with the data
   * @return the allowed regions; never empty for a policy loaded from {@code regions.yaml}
   */
  public List<RegionId> allowedRegions(TenantId tenant, DataPurpose purpose) {
    Objects.requireNonNull(purpose, "purpose");
    ResidencyPolicy policy = policyFor(tenant);
    List<RegionId> out = new ArrayList<>();
    for (Region r : catalog.regions()) {
      if (policy.allows(purpose, r)) {
        out.add(r.id());
      }
    }
    return List.copyOf(out);
  }

  /** Builds a {@link ResidencyEnforcer}. Not thread-safe; each setter's checks run at once. */
  public static final class Builder {
    private final RegionCatalog catalog;
    private final Map<String, ResidencyPolicy> policies = new LinkedHashMap<>();
    private final Map<TenantId, String> assignments = new LinkedHashMap<>();
    private final List<EventListener<? super ResidencyViolationEvent>> listeners =
        new ArrayList<>();
    private InstantSource clock = Clock.systemUTC();
    private boolean clockSet;

    private Builder(RegionCatalog catalog) {
      this.catalog = catalog;
    }

    /**
     * Adds a policy; every region it names must be in the catalog, and it must allow at least one
     * region of the catalog for each purpose.
     *
     * @param policy the policy
     * @return this builder
     * @throws IllegalArgumentException if the name is taken (or is {@code unrestricted}), a region
     *     is unknown, or a purpose is left without a region
     */
    public Builder policy(ResidencyPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      String name = policy.name();
      if (policies.containsKey(name) || name.equals(ResidencyPolicy.unrestricted().name())) {
        throw new IllegalArgumentException(
            "residency policy name '" + name + "' is already taken; allowed: a new name");
      }
      for (DataPurpose purpose : DataPurpose.values()) {
        for (RegionId id : policy.placement(purpose).regions()) {
          if (catalog.find(id).isEmpty()) {
            throw new IllegalArgumentException(
                "residency policy '"
                    + name
                    + "' names unknown region "
                    + id
                    + "; allowed: one of "
                    + catalog.ids());
          }
        }
        if (catalog.regions().stream().noneMatch(r -> policy.allows(purpose, r))) {
          throw new IllegalArgumentException(
              "residency policy '"
                  + name
                  + "' leaves no region of the catalog for "
                  + purpose.name().toLowerCase(java.util.Locale.ROOT)
                  + " (it allows "
                  + policy.placement(purpose)
                  + "); allowed: a placement some region of "
                  + catalog.ids()
                  + " satisfies");
        }
      }
      policies.put(name, policy);
      return this;
    }

    /**
     * Assigns a policy added before (or {@code unrestricted}) to a tenant, replacing any earlier
     * assignment.
     *
     * @param tenant the tenant
     * @param policyName the policy's name
     * @return this builder
     * @throws IllegalArgumentException if no such policy was added
     */
    public Builder assign(TenantId tenant, String policyName) {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(policyName, "policyName");
      if (policyName.equals(ResidencyPolicy.unrestricted().name())) {
        assignments.remove(tenant);
        return this;
      }
      if (!policies.containsKey(policyName)) {
        throw new IllegalArgumentException(
            "tenant "
                + tenant
                + " is assigned unknown residency policy '"
                + policyName
                + "'; allowed: one of "
                + policies.keySet()
                + " or unrestricted");
      }
      assignments.put(tenant, policyName);
      return this;
    }

    /**
     * Adds a listener for refusals.
     *
     * @param listener called on the refusing thread; one that throws is logged and skipped
     * @return this builder
     */
    public Builder listener(EventListener<? super ResidencyViolationEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets the wall-clock time source that stamps events; default the system UTC clock.
     *
     * @param clock the time source (a {@link Clock} or a test clock)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder clock(InstantSource clock) {
      Objects.requireNonNull(clock, "clock");
      if (clockSet) {
        throw new IllegalStateException("clock was already set");
      }
      this.clock = clock;
      this.clockSet = true;
      return this;
    }

    /** Builds the enforcer; later changes to this builder do not affect it. */
    public ResidencyEnforcer build() {
      return new ResidencyEnforcer(this);
    }
  }
}
