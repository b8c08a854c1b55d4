package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.region.GeoPoint;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latency and geoproximity policies: the lowest measured round trip, else the nearest region;
 * the region with the smallest biased distance (Route 53's formula). Stateless; thread-safe.
 */
final class DistancePolicies {
  /** How many regions a latency reason lists. */
  private static final int LISTED = 4;

  private DistancePolicies() {}

  /**
   * Picks the candidate with the lowest measured RTT; without any, the one nearest to the client;
   * without the client's location, the first.
   */
  static Pick latency(String kind, List<Region> candidates, RouteRequest request) {
    Map<RegionId, Duration> rtt = request.latencies();
    List<Region> measured = new ArrayList<>();
    int unmeasured = 0;
    for (Region r : candidates) {
      if (rtt.containsKey(r.id())) {
        measured.add(r);
      } else {
        unmeasured++;
      }
    }
    if (!measured.isEmpty()) {
      measured.sort(Comparator.comparing(r -> rtt.get(r.id())));
      Region best = measured.get(0);
      StringBuilder s = new StringBuilder(kind).append(": ").append(best.id());
      s.append(" has the lowest measured RTT, ").append(Regions.millis(rtt.get(best.id())));
      for (int i = 1; i < Math.min(measured.size(), LISTED); i++) {
        s.append(i == 1 ? "; then " : ", ").append(measured.get(i).id());
        s.append(' ').append(Regions.millis(rtt.get(measured.get(i).id())));
      }
      if (unmeasured > 0) {
        s.append("; ").append(unmeasured).append(" candidates without a measurement rank after");
      }
      return new Pick(best, s.toString());
    }
    Optional<GeoPoint> point = request.client().point();
    if (point.isPresent()) {
      Region best = null;
      double bestKm = Double.MAX_VALUE;
      for (Region r : candidates) {
        double km = r.location().distanceKm(point.get());
        if (km < bestKm) {
          best = r;
          bestKm = km;
        }
      }
      return new Pick(
          best,
          kind
              + ": no RTT measured to any candidate; nearest to the client: "
              + best.id()
              + ", "
              + Math.round(bestKm)
              + " km");
    }
    Region first = candidates.get(0);
    return new Pick(
        first,
        kind
            + ": no RTT measured and the client's location is unknown; first candidate in catalog"
            + " order: "
            + first.id());
  }

  /** Picks the candidate with the smallest biased distance; by latency without a location. */
  static Pick geoproximity(
      RoutingPolicy.Geoproximity g, List<Region> candidates, RouteRequest request) {
    Optional<GeoPoint> point = request.client().point();
    if (point.isEmpty()) {
      return latency(
          "geoproximity: client location unknown, ranked by latency", candidates, request);
    }
    Region best = null;
    Region second = null;
    double bestKm = Double.MAX_VALUE;
    double secondKm = Double.MAX_VALUE;
    for (Region r : candidates) {
      double km = biased(g, r, point.get());
      if (km < bestKm) {
        second = best;
        secondKm = bestKm;
        best = r;
        bestKm = km;
      } else if (km < secondKm) {
        second = r;
        secondKm = km;
      }
    }
    StringBuilder s = new StringBuilder("geoproximity: ").append(best.id());
    s.append(" biased distance ").append(Math.round(bestKm)).append(" km (distance ");
    s.append(Math.round(best.location().distanceKm(point.get()))).append(" km, bias ");
    s.append(bias(g, best)).append(')');
    if (second != null) {
      s.append("; next ").append(second.id()).append(" biased distance ");
      s.append(Math.round(secondKm)).append(" km (bias ").append(bias(g, second)).append(')');
    }
    return new Pick(best, s.toString());
  }

  /** Route 53's biased distance: distance x (1 - bias / 100). */
  static double biased(RoutingPolicy.Geoproximity g, Region region, GeoPoint client) {
    int bias = g.bias().getOrDefault(region.id(), 0);
    return region.location().distanceKm(client) * (1 - bias / 100.0);
  }

  private static String bias(RoutingPolicy.Geoproximity g, Region region) {
    int b = g.bias().getOrDefault(region.id(), 0);
    return b > 0 ? "+" + b : Integer.toString(b);
  }
}
