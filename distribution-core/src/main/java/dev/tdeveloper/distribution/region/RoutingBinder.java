package dev.tdeveloper.distribution.region;

import dev.tdeveloper.distribution.routing.RoutingPolicy;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Binds the {@code routing} section of {@code regions.yaml}: the named routing policies, checked
 * against the regions already bound, and the default policy's name. Not thread-safe: one per load.
 */
final class RoutingBinder {
  static final List<String> POLICY_TYPES =
      List.of("latency", "geolocation", "geoproximity", "weighted", "failover", "multivalue");
  static final String DEFAULT_ROUTING = "latency";

  private final BindingContext context;
  private final YamlReader r;

  RoutingBinder(BindingContext context) {
    this.context = context;
    this.r = context.r;
  }

  /**
   * Binds the section at {@code node} (null when the file has none: a lone latency policy) into
   * {@code out}; returns the default policy's name, or null when it could not be determined.
   */
  String bind(Node node, Map<String, RoutingPolicy> out) {
    if (node == null) {
      out.put(DEFAULT_ROUTING, new RoutingPolicy.Latency());
      return DEFAULT_ROUTING;
    }
    return r.mapping(node).map(m -> routing(m, out)).orElse(null);
  }

  private String routing(Node.MapNode m, Map<String, RoutingPolicy> out) {
    r.keys(m, List.of("default", "policies"));
    Node policies = m.values().get("policies");
    if (policies == null) {
      out.put(DEFAULT_ROUTING, new RoutingPolicy.Latency());
    } else {
      r.mapping(policies)
          .ifPresent(
              p -> {
                if (p.values().isEmpty()) {
                  r.problem(p, "no routing policies are declared", "at least one policy");
                }
                p.values()
                    .forEach(
                        (name, body) -> {
                          if (!BindingContext.NAME.matcher(name).matches()) {
                            r.problemAtKey(p, name, "invalid policy name", "a lowercase token");
                          }
                          r.mapping(body)
                              .flatMap(this::policy)
                              .ifPresent(pol -> out.put(name, pol));
                        });
              });
    }
    Node def = m.values().get("default");
    if (def == null) {
      if (policies instanceof Node.MapNode p && p.values().size() > 1) {
        r.problems.add(
            new ConfigProblem(
                Optional.of(m.location()),
                m.childPath("default"),
                Optional.empty(),
                "required key is missing when several policies are declared",
                Optional.of("one of " + p.values().keySet())));
        return null;
      }
      return out.isEmpty() ? null : out.keySet().iterator().next();
    }
    Optional<String> name = r.text(def, "a policy name");
    if (name.isPresent()
        && policies instanceof Node.MapNode p
        && !p.values().containsKey(name.get())) {
      r.problem(
          def,
          "unknown routing policy" + YamlReader.didYouMean(name.get(), p.values().keySet()),
          "one of " + p.values().keySet());
      return null;
    }
    if (name.isPresent() && policies == null && !name.get().equals(DEFAULT_ROUTING)) {
      r.problem(def, "unknown routing policy", "one of [" + DEFAULT_ROUTING + "]");
    }
    return name.orElse(null);
  }

  private Optional<RoutingPolicy> policy(Node.MapNode m) {
    Optional<String> type =
        r.required(m, "type", "one of " + POLICY_TYPES)
            .flatMap(n -> r.text(n, "one of " + POLICY_TYPES));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    if (!POLICY_TYPES.contains(type.get())) {
      r.problem(
          m.values().get("type"),
          "unknown policy type" + YamlReader.didYouMean(type.get(), POLICY_TYPES),
          "one of " + POLICY_TYPES);
      return Optional.empty();
    }
    int before = r.problems.size();
    Map<String, Node> v = m.values();
    Optional<RoutingPolicy> policy =
        switch (type.get()) {
          case "latency" -> {
            r.keys(m, List.of("type"));
            yield Optional.of(new RoutingPolicy.Latency());
          }
          case "geolocation" -> geolocation(m);
          case "geoproximity" -> geoproximity(m);
          case "weighted" -> weighted(m);
          case "failover" -> failover(m);
          default -> {
            r.keys(m, List.of("type", "max-answers"));
            int max =
                v.containsKey("max-answers") ? r.integer(v.get("max-answers"), 1, 8).orElse(1) : 8;
            yield Optional.of(new RoutingPolicy.MultiValue(max));
          }
        };
    return r.problems.size() > before ? Optional.empty() : policy;
  }

  private Optional<RoutingPolicy> geolocation(Node.MapNode m) {
    int before = r.problems.size();
    r.keys(m, List.of("type", "countries", "continents", "default"));
    Map<String, Node> v = m.values();
    Map<String, RegionId> countries = new TreeMap<>();
    r.entries(
        m,
        "countries",
        (c, key, value) -> {
          if (!BindingContext.COUNTRY.matcher(key).matches()) {
            r.problemAtKey(
                c,
                key,
                "invalid country code",
                "an ISO 3166-1 alpha-2 code in uppercase, such as DE");
          }
          context.region(value).ifPresent(id -> countries.put(key, id));
        });
    Map<Continent, RegionId> continents = new EnumMap<>(Continent.class);
    r.entries(
        m,
        "continents",
        (c, key, value) -> {
          Optional<Continent> continent = BindingContext.continent(key);
          if (continent.isEmpty()) {
            r.problemAtKey(
                c, key, "unknown continent", "one of " + Arrays.toString(Continent.values()));
          }
          Optional<RegionId> id = context.region(value);
          if (continent.isPresent() && id.isPresent()) {
            continents.put(continent.get(), id.get());
          }
        });
    Optional<RegionId> fallback =
        v.containsKey("default") ? context.region(v.get("default")) : Optional.empty();
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    return r.attempt(m, () -> new RoutingPolicy.Geolocation(countries, continents, fallback));
  }

  private Optional<RoutingPolicy> geoproximity(Node.MapNode m) {
    r.keys(m, List.of("type", "bias"));
    Map<RegionId, Integer> bias = new TreeMap<>();
    r.entries(
        m,
        "bias",
        (b, key, value) -> {
          Optional<RegionId> id = context.regionKey(b, key);
          Optional<Integer> n = r.integer(value, -99, 99);
          if (id.isPresent() && n.isPresent()) {
            bias.put(id.get(), n.get());
          }
        });
    return Optional.of(new RoutingPolicy.Geoproximity(bias));
  }

  private Optional<RoutingPolicy> weighted(Node.MapNode m) {
    r.keys(m, List.of("type", "weights", "sticky"));
    Map<String, Node> v = m.values();
    boolean sticky = v.containsKey("sticky") && r.bool(v.get("sticky")).orElse(false);
    Optional<Node> weightsNode = r.required(m, "weights", "a mapping of region id to weight 0-255");
    if (weightsNode.isEmpty()) {
      return Optional.empty();
    }
    Optional<Node.MapNode> weights = r.mapping(weightsNode.get());
    if (weights.isEmpty()) {
      return Optional.empty();
    }
    int before = r.problems.size();
    Map<RegionId, Integer> out = new LinkedHashMap<>();
    weights
        .get()
        .values()
        .forEach(
            (key, value) -> {
              Optional<RegionId> id = context.regionKey(weights.get(), key);
              Optional<Integer> w = r.integer(value, 0, Region.MAX_WEIGHT);
              if (id.isPresent() && w.isPresent()) {
                out.put(id.get(), w.get());
              }
            });
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    if (out.values().stream().mapToInt(Integer::intValue).sum() == 0) {
      r.problem(
          weights.get(),
          "the weights sum to zero, so no region would get traffic",
          "at least one weight above 0");
      return Optional.empty();
    }
    return Optional.of(new RoutingPolicy.Weighted(out, sticky));
  }

  private Optional<RoutingPolicy> failover(Node.MapNode m) {
    r.keys(m, List.of("type", "primary", "secondary"));
    Optional<RegionId> primary = r.required(m, "primary", context.known()).flatMap(context::region);
    Optional<RegionId> secondary =
        r.required(m, "secondary", context.known()).flatMap(context::region);
    if (primary.isPresent() && primary.equals(secondary)) {
      r.problem(m.values().get("secondary"), "the secondary is the primary", "a different region");
      return Optional.empty();
    }
    return primary.isPresent() && secondary.isPresent()
        ? Optional.of(new RoutingPolicy.Failover(primary.get(), secondary.get()))
        : Optional.empty();
  }
}
