package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.health.HealthView;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.Placement;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first steps of a plan: the regions in scope (the catalog, or those a failover or geolocation
 * policy names), then the residency filter, then the health filter, which fails open when every
 * candidate is unhealthy. Immutable; thread-safe.
 */
final class CandidateFilter {
  /**
   * What the filters left.
   *
   * @param allowed the regions residency allows, in catalog order
   * @param healthy the allowed regions that are healthy; all of them when health failed open
   * @param failedOpen whether every allowed region was unhealthy
   */
  record Candidates(List<Region> allowed, List<Region> healthy, boolean failedOpen) {}

  private final HealthView health;
  private final List<Region> scope;
  private final String scopeReason;

  CandidateFilter(RegionCatalog catalog, RoutingPolicy policy, HealthView health) {
    this.health = health;
    if (policy instanceof RoutingPolicy.Failover || policy instanceof RoutingPolicy.Geolocation) {
      Set<RegionId> named = named(policy);
      List<Region> s = new ArrayList<>();
      for (Region r : catalog.regions()) {
        if (named.contains(r.id())) {
          s.add(r);
        }
      }
      this.scope = List.copyOf(s);
      this.scopeReason =
          "candidates: the "
              + s.size()
              + " regions the "
              + policy.kind()
              + " policy names "
              + Regions.ids(s);
    } else {
      this.scope = catalog.regions();
      this.scopeReason =
          "candidates: the catalog's " + scope.size() + " regions " + Regions.ids(scope);
    }
  }

  /** Returns the regions {@code policy} names. */
  static Set<RegionId> named(RoutingPolicy policy) {
    Set<RegionId> ids = new LinkedHashSet<>();
    if (policy instanceof RoutingPolicy.Geolocation g) {
      ids.addAll(g.countries().values());
      ids.addAll(g.continents().values());
      g.fallback().ifPresent(ids::add);
    } else if (policy instanceof RoutingPolicy.Geoproximity g) {
      ids.addAll(g.bias().keySet());
    } else if (policy instanceof RoutingPolicy.Weighted w) {
      ids.addAll(w.weights().keySet());
    } else if (policy instanceof RoutingPolicy.Failover f) {
      ids.add(f.primary());
      ids.add(f.secondary());
    }
    return ids;
  }

  /**
   * Applies the scope, residency and health steps, adding their reasons.
   *
   * @param request the request
   * @param rp the tenant's residency policy, or null without a tenant
   * @param reasons where the steps' reasons go
   * @return the candidates left
   * @throws NoRouteException when residency leaves no region
   */
  Candidates apply(RouteRequest request, ResidencyPolicy rp, List<String> reasons) {
    reasons.add(scopeReason);
    List<Region> allowed = rp == null ? unrestricted(reasons) : resident(request, rp, reasons);
    List<Region> healthy = new ArrayList<>();
    List<RegionId> sick = new ArrayList<>();
    for (Region r : allowed) {
      if (health.isHealthy(r.id())) {
        healthy.add(r);
      } else {
        sick.add(r.id());
      }
    }
    if (sick.isEmpty()) {
      reasons.add("health: every candidate healthy");
    } else if (healthy.isEmpty()) {
      reasons.add(
          "health: every candidate is unhealthy "
              + sick
              + "; failing open as Route 53 does: answering as if all were healthy");
      return new Candidates(allowed, allowed, true);
    } else {
      reasons.add("health: removed " + sick + " (unhealthy)");
    }
    return new Candidates(allowed, healthy, false);
  }

  private List<Region> unrestricted(List<String> reasons) {
    reasons.add("residency: no tenant, no restriction");
    return scope;
  }

  private List<Region> resident(RouteRequest request, ResidencyPolicy rp, List<String> reasons) {
    String purpose = request.purpose().name().toLowerCase(Locale.ROOT);
    Placement placement = rp.placement(request.purpose());
    List<Region> kept = new ArrayList<>();
    List<RegionId> removed = new ArrayList<>();
    for (Region r : scope) {
      if (placement.allows(r)) {
        kept.add(r);
      } else {
        removed.add(r.id());
      }
    }
    String head =
        "residency: tenant "
            + request.tenant().orElseThrow().value()
            + "'s policy "
            + rp.name()
            + " allows "
            + purpose
            + " in "
            + placement;
    reasons.add(head + (removed.isEmpty() ? "; every candidate allowed" : "; removed " + removed));
    if (kept.isEmpty()) {
      throw new NoRouteException(
          "no route: residency left no region for tenant "
              + request.tenant().orElseThrow().value()
              + "'s "
              + purpose,
          reasons);
    }
    return kept;
  }
}
