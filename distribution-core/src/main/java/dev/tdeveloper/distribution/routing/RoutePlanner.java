package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.health.HealthView;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the {@link RoutePlan} for a request: the candidate filters, then the tenant's home region
 * for a write, then the routing policy. Immutable; thread-safe.
 */
final class RoutePlanner {
  private final RegionCatalog catalog;
  private final RoutingPolicy policy;
  private final HealthView health;
  private final CandidateFilter filter;

  RoutePlanner(RegionCatalog catalog, RoutingPolicy policy, HealthView health) {
    this.catalog = catalog;
    this.policy = policy;
    this.health = health;
    this.filter = new CandidateFilter(catalog, policy, health);
  }

  /**
   * Returns the plan for a request.
   *
   * @param request the request
   * @param rp the tenant's residency policy, or null without a tenant
   * @param home the tenant's home region for a write, else empty
   * @return the plan
   * @throws NoRouteException when residency leaves no region, or a geolocation policy has no record
   *     for the client and no default
   */
  RoutePlan plan(RouteRequest request, ResidencyPolicy rp, Optional<RegionId> home) {
    List<String> reasons = new ArrayList<>();
    CandidateFilter.Candidates c = filter.apply(request, rp, reasons);
    List<Region> allowed = c.allowed();
    List<Region> healthy = c.healthy();
    boolean keyed = request.key().isPresent();
    if (home.isPresent()) {
      Pick pick = home(home.get(), request, rp, c, reasons);
      if (pick != null) {
        return single(reasons, pick, keyed);
      }
    }
    if (policy instanceof RoutingPolicy.MultiValue mv) {
      int n = Math.min(mv.maxAnswers(), healthy.size());
      reasons.add(
          "multivalue: up to "
              + mv.maxAnswers()
              + " of "
              + healthy.size()
              + " healthy candidates, "
              + n
              + " answers");
      return new RoutePlan.Multi(reasons, healthy, n, health, keyed);
    }
    if (policy instanceof RoutingPolicy.Weighted w) {
      return WeightedPolicy.plan(w, request, reasons, allowed, healthy, health);
    }
    Pick pick;
    if (policy instanceof RoutingPolicy.Latency) {
      pick = DistancePolicies.latency("latency", healthy, request);
    } else if (policy instanceof RoutingPolicy.Geoproximity g) {
      pick = DistancePolicies.geoproximity(g, healthy, request);
    } else if (policy instanceof RoutingPolicy.Geolocation g) {
      pick = RecordPolicies.geolocation(g, allowed, healthy, request, reasons);
    } else {
      pick =
          RecordPolicies.failover(
              (RoutingPolicy.Failover) policy, allowed, healthy, c.failedOpen());
    }
    return single(reasons, pick, keyed);
  }

  /** Returns the home region's pick when it may take the write, else null with the reason why. */
  private Pick home(
      RegionId h,
      RouteRequest request,
      ResidencyPolicy rp,
      CandidateFilter.Candidates c,
      List<String> reasons) {
    String who = "home region: " + h + " of tenant " + request.tenant().orElseThrow().value();
    Optional<Region> region = catalog.find(h);
    if (region.isEmpty()) {
      reasons.add(who + " is not in the catalog; the policy chooses");
    } else if (!rp.allows(DataPurpose.STORAGE, region.get())) {
      reasons.add(
          who + " is not allowed by policy " + rp.name() + "; the policy chooses among the rest");
    } else if (!health.isHealthy(h) && !(c.failedOpen() && c.allowed().contains(region.get()))) {
      reasons.add(who + " is unhealthy; the policy chooses among the rest");
    } else {
      return new Pick(region.get(), who + " takes the write");
    }
    return null;
  }

  private RoutePlan single(List<String> reasons, Pick pick, boolean keyed) {
    return new RoutePlan.Choice(
        reasons,
        List.of(pick.region()),
        List.of(pick::reason),
        new long[] {1},
        false,
        keyed,
        health);
  }
}
