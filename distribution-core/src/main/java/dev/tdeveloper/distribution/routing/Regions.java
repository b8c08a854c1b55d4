package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Small helpers the routing steps share: lookups in region lists and reason formatting. */
final class Regions {
  private Regions() {}

  /** Returns the region of {@code regions} with {@code id}, or null. */
  static Region find(List<Region> regions, RegionId id) {
    for (Region r : regions) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    return null;
  }

  /** Returns the ids of {@code regions}, in order. */
  static List<RegionId> ids(List<Region> regions) {
    List<RegionId> ids = new ArrayList<>(regions.size());
    for (Region r : regions) {
      ids.add(r.id());
    }
    return ids;
  }

  /** Why a region a policy names is not a candidate: residency removed it, or it is unhealthy. */
  static String unavailable(List<Region> allowed, RegionId id) {
    return find(allowed, id) == null ? "not allowed by residency" : "unhealthy";
  }

  /** Formats a round-trip time: microseconds below 1 ms, else milliseconds to a tenth. */
  static String millis(Duration d) {
    long micros = d.toNanos() / 1_000;
    if (micros < 1_000) {
      return micros + " us";
    }
    long tenths = (micros + 50) / 100;
    return tenths / 10 + "." + tenths % 10 + " ms";
  }
}
