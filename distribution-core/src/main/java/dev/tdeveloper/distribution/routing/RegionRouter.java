package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.health.HealthView;
import dev.tdeveloper.distribution.region.GeoPoint;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.ResidencyPolicies;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import dev.tdeveloper.tenancy.TenantId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Chooses a region and an endpoint for a request, in four steps that each add a reason to the
 * {@link RouteDecision}:
 *
 * <ol>
 *   <li><b>residency</b>: drops the regions the tenant's {@link ResidencyPolicy} does not allow for
 *       the request's {@link DataPurpose}; none left is a {@link NoRouteException};
 *   <li><b>health</b>: drops the regions {@link HealthView#isHealthy} calls unhealthy; when every
 *       candidate is unhealthy it fails open and keeps them all, as Route 53 answers as if all
 *       records were healthy (never for residency);
 *   <li><b>home region</b>: a tenant's write ({@link DataPurpose#STORAGE}) goes to its home region
 *       ({@link HomeRegions}) while residency allows it and it is healthy;
 *   <li><b>policy</b>: the {@link RoutingPolicy} chooses among the rest with Amazon Route 53's
 *       semantics; a weighted policy over regions of different {@link Region#priority()} shares the
 *       traffic between priority levels as Envoy does (overprovisioning factor 1.4). Then each
 *       answer gets one of its region's endpoints by {@link
 *       dev.tdeveloper.distribution.region.Endpoint#weight() weight} among those {@link
 *       HealthView#isAvailable available}, or among all of them when every one is ejected (Envoy's
 *       panic mode).
 * </ol>
 *
 * <p>A request's key makes its choices sticky: the endpoint, the order of multi-value answers and,
 * with {@link RoutingPolicy.Weighted#stickyPerKey()}, the weighted region are derived from a stable
 * hash of the key, so the same key gets the same answer while the candidates do not change. Other
 * draws come from the builder's random source.
 *
 * <p>Plans for equal requests are cached (bounded, {@value #DEFAULT_CACHE_SIZE} by default) and
 * dropped when {@link HealthView#version()} changes or the tenant's residency policy or home region
 * is no longer the one the plan was made with; a random choice is drawn anew on every call, a
 * cached one included. Requests are equal when all their fields are, measured latencies included:
 * round latencies (to a few milliseconds) before building requests to let clients share plans.
 *
 * <p>Immutable configuration; thread-safe.
 */
public final class RegionRouter {
  /** The default number of cached plans: {@value}. */
  public static final int DEFAULT_CACHE_SIZE = 10_000;

  /** The largest cache size accepted: {@value}. */
  public static final int MAX_CACHE_SIZE = 1 << 24;

  private final RegionCatalog catalog;
  private final RoutingPolicy policy;
  private final HealthView health;
  private final ResidencyPolicies residency;
  private final HomeRegions homes;
  private final RandomGenerator random;
  private final RoutePlanner planner;
  private final PlanCache cache;

  private RegionRouter(Builder b) {
    this.catalog = b.catalog;
    this.policy = b.policy;
    this.health = b.health == null ? HealthView.allHealthy() : b.health;
    this.residency = b.residency == null ? ResidencyPolicies.unrestricted() : b.residency;
    this.homes = b.homes == null ? HomeRegions.none() : b.homes;
    this.random = b.random;
    this.planner = new RoutePlanner(catalog, policy, health);
    int size = b.cacheSize < 0 ? DEFAULT_CACHE_SIZE : b.cacheSize;
    this.cache = size == 0 ? null : new PlanCache(size, health.version());
  }

  /** Returns a builder; {@link Builder#catalog} and {@link Builder#policy} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the regions this router chooses from. */
  public RegionCatalog catalog() {
    return catalog;
  }

  /** Returns the routing policy. */
  public RoutingPolicy policy() {
    return policy;
  }

  /**
   * Routes a request.
   *
   * @param request the request
   * @return the answers, best first, and the reasons
   * @throws NoRouteException when residency leaves no region, or a geolocation policy has no record
   *     for the client and no default
   * @throws NullPointerException if {@code request} is null, or a lookup answers null
   */
  public RouteDecision route(RouteRequest request) {
    Objects.requireNonNull(request, "request");
    long version = health.version();
    ResidencyPolicy rp = null;
    Optional<RegionId> home = Optional.empty();
    if (request.tenant().isPresent()) {
      TenantId tenant = request.tenant().get();
      rp = residency.policyFor(tenant);
      if (rp == null) {
        throw new NullPointerException("residency policy of tenant " + tenant.value());
      }
      if (request.purpose() == DataPurpose.STORAGE) {
        home = homes.homeOf(tenant);
        if (home == null) {
          throw new NullPointerException("home region of tenant " + tenant.value());
        }
      }
    }
    RandomGenerator rnd = random != null ? random : ThreadLocalRandom.current();
    if (cache == null) {
      return planner.plan(request, rp, home).pick(request, rnd);
    }
    return cache.route(request, rp, home, version, rnd, planner);
  }

  @Override
  public String toString() {
    return "RegionRouter[" + policy.kind() + " over " + catalog + "]";
  }

  /** Route 53's biased distance: distance x (1 - bias / 100). */
  static double biased(RoutingPolicy.Geoproximity g, Region region, GeoPoint client) {
    return DistancePolicies.biased(g, region, client);
  }

  /**
   * Configures a {@link RegionRouter}. Each setting may be given once (a repeat is an {@link
   * IllegalStateException}); {@link #catalog} and {@link #policy} are required. Not thread-safe;
   * the built router is.
   */
  public static final class Builder {
    private RegionCatalog catalog;
    private RoutingPolicy policy;
    private HealthView health;
    private ResidencyPolicies residency;
    private HomeRegions homes;
    private RandomGenerator random;
    private int cacheSize = -1;

    private Builder() {}

    /**
     * Sets the regions to choose from (required).
     *
     * @param catalog the catalog
     * @return this builder
     */
    public Builder catalog(RegionCatalog catalog) {
      Objects.requireNonNull(catalog, "catalog");
      once(this.catalog, "catalog");
      this.catalog = catalog;
      return this;
    }

    /**
     * Sets the routing policy (required); every region it names must be in the catalog.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(RoutingPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      once(this.policy, "policy");
      this.policy = policy;
      return this;
    }

    /**
     * Sets where region health and endpoint ejections come from; defaults to {@link
     * HealthView#allHealthy()}.
     *
     * @param health the health view
     * @return this builder
     */
    public Builder health(HealthView health) {
      Objects.requireNonNull(health, "health");
      once(this.health, "health");
      this.health = health;
      return this;
    }

    /**
     * Sets the tenants' residency policies; defaults to {@link ResidencyPolicies#unrestricted()}.
     *
     * @param residency the lookup
     * @return this builder
     */
    public Builder residency(ResidencyPolicies residency) {
      Objects.requireNonNull(residency, "residency");
      once(this.residency, "residency");
      this.residency = residency;
      return this;
    }

    /**
     * Sets the tenants' home regions, which take their writes; defaults to {@link
     * HomeRegions#none()}.
     *
     * @param homes the lookup
     * @return this builder
     */
    public Builder homeRegions(HomeRegions homes) {
      Objects.requireNonNull(homes, "homes");
      once(this.homes, "homeRegions");
      this.homes = homes;
      return this;
    }

    /**
     * Sets where non-sticky draws (weighted regions, endpoints, multi-value order) come from;
     * defaults to {@link ThreadLocalRandom}. The generator is shared by every thread that routes,
     * so it must be thread-safe ({@link java.util.Random} is); a seeded one makes tests repeatable.
     *
     * @param random the random source
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      once(this.random, "random");
      this.random = random;
      return this;
    }

    /**
     * Sets how many plans are cached; 0 disables the cache. Defaults to {@value
     * #DEFAULT_CACHE_SIZE}.
     *
     * @param cacheSize 0 to {@value #MAX_CACHE_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder cacheSize(int cacheSize) {
      if (cacheSize < 0 || cacheSize > MAX_CACHE_SIZE) {
        throw new IllegalArgumentException(
            "cacheSize " + cacheSize + " is out of range; allowed: 0 to " + MAX_CACHE_SIZE);
      }
      if (this.cacheSize >= 0) {
        throw new IllegalStateException("cacheSize was already set");
      }
      this.cacheSize = cacheSize;
      return this;
    }

    /**
     * Returns the router.
     *
     * @return the router
     * @throws IllegalStateException if the catalog or the policy is missing
     * @throws IllegalArgumentException if the policy names a region the catalog does not hold
     */
    public RegionRouter build() {
      if (catalog == null) {
        throw new IllegalStateException("catalog is required");
      }
      if (policy == null) {
        throw new IllegalStateException("policy is required");
      }
      Set<RegionId> known = new HashSet<>(catalog.ids());
      for (RegionId id : CandidateFilter.named(policy)) {
        if (!known.contains(id)) {
          throw new IllegalArgumentException(
              policy.kind()
                  + " policy names region '"
                  + id
                  + "', which is not in the catalog; known regions: "
                  + catalog.ids());
        }
      }
      return new RegionRouter(this);
    }

    private static void once(Object current, String name) {
      if (current != null) {
        throw new IllegalStateException(name + " was already set");
      }
    }
  }
}
