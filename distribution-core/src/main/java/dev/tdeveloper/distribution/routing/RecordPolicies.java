package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policies that answer with a region they name: geolocation (country, then continent, then the
 * default record) and failover (primary, else secondary). Stateless; thread-safe.
 */
final class RecordPolicies {
  private RecordPolicies() {}

  /**
   * Picks the first healthy region among the client's country record, continent record and the
   * default record.
   *
   * @throws NoRouteException when none of them is usable, after adding why to {@code reasons}
   */
  static Pick geolocation(
      RoutingPolicy.Geolocation g,
      List<Region> allowed,
      List<Region> healthy,
      RouteRequest request,
      List<String> reasons) {
    ClientLocation client = request.client();
    List<String> skipped = new ArrayList<>();
    Optional<String> country = client.country();
    if (country.isPresent() && g.countries().containsKey(country.get())) {
      RegionId id = g.countries().get(country.get());
      Region r = Regions.find(healthy, id);
      if (r != null) {
        return new Pick(
            r, "geolocation: country " + country.get() + " record: " + id + skip(skipped));
      }
      skipped.add("country " + country.get() + " record " + id + unavailable(allowed, id));
    }
    if (client.continent().isPresent() && g.continents().containsKey(client.continent().get())) {
      RegionId id = g.continents().get(client.continent().get());
      Region r = Regions.find(healthy, id);
      if (r != null) {
        return new Pick(
            r,
            "geolocation: continent "
                + client.continent().get()
                + " record: "
                + id
                + skip(skipped));
      }
      skipped.add(
          "continent " + client.continent().get() + " record " + id + unavailable(allowed, id));
    }
    if (g.fallback().isPresent()) {
      RegionId id = g.fallback().get();
      Region r = Regions.find(healthy, id);
      if (r != null) {
        return new Pick(r, "geolocation: default record: " + id + skip(skipped));
      }
      skipped.add("default record " + id + unavailable(allowed, id));
    }
    String who =
        "country "
            + country.orElse("unknown")
            + ", continent "
            + client.continent().map(Enum::name).orElse("unknown");
    reasons.add(
        "geolocation: no usable record for the client ("
            + who
            + ")"
            + skip(skipped)
            + (g.fallback().isEmpty() ? "; no default record" : ""));
    throw new NoRouteException(
        "no route: geolocation has no record for the client ("
            + who
            + "); Route 53 answers no data",
        reasons);
  }

  /** Picks the primary while it is healthy (or health failed open), else the secondary. */
  static Pick failover(
      RoutingPolicy.Failover f, List<Region> allowed, List<Region> healthy, boolean failedOpen) {
    Region primary = Regions.find(healthy, f.primary());
    Region secondary = Regions.find(healthy, f.secondary());
    if (primary != null && failedOpen && secondary != null) {
      return new Pick(
          primary,
          "failover: primary "
              + f.primary()
              + " and secondary "
              + f.secondary()
              + " are both unhealthy; the primary answers, as Route 53 does");
    }
    if (primary != null) {
      return new Pick(
          primary,
          "failover: primary "
              + f.primary()
              + (failedOpen ? " answers (health failed open)" : " is healthy"));
    }
    return new Pick(
        secondary,
        "failover: primary "
            + f.primary()
            + " is "
            + Regions.unavailable(allowed, f.primary())
            + "; secondary "
            + f.secondary()
            + " takes the traffic");
  }

  private static String skip(List<String> skipped) {
    return skipped.isEmpty() ? "" : " (skipped: " + String.join("; ", skipped) + ")";
  }

  private static String unavailable(List<Region> allowed, RegionId id) {
    return " " + Regions.unavailable(allowed, id);
  }
}
