package dev.tdeveloper.distribution.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A bounded cache of plans by request. A plan is served only while the health version, the tenant's
 * residency policy and home region are the ones it was made with; a hit allocates nothing beyond
 * what the plan's pick does. Thread-safe.
 */
final class PlanCache {
  private record Cached(
      long version, ResidencyPolicy residency, Optional<RegionId> home, RoutePlan plan) {}

  private final Cache<RouteRequest, Cached> cache;
  private volatile long seenVersion;

  PlanCache(int size, long version) {
    this.cache = Caffeine.newBuilder().maximumSize(size).build();
    this.seenVersion = version;
  }

  /**
   * Returns the decision for a request from its cached plan, planning and caching on a miss.
   *
   * @param request the request
   * @param rp the tenant's residency policy, or null without a tenant
   * @param home the tenant's home region for a write, else empty
   * @param version the health version now
   * @param rnd where non-sticky draws come from
   * @param planner makes a plan on a miss
   * @return the decision
   */
  RouteDecision route(
      RouteRequest request,
      ResidencyPolicy rp,
      Optional<RegionId> home,
      long version,
      RandomGenerator rnd,
      RoutePlanner planner) {
    // Each entry carries the health version it was planned under, which is what keeps a stale plan
    // from being served; clearing the cache when the version moves only frees the stale entries.
    if (version != seenVersion) {
      seenVersion = version;
      cache.invalidateAll();
    }
    Cached c = cache.getIfPresent(request);
    if (c != null
        && c.version == version
        && (c.residency == rp || (rp != null && rp.equals(c.residency)))
        && c.home.equals(home)) {
      return c.plan.pick(request, rnd);
    }
    RoutePlan plan = planner.plan(request, rp, home);
    if (plan instanceof RoutePlan.Multi && request.key().isPresent()) {
      plan = new RoutePlan.Fixed(plan.pick(request, rnd));
    }
    cache.put(request, new Cached(version, rp, home, plan));
    return plan.pick(request, rnd);
  }
}
