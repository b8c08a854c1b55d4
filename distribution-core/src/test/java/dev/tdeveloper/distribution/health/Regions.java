package dev.tdeveloper.distribution.health;

import dev.tdeveloper.distribution.region.Continent;
import dev.tdeveloper.distribution.region.Endpoint;
import dev.tdeveloper.distribution.region.GeoPoint;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test regions with a given number of endpoints {@code e0, e1, ...}. */
final class Regions {
  private Regions() {}

  static Region region(String id, int endpoints) {
    List<Endpoint> list = new ArrayList<>();
    for (int i = 0; i < endpoints; i++) {
      list.add(new Endpoint("e" + i, URI.create("https://e" + i + "." + id + ".example"), "a", 1));
    }
    return new Region(
        RegionId.of(id),
        id,
        "IE",
        Continent.EU,
        new GeoPoint(53.3, -6.3),
        Set.of(),
        List.of("a"),
        list,
        100,
        0,
        Map.of());
  }

  static RegionCatalog catalog(Region... regions) {
    return RegionCatalog.of(List.of(regions));
  }
}
