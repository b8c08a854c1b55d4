package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.health.HealthView;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The weighted policy: regions share the traffic by weight (Route 53), and regions of different
 * {@link Region#priority()} first share it between priority levels by each level's health (Envoy's
 * priority load, {@link PriorityLoad}). Stateless; thread-safe.
 */
final class WeightedPolicy {
  /** Units of load per percent when priority levels split the traffic. */
  private static final long LEVEL_SCALE = 1L << 20;

  private WeightedPolicy() {}

  /**
   * Returns the plan that draws a region by weight.
   *
   * @param w the policy
   * @param request the request
   * @param reasons the reasons so far; the policy's are added
   * @param allowed the regions residency allows
   * @param healthy the allowed regions that are healthy (all of them when health failed open)
   * @param health where endpoint availability comes from
   * @return the plan
   */
  static RoutePlan plan(
      RoutingPolicy.Weighted w,
      RouteRequest request,
      List<String> reasons,
      List<Region> allowed,
      List<Region> healthy,
      HealthView health) {
    boolean keyed = request.key().isPresent();
    boolean byKey = w.stickyPerKey() && keyed;
    String mode =
        w.stickyPerKey()
            ? (keyed ? "sticky per key" : "sticky per key, but the request has no key: at random")
            : "at random";
    Set<RegionId> ok = new HashSet<>();
    for (Region r : healthy) {
      ok.add(r.id());
    }
    TreeMap<Integer, List<Region>> levels = new TreeMap<>();
    for (Region r : allowed) {
      levels.computeIfAbsent(r.priority(), p -> new ArrayList<>()).add(r);
    }
    List<Region> regions = new ArrayList<>();
    List<Share> why = new ArrayList<>();
    List<Long> weights = new ArrayList<>();
    if (levels.size() == 1) {
      share(w, healthy, 100, "", mode, reasons, regions, why, weights);
    } else {
      int[] load = levelLoads(levels, ok, health, reasons);
      int i = 0;
      for (Map.Entry<Integer, List<Region>> level : levels.entrySet()) {
        if (load[i] > 0) {
          List<Region> inLevel = new ArrayList<>();
          for (Region r : level.getValue()) {
            if (ok.contains(r.id())) {
              inLevel.add(r);
            }
          }
          String label = "level P" + level.getKey() + " (load " + load[i] + "%), ";
          share(w, inLevel, load[i], label, mode, reasons, regions, why, weights);
        }
        i++;
      }
    }
    long[] wa = new long[weights.size()];
    for (int k = 0; k < wa.length; k++) {
      wa[k] = weights.get(k);
    }
    return new RoutePlan.Choice(reasons, regions, why, wa, byKey, keyed, health);
  }

  /** Returns each priority level's load in percent and adds the reason that lists them. */
  private static int[] levelLoads(
      TreeMap<Integer, List<Region>> levels,
      Set<RegionId> ok,
      HealthView health,
      List<String> reasons) {
    int[] healthScore = new int[levels.size()];
    int i = 0;
    for (List<Region> level : levels.values()) {
      int total = 0;
      int available = 0;
      for (Region r : level) {
        total += r.endpoints().size();
        if (ok.contains(r.id())) {
          for (var e : r.endpoints()) {
            if (health.isAvailable(r.id(), e.id())) {
              available++;
            }
          }
        }
      }
      healthScore[i++] = PriorityLoad.health(available, total);
    }
    int[] load = PriorityLoad.loads(healthScore);
    String panic = "";
    if (sum(load) == 0) {
      i = 0;
      for (List<Region> level : levels.values()) {
        if (level.stream().anyMatch(r -> ok.contains(r.id()))) {
          load[i] = 100;
          break;
        }
        i++;
      }
      panic = "; every level has health 0, so the first level with a healthy region takes all";
    }
    StringBuilder s = new StringBuilder("weighted: priority levels (Envoy, overprovisioning 1.4):");
    i = 0;
    for (int p : levels.keySet()) {
      s.append(i == 0 ? " P" : ", P").append(p).append(" health ").append(healthScore[i]);
      s.append("% load ").append(load[i]).append('%');
      i++;
    }
    reasons.add(s + panic);
    return load;
  }

  /** Splits {@code load} percent among {@code candidates} by weight, w / sum of w. */
  private static void share(
      RoutingPolicy.Weighted w,
      List<Region> candidates,
      int load,
      String label,
      String mode,
      List<String> reasons,
      List<Region> regions,
      List<Share> why,
      List<Long> weights) {
    long sum = 0;
    List<RegionId> zero = new ArrayList<>();
    for (Region r : candidates) {
      int x = w.weights().getOrDefault(r.id(), 0);
      sum += x;
      if (x == 0) {
        zero.add(r.id());
      }
    }
    boolean equal = sum == 0;
    if (equal) {
      sum = candidates.size();
      reasons.add(
          "weighted: "
              + label
              + "every candidate "
              + zero
              + " weighs 0, so they share equally, as Route 53 does");
    } else if (!zero.isEmpty()) {
      reasons.add("weighted: " + label + "weight 0, no traffic while others weigh more: " + zero);
    }
    for (Region r : candidates) {
      int x = equal ? 1 : w.weights().getOrDefault(r.id(), 0);
      if (x == 0) {
        continue;
      }
      regions.add(r);
      weights.add(Math.max(1, load * LEVEL_SCALE * x / sum));
      why.add(new Share(r.id(), label, x, sum, load, mode));
    }
  }

  /** Why a weighted region answers; formatted only for the decisions actually made. */
  private record Share(RegionId id, String label, int weight, long sum, int load, String mode)
      implements Supplier<String> {
    @Override
    public String get() {
      String overall = "";
      if (load != 100) {
        long tenths = Math.round(weight * load * 10.0 / sum);
        overall = " (" + tenths / 10 + "." + tenths % 10 + "% overall)";
      }
      return "weighted: "
          + id
          + " chosen, "
          + label
          + "weight "
          + weight
          + " of "
          + sum
          + overall
          + ", "
          + mode;
    }
  }

  private static int sum(int[] xs) {
    int s = 0;
    for (int x : xs) {
      s += x;
    }
    return s;
  }
}
