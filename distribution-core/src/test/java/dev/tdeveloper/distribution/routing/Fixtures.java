package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.health.HealthView;
import dev.tdeveloper.distribution.region.Continent;
import dev.tdeveloper.distribution.region.Endpoint;
import dev.tdeveloper.distribution.region.GeoPoint;
import dev.tdeveloper.distribution.region.Jurisdiction;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Five real-world regions and a health view tests can flip. */
final class Fixtures {
  static final RegionId US_EAST = RegionId.of("us-east-1");
  static final RegionId EU_WEST = RegionId.of("eu-west-1");
  static final RegionId EU_CENTRAL = RegionId.of("eu-central-1");
  static final RegionId AP_SOUTHEAST = RegionId.of("ap-southeast-1");
  static final RegionId SA_EAST = RegionId.of("sa-east-1");

  static final GeoPoint PARIS = new GeoPoint(48.8566, 2.3522);
  static final GeoPoint NEW_YORK = new GeoPoint(40.7128, -74.0060);

  private Fixtures() {}

  static Region region(
      RegionId id,
      String country,
      Continent continent,
      GeoPoint location,
      Set<Jurisdiction> jurisdictions,
      int priority) {
    List<Endpoint> endpoints =
        List.of(
            new Endpoint("a", URI.create("https://a." + id + ".example.com"), "za", 1),
            new Endpoint("b", URI.create("https://b." + id + ".example.com"), "zb", 3));
    return new Region(
        id,
        id.value(),
        country,
        continent,
        location,
        jurisdictions,
        List.of("za", "zb"),
        endpoints,
        100,
        priority,
        Map.of());
  }

  /** us-east-1, eu-west-1, eu-central-1, ap-southeast-1, sa-east-1, in that order. */
  static RegionCatalog five() {
    Jurisdiction eu = Jurisdiction.of("EU");
    return RegionCatalog.of(
        List.of(
            region(US_EAST, "US", Continent.NA, new GeoPoint(38.9, -77.0), Set.of(), 0),
            region(EU_WEST, "IE", Continent.EU, new GeoPoint(53.35, -6.26), Set.of(eu), 0),
            region(EU_CENTRAL, "DE", Continent.EU, new GeoPoint(50.11, 8.68), Set.of(eu), 0),
            region(
                AP_SOUTHEAST,
                "SG",
                Continent.AS,
                new GeoPoint(1.35, 103.82),
                Set.of(Jurisdiction.of("APAC")),
                0),
            region(SA_EAST, "BR", Continent.SA, new GeoPoint(-23.55, -46.63), Set.of(), 0)));
  }

  /** {@code n} regions on the equator, one degree of longitude apart, priorities as given. */
  static RegionCatalog line(int n, int... priorities) {
    List<Region> regions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int p = priorities.length == 0 ? 0 : priorities[i];
      regions.add(
          region(RegionId.of("r" + i), "US", Continent.NA, new GeoPoint(0, i), Set.of(), p));
    }
    return RegionCatalog.of(regions);
  }

  /** A health view whose answers tests change; every change bumps the version. */
  static final class FlipHealth implements HealthView {
    private final Set<RegionId> down = ConcurrentHashMap.newKeySet();
    private final Set<String> ejected = ConcurrentHashMap.newKeySet();
    private final AtomicLong version = new AtomicLong();

    FlipHealth down(RegionId... regions) {
      down.addAll(List.of(regions));
      version.incrementAndGet();
      return this;
    }

    FlipHealth up(RegionId... regions) {
      down.removeAll(List.of(regions));
      version.incrementAndGet();
      return this;
    }

    FlipHealth eject(RegionId region, String endpoint) {
      ejected.add(region + "/" + endpoint);
      version.incrementAndGet();
      return this;
    }

    @Override
    public boolean isHealthy(RegionId region) {
      return !down.contains(region);
    }

    @Override
    public boolean isAvailable(RegionId region, String endpointId) {
      return !ejected.contains(region + "/" + endpointId);
    }

    @Override
    public long version() {
      return version.get();
    }
  }
}
