package dev.tdeveloper.distribution.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tdeveloper.distribution.health.HealthView;
import dev.tdeveloper.distribution.region.GeoPoint;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.Placement;
import dev.tdeveloper.distribution.residency.ResidencyPolicies;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Chooses a region and an endpoint for a request, in four steps that each add a reason to the
 * {@link RouteDecision}:
 *
 * <ol>
 *   <li><b>residency</b>: drops the regions the tenant's {@link ResidencyPolicy} does not allow for
 *       the request's {@link DataPurpose}; none left is a {@link NoRouteException};
 *   <li><b>health</b>: drops the regions {@link HealthView#isHealthy} calls unhealthy; when every
 *       candidate is unhealthy it fails open and keeps them all, as Route 53 answers as if all
 *       records were healthy (never for residency);
 *   <li><b>home region</b>: a tenant's write ({@link DataPurpose#STORAGE}) goes to its home region
 *       ({@link HomeRegions}) while residency allows it and it is healthy;
 *   <li><b>policy</b>: the {@link RoutingPolicy} chooses among the rest with Amazon Route 53's
 *       semantics; a weighted policy over regions of different {@link Region#priority()} shares the
 *       traffic between priority levels as Envoy does (overprovisioning factor 1.4). Then each
 *       answer gets one of its region's endpoints by {@link
 *       dev.tdeveloper.distribution.region.Endpoint#weight() weight} among those {@link
 *       HealthView#isAvailable available}, or among all of them when every one is ejected (Envoy's
 *       panic mode).
 * </ol>
 *
 * <p>A request's key makes its choices sticky: the endpoint, the order of multi-value answers and,
 * with {@link RoutingPolicy.Weighted#stickyPerKey()}, the weighted region are derived from a stable
 * hash of the key, so the same key gets the same answer while the candidates do not change. Other
 * draws come from the builder's random source.
 *
 * <p>Plans for equal requests are cached (bounded, {@value #DEFAULT_CACHE_SIZE} by default) and
 * dropped when {@link HealthView#version()} changes or the tenant's residency policy or home region
 * is no longer the one the plan was made with; a random choice is drawn anew on every call, a
 * cached one included. Requests are equal when all their fields are, measured latencies included:
 * round latencies (to a few milliseconds) before building requests to let clients share plans.
 *
 * <p>Immutable configuration; thread-safe.
 */
public final class RegionRouter {
  /** The default number of cached plans: {@value}. */
  public static final int DEFAULT_CACHE_SIZE = 10_000;

  /** The largest cache size accepted: {@value}. */
  public static final int MAX_CACHE_SIZE = 1 << 24;

  /** Units of load per percent when priority levels split the traffic. */
  private static final long LEVEL_SCALE = 1L << 20;

  private static final int LISTED = 4;

  private final RegionCatalog catalog;
  private final RoutingPolicy policy;
  private final HealthView health;
  private final ResidencyPolicies residency;
  private final HomeRegions homes;
  private final RandomGenerator random;
  private final Cache<RouteRequest, Cached> cache;
  private final List<Region> scope;
  private final String scopeReason;
  private volatile long seenVersion;

  private RegionRouter(Builder b) {
    this.catalog = b.catalog;
    this.policy = b.policy;
    this.health = b.health == null ? HealthView.allHealthy() : b.health;
    this.residency = b.residency == null ? ResidencyPolicies.unrestricted() : b.residency;
    this.homes = b.homes == null ? HomeRegions.none() : b.homes;
    this.random = b.random;
    int size = b.cacheSize < 0 ? DEFAULT_CACHE_SIZE : b.cacheSize;
    this.cache = size == 0 ? null : Caffeine.newBuilder().maximumSize(size).build();
    Set<RegionId> named = named(policy);
    if (policy instanceof RoutingPolicy.Failover || policy instanceof RoutingPolicy.Geolocation) {
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
              + ids(s);
    } else {
      this.scope = catalog.regions();
      this.scopeReason = "candidates: the catalog's " + scope.size() + " regions " + ids(scope);
    }
    this.seenVersion = health.version();
  }

  /** Returns a builder; {@link Builder#catalog} and {@link Builder#policy} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the regions this router chooses from. */
  public RegionCatalog catalog() {
    return catalog;
  }

  /** Returns the routing policy. */
  public RoutingPolicy policy() {
    return policy;
  }

  /**
   * Routes a request.
   *
   * @param request the request
   * @return the answers, best first, and the reasons
   * @throws NoRouteException when residency leaves no region, or a geolocation policy has no record
   *     for the client and no default
   * @throws NullPointerException if {@code request} is null, or a lookup answers null
   */
  public RouteDecision route(RouteRequest request) {
    Objects.requireNonNull(request, "request");
    long version = health.version();
    ResidencyPolicy rp = null;
    Optional<RegionId> home = Optional.empty();
    if (request.tenant().isPresent()) {
      TenantId tenant = request.tenant().get();
      rp = residency.policyFor(tenant);
      if (rp == null) {
        throw new NullPointerException("residency policy of tenant " + tenant.value());
      }
      if (request.purpose() == DataPurpose.STORAGE) {
        home = homes.homeOf(tenant);
        if (home == null) {
          throw new NullPointerException("home region of tenant " + tenant.value());
        }
      }
    }
    RandomGenerator rnd = random != null ? random : ThreadLocalRandom.current();
    if (cache == null) {
      return plan(request, rp, home).pick(request, rnd);
    }
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
    RoutePlan plan = plan(request, rp, home);
    if (plan instanceof RoutePlan.Multi && request.key().isPresent()) {
      plan = new RoutePlan.Fixed(plan.pick(request, rnd));
    }
    cache.put(request, new Cached(version, rp, home, plan));
    return plan.pick(request, rnd);
  }

  @Override
  public String toString() {
    return "RegionRouter[" + policy.kind() + " over " + catalog + "]";
  }

  private record Cached(
      long version, ResidencyPolicy residency, Optional<RegionId> home, RoutePlan plan) {}

  private record Pick(Region region, String reason) {}

  private RoutePlan plan(RouteRequest request, ResidencyPolicy rp, Optional<RegionId> home) {
    List<String> reasons = new ArrayList<>();
    reasons.add(scopeReason);
    String purpose = request.purpose().name().toLowerCase(Locale.ROOT);

    List<Region> allowed = scope;
    if (rp == null) {
      reasons.add("residency: no tenant, no restriction");
    } else {
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
      reasons.add(
          head + (removed.isEmpty() ? "; every candidate allowed" : "; removed " + removed));
      if (kept.isEmpty()) {
        throw new NoRouteException(
            "no route: residency left no region for tenant "
                + request.tenant().orElseThrow().value()
                + "'s "
                + purpose,
            reasons);
      }
      allowed = kept;
    }

    List<Region> healthy = new ArrayList<>();
    List<RegionId> sick = new ArrayList<>();
    for (Region r : allowed) {
      if (health.isHealthy(r.id())) {
        healthy.add(r);
      } else {
        sick.add(r.id());
      }
    }
    boolean failedOpen = false;
    if (sick.isEmpty()) {
      reasons.add("health: every candidate healthy");
    } else if (healthy.isEmpty()) {
      failedOpen = true;
      healthy = allowed;
      reasons.add(
          "health: every candidate is unhealthy "
              + sick
              + "; failing open as Route 53 does: answering as if all were healthy");
    } else {
      reasons.add("health: removed " + sick + " (unhealthy)");
    }

    boolean keyed = request.key().isPresent();
    if (home.isPresent()) {
      RegionId h = home.get();
      String who = "home region: " + h + " of tenant " + request.tenant().orElseThrow().value();
      Optional<Region> region = catalog.find(h);
      if (region.isEmpty()) {
        reasons.add(who + " is not in the catalog; the policy chooses");
      } else if (!rp.allows(DataPurpose.STORAGE, region.get())) {
        reasons.add(
            who + " is not allowed by policy " + rp.name() + "; the policy chooses among the rest");
      } else if (!health.isHealthy(h) && !(failedOpen && allowed.contains(region.get()))) {
        reasons.add(who + " is unhealthy; the policy chooses among the rest");
      } else {
        return single(reasons, new Pick(region.get(), who + " takes the write"), keyed);
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
      return weighted(w, request, reasons, allowed, healthy);
    }
    Pick pick;
    if (policy instanceof RoutingPolicy.Latency) {
      pick = latency("latency", healthy, request);
    } else if (policy instanceof RoutingPolicy.Geoproximity g) {
      pick = geoproximity(g, healthy, request);
    } else if (policy instanceof RoutingPolicy.Geolocation g) {
      pick = geolocation(g, allowed, healthy, request, reasons);
    } else {
      pick = failover((RoutingPolicy.Failover) policy, allowed, healthy, failedOpen);
    }
    return single(reasons, pick, keyed);
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

  private Pick latency(String kind, List<Region> candidates, RouteRequest request) {
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
      s.append(" has the lowest measured RTT, ").append(millis(rtt.get(best.id())));
      for (int i = 1; i < Math.min(measured.size(), LISTED); i++) {
        s.append(i == 1 ? "; then " : ", ").append(measured.get(i).id());
        s.append(' ').append(millis(rtt.get(measured.get(i).id())));
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

  private Pick geoproximity(
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

  private Pick geolocation(
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
      Region r = find(healthy, id);
      if (r != null) {
        return new Pick(
            r, "geolocation: country " + country.get() + " record: " + id + skip(skipped));
      }
      skipped.add("country " + country.get() + " record " + id + unavailable(allowed, id));
    }
    if (client.continent().isPresent() && g.continents().containsKey(client.continent().get())) {
      RegionId id = g.continents().get(client.continent().get());
      Region r = find(healthy, id);
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
      Region r = find(healthy, id);
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

  private static String skip(List<String> skipped) {
    return skipped.isEmpty() ? "" : " (skipped: " + String.join("; ", skipped) + ")";
  }

  private String unavailable(List<Region> allowed, RegionId id) {
    return find(allowed, id) == null ? " not allowed by residency" : " unhealthy";
  }

  private static Pick failover(
      RoutingPolicy.Failover f, List<Region> allowed, List<Region> healthy, boolean failedOpen) {
    Region primary = find(healthy, f.primary());
    Region secondary = find(healthy, f.secondary());
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
    String why = find(allowed, f.primary()) == null ? "not allowed by residency" : "unhealthy";
    return new Pick(
        secondary,
        "failover: primary "
            + f.primary()
            + " is "
            + why
            + "; secondary "
            + f.secondary()
            + " takes the traffic");
  }

  private RoutePlan weighted(
      RoutingPolicy.Weighted w,
      RouteRequest request,
      List<String> reasons,
      List<Region> allowed,
      List<Region> healthy) {
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
      StringBuilder s =
          new StringBuilder("weighted: priority levels (Envoy, overprovisioning 1.4):");
      i = 0;
      for (int p : levels.keySet()) {
        s.append(i == 0 ? " P" : ", P").append(p).append(" health ").append(healthScore[i]);
        s.append("% load ").append(load[i]).append('%');
        i++;
      }
      reasons.add(s + panic);
      i = 0;
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

  private static Region find(List<Region> regions, RegionId id) {
    for (Region r : regions) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    return null;
  }

  private static List<RegionId> ids(List<Region> regions) {
    List<RegionId> ids = new ArrayList<>(regions.size());
    for (Region r : regions) {
      ids.add(r.id());
    }
    return ids;
  }

  private static String millis(Duration d) {
    long micros = d.toNanos() / 1_000;
    if (micros < 1_000) {
      return micros + " us";
    }
    long tenths = (micros + 50) / 100;
    return tenths / 10 + "." + tenths % 10 + " ms";
  }

  /** Returns the regions {@code policy} names. */
  private static Set<RegionId> named(RoutingPolicy policy) {
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
   * Configures a {@link RegionRouter}. Each setting may be given once (a repeat is an {@link
   * IllegalStateException}); {@link #catalog} and {@link #policy} are required. Not thread-safe;
   * the built router is.
   */
  public static final class Builder {
    private RegionCatalog catalog;
    private RoutingPolicy policy;
    private HealthView health;
    private ResidencyPolicies residency;
    private HomeRegions homes;
    private RandomGenerator random;
    private int cacheSize = -1;

    private Builder() {}

    /**
     * Sets the regions to choose from (required).
     *
     * @param catalog the catalog
     * @return this builder
     */
    public Builder catalog(RegionCatalog catalog) {
      Objects.requireNonNull(catalog, "catalog");
      once(this.catalog, "catalog");
      this.catalog = catalog;
      return this;
    }

    /**
     * Sets the routing policy (required); every region it names must be in the catalog.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(RoutingPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      once(this.policy, "policy");
      this.policy = policy;
      return this;
    }

    /**
     * Sets where region health and endpoint ejections come from; defaults to {@link
     * HealthView#allHealthy()}.
     *
     * @param health the health view
     * @return this builder
     */
    public Builder health(HealthView health) {
      Objects.requireNonNull(health, "health");
      once(this.health, "health");
      this.health = health;
      return this;
    }

    /**
     * Sets the tenants' residency policies; defaults to {@link ResidencyPolicies#unrestricted()}.
     *
     * @param residency the lookup
     * @return this builder
     */
    public Builder residency(ResidencyPolicies residency) {
      Objects.requireNonNull(residency, "residency");
      once(this.residency, "residency");
      this.residency = residency;
      return this;
    }

    /**
     * Sets the tenants' home regions, which take their writes; defaults to {@link
     * HomeRegions#none()}.
     *
     * @param homes the lookup
     * @return this builder
     */
    public Builder homeRegions(HomeRegions homes) {
      Objects.requireNonNull(homes, "homes");
      once(this.homes, "homeRegions");
      this.homes = homes;
      return this;
    }

    /**
     * Sets where non-sticky draws (weighted regions, endpoints, multi-value order) come from;
     * defaults to {@link ThreadLocalRandom}. The generator is shared by every thread that routes,
     * so it must be thread-safe ({@link java.util.Random} is); a seeded one makes tests repeatable.
     *
     * @param random the random source
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      once(this.random, "random");
      this.random = random;
      return this;
    }

    /**
     * Sets how many plans are cached; 0 disables the cache. Defaults to {@value
     * #DEFAULT_CACHE_SIZE}.
     *
     * @param cacheSize 0 to {@value #MAX_CACHE_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder cacheSize(int cacheSize) {
      if (cacheSize < 0 || cacheSize > MAX_CACHE_SIZE) {
        throw new IllegalArgumentException(
            "cacheSize " + cacheSize + " is out of range; allowed: 0 to " + MAX_CACHE_SIZE);
      }
      if (this.cacheSize >= 0) {
        throw new IllegalStateException("cacheSize was already set");
      }
      this.cacheSize = cacheSize;
      return this;
    }

    /**
     * Returns the router.
     *
     * @return the router
     * @throws IllegalStateException if the catalog or the policy is missing
     * @throws IllegalArgumentException if the policy names a region the catalog does not hold
     */
    public RegionRouter build() {
      if (catalog == null) {
        throw new IllegalStateException("catalog is required");
      }
      if (policy == null) {
        throw new IllegalStateException("policy is required");
      }
      Set<RegionId> known = new HashSet<>(catalog.ids());
      for (RegionId id : named(policy)) {
        if (!known.contains(id)) {
          throw new IllegalArgumentException(
              policy.kind()
                  + " policy names region '"
                  + id
                  + "', which is not in the catalog; known regions: "
                  + catalog.ids());
        }
      }
      return new RegionRouter(this);
    }

    private static void once(Object current, String name) {
      if (current != null) {
        throw new IllegalStateException(name + " was already set");
      }
    }
  }
}
