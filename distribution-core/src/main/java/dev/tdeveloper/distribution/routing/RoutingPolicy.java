package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.region.Continent;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a {@code RegionRouter} chooses among the regions left after the residency and health filters,
 * after the Amazon Route 53 routing policies. Values only: the router implements them. Region ids
 * are checked against the catalog when the router is built. Implementations are immutable and
 * thread-safe.
 */
public sealed interface RoutingPolicy {
  /** Returns the policy's name for decisions' reasons, such as {@code latency}. */
  String kind();

  /** The region with the lowest measured latency from the client. */
  record Latency() implements RoutingPolicy {
    @Override
    public String kind() {
      return "latency";
    }
  }

  /**
   * By where the client is: the most specific match wins (country, then continent, then the
   * fallback).
   *
   * @param countries region per ISO 3166-1 alpha-2 country code
   * @param continents region per continent
   * @param fallback the region for clients matching neither (Route 53's default record)
   */
  record Geolocation(
      Map<String, RegionId> countries,
      Map<Continent, RegionId> continents,
      Optional<RegionId> fallback)
      implements RoutingPolicy {
    /** Copies the maps. */
    public Geolocation {
      countries = Collections.unmodifiableMap(new TreeMap<>(countries));
      continents = Collections.unmodifiableMap(new TreeMap<>(continents));
      Objects.requireNonNull(fallback, "fallback");
      if (countries.isEmpty() && continents.isEmpty() && fallback.isEmpty()) {
        throw new IllegalArgumentException(
            "geolocation policy maps nothing; allowed: at least one country, continent or a"
                + " fallback");
      }
    }

    @Override
    public String kind() {
      return "geolocation";
    }
  }

  /**
   * The nearest region, each region's reach grown or shrunk by its bias (-99 to 99) as Route 53
   * defines: biased distance = distance x (1 - bias/100).
   *
   * @param bias per region; regions not listed have bias 0
   */
  record Geoproximity(Map<RegionId, Integer> bias) implements RoutingPolicy {
    /** Validates the biases. */
    public Geoproximity {
      bias = Collections.unmodifiableMap(new TreeMap<>(bias));
      bias.forEach(
          (region, b) -> {
            if (b < -99 || b > 99) {
              throw new IllegalArgumentException(
                  "geoproximity bias of " + region + " is " + b + "; allowed: -99 to 99");
            }
          });
    }

    @Override
    public String kind() {
      return "geoproximity";
    }
  }

  /**
   * Each region with probability weight / sum of weights; with {@code stickyPerKey} the same
   * request key always gets the same region while the candidates do not change.
   *
   * @param weights per region, 0 to 255; regions not listed get weight 0
   * @param stickyPerKey whether to choose deterministically from the request's key
   */
  record Weighted(Map<RegionId, Integer> weights, boolean stickyPerKey) implements RoutingPolicy {
    /** Validates the weights. */
    public Weighted {
      weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
      long sum = 0;
      for (Map.Entry<RegionId, Integer> e : weights.entrySet()) {
        if (e.getValue() < 0 || e.getValue() > 255) {
          throw new IllegalArgumentException(
              "weight of " + e.getKey() + " is " + e.getValue() + "; allowed: 0 to 255");
        }
        sum += e.getValue();
      }
      if (sum == 0) {
        throw new IllegalArgumentException(
            "weights " + weights + " sum to zero; allowed: at least one weight above 0");
      }
    }

    @Override
    public String kind() {
      return "weighted";
    }
  }

  /**
   * The primary while it is healthy, else the secondary.
   *
   * @param primary the region that takes traffic normally
   * @param secondary the region that takes it when the primary is unhealthy
   */
  record Failover(RegionId primary, RegionId secondary) implements RoutingPolicy {
    /** Validates the pair. */
    public Failover {
      Objects.requireNonNull(primary, "primary");
      Objects.requireNonNull(secondary, "secondary");
      if (primary.equals(secondary)) {
        throw new IllegalArgumentException(
            "failover primary and secondary are both " + primary + "; allowed: two regions");
      }
    }

    @Override
    public String kind() {
      return "failover";
    }
  }

  /**
   * Up to {@code maxAnswers} healthy regions (Route 53 answers up to 8), so the client can try
   * another when one fails.
   *
   * @param maxAnswers 1 to 8
   */
  record MultiValue(int maxAnswers) implements RoutingPolicy {
    /** Validates the answer count. */
    public MultiValue {
      if (maxAnswers < 1 || maxAnswers > 8) {
        throw new IllegalArgumentException(
            "multi-value maxAnswers is " + maxAnswers + "; allowed: 1 to 8");
      }
    }

    @Override
    public String kind() {
      return "multivalue";
    }
  }
}
