package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.health.HealthView;
import dev.tdeveloper.distribution.region.Endpoint;
import dev.tdeveloper.distribution.region.Region;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the filters and the policy left for one request: either one decision, or the weighted
 * options a pick draws from (by the request's key, or at random). A plan is what {@link
 * RegionRouter} caches, so a cached random choice is still drawn anew on every call.
 *
 * <p>Plans are immutable apart from lazily built decisions, which are published through final
 * fields; they are thread-safe.
 */
interface RoutePlan {
  /**
   * Returns the decision for one request.
   *
   * @param request the request the plan was made for (or one equal to it)
   * @param random where non-sticky draws come from
   * @return the decision
   */
  RouteDecision pick(RouteRequest request, RandomGenerator random);

  /** A plan with one possible decision. */
  record Fixed(RouteDecision decision) implements RoutePlan {
    @Override
    public RouteDecision pick(RouteRequest request, RandomGenerator random) {
      return decision;
    }
  }

  /**
   * One answer: a region drawn by weight (by the request's key when sticky), then one of its
   * endpoints drawn by weight (by the key when the request has one).
   */
  final class Choice implements RoutePlan {
    private final List<String> prefix;
    private final Region[] regions;
    private final List<? extends Supplier<String>> regionReasons;
    private final long[] cumulative;
    private final Endpoints[] endpoints;
    private final boolean regionByKey;
    private final RouteDecision[][] decisions;

    Choice(
        List<String> prefix,
        List<Region> regions,
        List<? extends Supplier<String>> regionReasons,
        long[] weights,
        boolean regionByKey,
        boolean endpointByKey,
        HealthView health) {
      this.prefix = List.copyOf(prefix);
      this.regions = regions.toArray(new Region[0]);
      this.regionReasons = List.copyOf(regionReasons);
      this.cumulative = cumulative(weights);
      this.regionByKey = regionByKey;
      this.endpoints = new Endpoints[this.regions.length];
      this.decisions = new RouteDecision[this.regions.length][];
      for (int i = 0; i < this.regions.length; i++) {
        endpoints[i] = Endpoints.of(this.regions[i], health, endpointByKey);
        decisions[i] = new RouteDecision[endpoints[i].size()];
      }
    }

    @Override
    public RouteDecision pick(RouteRequest request, RandomGenerator random) {
      int i = draw(cumulative, regionByKey, StableHash.REGION, request, random);
      int j = endpoints[i].pick(request, random);
      RouteDecision d = decisions[i][j];
      if (d == null) {
        List<String> reasons = new ArrayList<>(prefix.size() + 2);
        reasons.addAll(prefix);
        reasons.add(regionReasons.get(i).get());
        reasons.add(endpoints[i].reason(j));
        d = new RouteDecision(List.of(new RouteAnswer(regions[i], endpoints[i].get(j))), reasons);
        decisions[i][j] = d;
      }
      return d;
    }
  }

  /**
   * Up to {@code count} answers from the candidates: in an order fixed by the request's key
   * (rendezvous hashing, so a key keeps its order while the candidates do not change), else in a
   * random order.
   */
  final class Multi implements RoutePlan {
    private final List<String> prefix;
    private final Region[] candidates;
    private final Endpoints[] endpoints;
    private final int count;

    Multi(
        List<String> prefix, List<Region> candidates, int count, HealthView health, boolean byKey) {
      this.prefix = List.copyOf(prefix);
      this.candidates = candidates.toArray(new Region[0]);
      this.count = Math.min(count, this.candidates.length);
      this.endpoints = new Endpoints[this.candidates.length];
      for (int i = 0; i < this.candidates.length; i++) {
        endpoints[i] = Endpoints.of(this.candidates[i], health, byKey);
      }
    }

    @Override
    public RouteDecision pick(RouteRequest request, RandomGenerator random) {
      int n = candidates.length;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      if (request.key().isPresent()) {
        long k = request.key().get().hashCode();
        long[] score = new long[n];
        for (int i = 0; i < n; i++) {
          score[i] = StableHash.mix(k, candidates[i].id().value().hashCode());
        }
        Arrays.sort(order, (a, b) -> Long.compare(score[b], score[a]));
      } else {
        for (int i = 0; i < count; i++) {
          int j = i + random.nextInt(n - i);
          Integer t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
      }
      List<RouteAnswer> answers = new ArrayList<>(count);
      List<String> reasons = new ArrayList<>(prefix);
      List<String> ids = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ids.add(candidates[order[i]].id().value());
      }
      reasons.add(
          "multivalue: answers "
              + ids
              + (request.key().isPresent()
                  ? " in the key's order (rendezvous hash)"
                  : " in random order"));
      for (int i = 0; i < count; i++) {
        Endpoints e = endpoints[order[i]];
        int j = e.pick(request, random);
        answers.add(new RouteAnswer(candidates[order[i]], e.get(j)));
        reasons.add(e.reason(j));
      }
      return new RouteDecision(answers, reasons);
    }
  }

  /**
   * A region's endpoints that take traffic with their cumulative weights; when every endpoint is
   * ejected, all of them (Envoy's panic mode).
   */
  final class Endpoints {
    private final Region region;
    private final Endpoint[] endpoints;
    private final long[] cumulative;
    private final List<String> ejected;
    private final boolean panic;
    private final boolean byKey;

    private Endpoints(Region region, Endpoint[] endpoints, List<String> ejected, boolean byKey) {
      this.region = region;
      this.endpoints = endpoints;
      long[] w = new long[endpoints.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = endpoints[i].weight();
      }
      this.cumulative = cumulative(w);
      this.ejected = ejected;
      this.panic = ejected.size() == region.endpoints().size();
      this.byKey = byKey;
    }

    static Endpoints of(Region region, HealthView health, boolean byKey) {
      List<Endpoint> all = region.endpoints();
      List<Endpoint> available = new ArrayList<>(all.size());
      List<String> ejected = List.of();
      for (Endpoint e : all) {
        if (health.isAvailable(region.id(), e.id())) {
          available.add(e);
        } else {
          if (ejected.isEmpty()) {
            ejected = new ArrayList<>(2);
          }
          ejected.add(e.id());
        }
      }
      List<Endpoint> pool = available.isEmpty() ? all : available;
      return new Endpoints(region, pool.toArray(new Endpoint[0]), ejected, byKey);
    }

    int size() {
      return endpoints.length;
    }

    Endpoint get(int i) {
      return endpoints[i];
    }

    /** Returns why endpoint {@code i} answers; built only for the decisions actually made. */
    String reason(int i) {
      Endpoint e = endpoints[i];
      StringBuilder s = new StringBuilder("endpoint: ").append(region.id()).append('/');
      s.append(e.id());
      if (region.endpoints().size() == 1) {
        s.append(", the region's only endpoint");
      } else {
        s.append(" by weight ").append(e.weight()).append(" of ");
        s.append(cumulative[cumulative.length - 1]);
        if (endpoints.length > 1) {
          s.append(byKey ? ", sticky per key" : ", at random");
        }
      }
      if (panic) {
        s.append("; every endpoint of ")
            .append(region.id())
            .append(" is ejected, so panic mode (Envoy) balances over all of them");
      } else if (!ejected.isEmpty()) {
        s.append(" (ejected: ").append(String.join(", ", ejected)).append(')');
      }
      return s.toString();
    }

    int pick(RouteRequest request, RandomGenerator random) {
      return draw(cumulative, byKey, StableHash.ENDPOINT, request, random);
    }
  }

  /** Returns the running sums of {@code weights}. */
  private static long[] cumulative(long[] weights) {
    long[] c = new long[weights.length];
    long sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }

  /** Draws an index by weight: from the request's key when {@code byKey}, else at random. */
  private static int draw(
      long[] cumulative, boolean byKey, long salt, RouteRequest request, RandomGenerator random) {
    if (cumulative.length == 1) {
      return 0;
    }
    long total = cumulative[cumulative.length - 1];
    long x =
        byKey && request.key().isPresent()
            ? StableHash.index(request.key().get(), salt, total)
            : random.nextLong(total);
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x < cumulative[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
