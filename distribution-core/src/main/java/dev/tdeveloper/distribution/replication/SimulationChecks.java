package dev.tdeveloper.distribution.replication;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.SimulationSettings.Link;
import dev.tdeveloper.distribution.replication.SimulationSettings.Partition;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@link SimulationSettings}' validation: each check names the setting, the value and what is
 * allowed, and the collection checks return the normalized immutable copy.
 */
final class SimulationChecks {
  private SimulationChecks() {}

  /** Returns the distinct regions in order, 2 to 64 of them. */
  static List<RegionId> regions(List<RegionId> regions) {
    List<RegionId> distinct =
        List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(regions, "regions")));
    if (distinct.size() < 2 || distinct.size() > 64) {
      throw new IllegalArgumentException(
          "regions: " + distinct.size() + " distinct regions; allowed: 2 to 64");
    }
    return distinct;
  }

  /** Returns the per-link latencies, each 0 or more, between known regions. */
  static Map<Link, Duration> latencies(List<RegionId> regions, Map<Link, Duration> latencies) {
    Map<Link, Duration> copy =
        Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(latencies, "latencies")));
    for (Map.Entry<Link, Duration> e : copy.entrySet()) {
      nonNegative("latency " + e.getKey().from() + "->" + e.getKey().to(), e.getValue());
      requireRegion(regions, e.getKey().from(), "latency");
      requireRegion(regions, e.getKey().to(), "latency");
    }
    return copy;
  }

  /** Returns the partitions, each cutting off known regions only. */
  static List<Partition> partitions(List<RegionId> regions, List<Partition> partitions) {
    List<Partition> copy = List.copyOf(Objects.requireNonNull(partitions, "partitions"));
    for (Partition p : copy) {
      for (RegionId r : p.side()) {
        requireRegion(regions, r, "partition");
      }
    }
    return copy;
  }

  static void workload(int tenants, int updates) {
    if (tenants < 1 || tenants > 1000) {
      throw new IllegalArgumentException("tenants " + tenants + " is invalid; allowed: 1 to 1000");
    }
    if (updates < 0) {
      throw new IllegalArgumentException("updates " + updates + " is invalid; allowed: 0+");
    }
  }

  static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.toMillis() < 1) {
      throw new IllegalArgumentException(name + " " + d + " is invalid; allowed: 1 ms or more");
    }
  }

  static void nonNegative(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " " + d + " is invalid; allowed: 0 or more");
    }
  }

  static void probability(String name, double p) {
    if (!(p >= 0 && p <= 0.9)) {
      throw new IllegalArgumentException(name + " " + p + " is invalid; allowed: 0 to 0.9");
    }
  }

  private static void requireRegion(List<RegionId> regions, RegionId r, String what) {
    if (!regions.contains(r)) {
      throw new IllegalArgumentException(what + " names region " + r + " not in " + regions);
    }
  }
}
