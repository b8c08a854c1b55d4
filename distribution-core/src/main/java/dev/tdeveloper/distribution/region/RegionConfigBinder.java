package dev.tdeveloper.distribution.region;

import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.Placement;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import dev.tdeveloper.distribution.routing.RoutingPolicy;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLayer;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import dev.tdeveloper.tenancy.config.SettingsLayer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Binds a {@link Node} tree to a {@link DistributionConfig}, recording every problem at its place
 * in the file. Not thread-safe: one per load.
 */
final class RegionConfigBinder {
  static final List<String> SECTIONS = List.of("regions", "routing", "residency");
  static final List<String> REGION_KEYS =
      List.of(
          "name",
          "country",
          "continent",
          "location",
          "jurisdictions",
          "zones",
          "endpoints",
          "weight",
          "priority",
          "settings");
  static final List<String> ENDPOINT_KEYS = List.of("id", "uri", "zone", "weight");
  static final List<String> POLICY_TYPES =
      List.of("latency", "geolocation", "geoproximity", "weighted", "failover", "multivalue");
  static final List<String> PURPOSES = List.of("storage", "processing", "replicas");
  static final String DEFAULT_ROUTING = "latency";
  static final int DEFAULT_REGION_WEIGHT = 1;

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private final String source;
  private final YamlReader r = new YamlReader();
  private final Map<RegionId, Region> regions = new LinkedHashMap<>();
  private final Map<RegionId, SettingsLayer> settings = new LinkedHashMap<>();
  private boolean regionsComplete = true;

  private RegionConfigBinder(String source) {
    this.source = source;
  }

  static DistributionConfig bind(String source, Node root) {
    return new RegionConfigBinder(source).bind(root);
  }

  private DistributionConfig bind(Node rootNode) {
    if (rootNode == null) {
      throw new ConfigException(
          new ConfigLocation(source, 1, 1),
          "(root)",
          "the file is empty; expected a mapping with keys " + SECTIONS);
    }
    Optional<Node.MapNode> root = r.mapping(rootNode);
    Map<String, RoutingPolicy> routing = new LinkedHashMap<>();
    String defaultRouting = DEFAULT_ROUTING;
    Map<String, ResidencyPolicy> residency = new LinkedHashMap<>();
    Map<TenantId, String> tenants = new TreeMap<>();
    if (root.isPresent()) {
      r.keys(root.get(), SECTIONS);
      r.required(root.get(), "regions", "a mapping of region id to region")
          .flatMap(r::mapping)
          .ifPresent(this::regions);
      Node routingNode = root.get().values().get("routing");
      if (routingNode == null) {
        routing.put(DEFAULT_ROUTING, new RoutingPolicy.Latency());
      } else {
        defaultRouting = r.mapping(routingNode).map(m -> routing(m, routing)).orElse(null);
      }
      Node residencyNode = root.get().values().get("residency");
      if (residencyNode != null) {
        r.mapping(residencyNode).ifPresent(m -> residency(m, residency, tenants));
      }
    }
    if (!r.problems.isEmpty()) {
      List<ConfigProblem> problems = new ArrayList<>(r.problems);
      problems.sort(ConfigProblem.IN_FILE_ORDER);
      throw new ConfigException(problems);
    }
    return new DistributionConfig(
        source,
        RegionCatalog.of(regions.values()),
        routing,
        defaultRouting,
        residency,
        tenants,
        settings);
  }

  // ---- regions ----------------------------------------------------------------------------

  private void regions(Node.MapNode map) {
    if (map.values().isEmpty()) {
      r.problem(map, "no regions are declared", "at least one region");
      regionsComplete = false;
      return;
    }
    map.values()
        .forEach(
            (key, body) -> {
              Optional<RegionId> id =
                  attemptKey(map, key, () -> RegionId.of(key), "a lowercase token like eu-west-1");
              Optional<Region> region =
                  id.flatMap(i -> r.mapping(body).flatMap(fields -> region(i, fields)));
              if (region.isPresent()) {
                regions.put(region.get().id(), region.get());
              } else {
                regionsComplete = false;
              }
            });
  }

  private <T> Optional<T> attemptKey(
      Node.MapNode map, String key, java.util.function.Supplier<T> step, String allowed) {
    try {
      return Optional.of(step.get());
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int cut = message.indexOf("; allowed");
      r.problemAtKey(map, key, cut < 0 ? message : message.substring(0, cut), allowed);
      return Optional.empty();
    }
  }

  private Optional<Region> region(RegionId id, Node.MapNode m) {
    int before = r.problems.size();
    r.keys(m, REGION_KEYS);
    Map<String, Node> v = m.values();
    String name = v.containsKey("name") ? r.text(v.get("name"), "a name").orElse("") : id.value();
    Optional<String> country =
        r.required(m, "country", "an ISO 3166-1 alpha-2 code such as IE")
            .flatMap(n -> r.text(n, "an ISO 3166-1 alpha-2 code such as IE"))
            .filter(c -> checkCountry(v.get("country"), c));
    Optional<Continent> continent =
        r.required(m, "continent", "one of " + Arrays.toString(Continent.values()))
            .flatMap(n -> continent(n));
    Optional<GeoPoint> location =
        r.required(m, "location", "{latitude: 53.35, longitude: -6.26}").flatMap(this::location);
    Set<Jurisdiction> jurisdictions = new TreeSet<>();
    if (v.containsKey("jurisdictions")) {
      r.items(v.get("jurisdictions"))
          .ifPresent(items -> items.forEach(i -> jurisdiction(i).ifPresent(jurisdictions::add)));
    }
    List<String> zones = new ArrayList<>();
    r.required(m, "zones", "a sequence of zone names")
        .flatMap(r::items)
        .ifPresent(items -> zones(items, zones));
    List<Endpoint> endpoints = new ArrayList<>();
    r.required(m, "endpoints", "a sequence of {id, uri, zone, weight}")
        .flatMap(r::items)
        .ifPresent(items -> endpoints(items, zones, endpoints));
    int weight =
        v.containsKey("weight")
            ? r.integer(v.get("weight"), 0, Region.MAX_WEIGHT).orElse(0)
            : DEFAULT_REGION_WEIGHT;
    int priority =
        v.containsKey("priority")
            ? r.integer(v.get("priority"), 0, Region.MAX_PRIORITY).orElse(0)
            : 0;
    SettingsLayer layer = null;
    if (v.containsKey("settings")) {
      try {
        layer = SettingsLayer.parse(ConfigLayer.REGION, id.value(), v.get("settings"));
      } catch (ConfigException e) {
        r.problems.addAll(e.problems());
      }
    }
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    Map<String, Scalar> values = layer == null ? Map.of() : layer.values();
    Optional<Region> region =
        r.attempt(
            m,
            () ->
                new Region(
                    id,
                    name,
                    country.orElseThrow(),
                    continent.orElseThrow(),
                    location.orElseThrow(),
                    jurisdictions,
                    zones,
                    endpoints,
                    weight,
                    priority,
                    values));
    if (region.isPresent() && layer != null) {
      settings.put(id, layer);
    }
    return region;
  }

  private boolean checkCountry(Node node, String country) {
    if (COUNTRY.matcher(country).matches()) {
      return true;
    }
    r.problem(node, "invalid country code", "an ISO 3166-1 alpha-2 code in uppercase, such as IE");
    return false;
  }

  private Optional<Continent> continent(Node node) {
    String allowed = "one of " + Arrays.toString(Continent.values());
    return r.text(node, allowed)
        .flatMap(
            text -> {
              Optional<Continent> c =
                  text.equals(text.toUpperCase(Locale.ROOT))
                      ? Continent.fromCode(text)
                      : Optional.empty();
              if (c.isEmpty()) {
                r.problem(node, "unknown continent", allowed);
              }
              return c;
            });
  }

  private Optional<GeoPoint> location(Node node) {
    return r.mapping(node)
        .flatMap(
            m -> {
              r.keys(m, List.of("latitude", "longitude"));
              Optional<Double> lat =
                  r.required(m, "latitude", "a number from -90 to 90")
                      .flatMap(n -> r.number(n, -90, 90));
              Optional<Double> lon =
                  r.required(m, "longitude", "a number from -180 to 180")
                      .flatMap(n -> r.number(n, -180, 180));
              return lat.isPresent() && lon.isPresent()
                  ? Optional.of(new GeoPoint(lat.get(), lon.get()))
                  : Optional.empty();
            });
  }

  private Optional<Jurisdiction> jurisdiction(Node node) {
    String allowed = "2-8 uppercase letters or digits starting with a letter, such as EU, US or DE";
    return r.text(node, allowed).flatMap(t -> r.attempt(node, () -> Jurisdiction.of(t)));
  }

  private void zones(List<Node> items, List<String> zones) {
    for (Node item : items) {
      r.text(item, "a zone name")
          .ifPresent(
              zone -> {
                if (zones.contains(zone)) {
                  r.problem(item, "zone listed twice", "each zone once");
                } else {
                  zones.add(zone);
                }
              });
    }
  }

  private void endpoints(List<Node> items, List<String> zones, List<Endpoint> endpoints) {
    Set<String> ids = new HashSet<>();
    for (Node item : items) {
      r.mapping(item).ifPresent(m -> endpoint(m, zones, ids).ifPresent(endpoints::add));
    }
  }

  private Optional<Endpoint> endpoint(Node.MapNode m, List<String> zones, Set<String> ids) {
    int before = r.problems.size();
    r.keys(m, ENDPOINT_KEYS);
    Map<String, Node> v = m.values();
    Optional<String> id =
        r.required(m, "id", "a lowercase token").flatMap(n -> r.text(n, "a lowercase token"));
    id.filter(i -> !ids.add(i))
        .ifPresent(
            i -> r.problem(v.get("id"), "duplicate endpoint id in this region", "a unique id"));
    Optional<URI> uri =
        r.required(m, "uri", "an absolute URI such as https://api.example.com")
            .flatMap(n -> uri(n));
    Optional<String> zone;
    if (v.containsKey("zone")) {
      zone = r.text(v.get("zone"), "one of the region's zones " + zones);
      zone.filter(z -> !zones.isEmpty() && !zones.contains(z))
          .ifPresent(
              z ->
                  r.problem(
                      v.get("zone"),
                      "zone is not one of the region's zones" + YamlReader.didYouMean(z, zones),
                      "one of " + zones));
    } else if (zones.size() == 1) {
      zone = Optional.of(zones.get(0));
    } else {
      zone =
          r.required(m, "zone", "one of " + zones + " (required when the region has several zones)")
              .flatMap(n -> Optional.empty());
    }
    int weight =
        v.containsKey("weight") ? r.integer(v.get("weight"), 1, Endpoint.MAX_WEIGHT).orElse(1) : 1;
    if (r.problems.size() > before || id.isEmpty() || uri.isEmpty() || zone.isEmpty()) {
      return Optional.empty();
    }
    return r.attempt(m, () -> new Endpoint(id.get(), uri.get(), zone.get(), weight));
  }

  private Optional<URI> uri(Node node) {
    String allowed = "an absolute URI such as https://api.example.com";
    return r.text(node, allowed)
        .flatMap(
            text -> {
              try {
                URI uri = new URI(text);
                if (uri.isAbsolute()) {
                  return Optional.of(uri);
                }
                r.problem(node, "the URI is not absolute", allowed);
              } catch (URISyntaxException e) {
                r.problem(node, "invalid URI: " + e.getReason(), allowed);
              }
              return Optional.empty();
            });
  }

  // ---- references to regions ------------------------------------------------------------------

  /** Resolves a region named at {@code node}; records a problem when the catalog lacks it. */
  private Optional<RegionId> region(Node node) {
    return r.text(node, "a region id")
        .flatMap(text -> knownRegion(text, p -> r.problem(node, p, known())));
  }

  private Optional<RegionId> regionKey(Node.MapNode map, String key) {
    return knownRegion(key, p -> r.problemAtKey(map, key, p, known()));
  }

  private Optional<RegionId> knownRegion(String text, java.util.function.Consumer<String> problem) {
    RegionId id;
    try {
      id = RegionId.of(text);
    } catch (IllegalArgumentException e) {
      problem.accept("invalid region id");
      return Optional.empty();
    }
    if (!regions.containsKey(id)) {
      if (regionsComplete) {
        List<String> names = regions.keySet().stream().map(RegionId::value).toList();
        problem.accept("unknown region" + YamlReader.didYouMean(text, names));
      }
      return Optional.empty();
    }
    return Optional.of(id);
  }

  private String known() {
    return "one of the regions declared under regions: " + regions.keySet();
  }

  // ---- routing --------------------------------------------------------------------------------

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
                          if (!NAME.matcher(name).matches()) {
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

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

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
          case "geoproximity" -> {
            r.keys(m, List.of("type", "bias"));
            Map<RegionId, Integer> bias = new TreeMap<>();
            if (v.containsKey("bias")) {
              r.mapping(v.get("bias"))
                  .ifPresent(
                      b ->
                          b.values()
                              .forEach(
                                  (key, value) -> {
                                    Optional<RegionId> id = regionKey(b, key);
                                    Optional<Integer> n = r.integer(value, -99, 99);
                                    if (id.isPresent() && n.isPresent()) {
                                      bias.put(id.get(), n.get());
                                    }
                                  }));
            }
            yield Optional.of(new RoutingPolicy.Geoproximity(bias));
          }
          case "weighted" -> weighted(m);
          case "failover" -> {
            r.keys(m, List.of("type", "primary", "secondary"));
            Optional<RegionId> primary = r.required(m, "primary", known()).flatMap(this::region);
            Optional<RegionId> secondary =
                r.required(m, "secondary", known()).flatMap(this::region);
            if (primary.isPresent() && primary.equals(secondary)) {
              r.problem(v.get("secondary"), "the secondary is the primary", "a different region");
              yield Optional.empty();
            }
            yield primary.isPresent() && secondary.isPresent()
                ? Optional.of(new RoutingPolicy.Failover(primary.get(), secondary.get()))
                : Optional.empty();
          }
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
    if (v.containsKey("countries")) {
      r.mapping(v.get("countries"))
          .ifPresent(
              c ->
                  c.values()
                      .forEach(
                          (key, value) -> {
                            if (!COUNTRY.matcher(key).matches()) {
                              r.problemAtKey(
                                  c,
                                  key,
                                  "invalid country code",
                                  "an ISO 3166-1 alpha-2 code in uppercase, such as DE");
                            }
                            region(value).ifPresent(id -> countries.put(key, id));
                          }));
    }
    Map<Continent, RegionId> continents = new EnumMap<>(Continent.class);
    if (v.containsKey("continents")) {
      r.mapping(v.get("continents"))
          .ifPresent(
              c ->
                  c.values()
                      .forEach(
                          (key, value) -> {
                            Optional<Continent> continent =
                                key.equals(key.toUpperCase(Locale.ROOT))
                                    ? Continent.fromCode(key)
                                    : Optional.empty();
                            if (continent.isEmpty()) {
                              r.problemAtKey(
                                  c,
                                  key,
                                  "unknown continent",
                                  "one of " + Arrays.toString(Continent.values()));
                            }
                            Optional<RegionId> id = region(value);
                            if (continent.isPresent() && id.isPresent()) {
                              continents.put(continent.get(), id.get());
                            }
                          }));
    }
    Optional<RegionId> fallback =
        v.containsKey("default") ? region(v.get("default")) : Optional.empty();
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    return r.attempt(m, () -> new RoutingPolicy.Geolocation(countries, continents, fallback));
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
              Optional<RegionId> id = regionKey(weights.get(), key);
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

  // ---- residency ------------------------------------------------------------------------------

  private void residency(
      Node.MapNode m, Map<String, ResidencyPolicy> out, Map<TenantId, String> tenants) {
    r.keys(m, List.of("policies", "tenants"));
    Node policies = m.values().get("policies");
    Set<String> declared = new LinkedHashSet<>();
    if (policies != null) {
      r.mapping(policies)
          .ifPresent(
              p ->
                  p.values()
                      .forEach(
                          (name, body) -> {
                            declared.add(name);
                            if (name.equals(ResidencyPolicy.unrestricted().name())) {
                              r.problemAtKey(
                                  p,
                                  name,
                                  "'unrestricted' is built in and cannot be redefined",
                                  "another name");
                              return;
                            }
                            if (!NAME.matcher(name).matches()) {
                              r.problemAtKey(p, name, "invalid policy name", "a lowercase token");
                              return;
                            }
                            r.mapping(body)
                                .flatMap(b -> residencyPolicy(name, b))
                                .ifPresent(pol -> out.put(name, pol));
                          }));
    }
    Node assigned = m.values().get("tenants");
    if (assigned != null) {
      r.mapping(assigned)
          .ifPresent(
              t ->
                  t.values()
                      .forEach(
                          (key, value) -> {
                            Optional<TenantId> tenant =
                                attemptKey(t, key, () -> TenantId.of(key), "a valid tenant id");
                            Optional<String> policy = r.text(value, "a residency policy name");
                            Set<String> allowed = new LinkedHashSet<>(declared);
                            allowed.add(ResidencyPolicy.unrestricted().name());
                            if (policy.isPresent() && !allowed.contains(policy.get())) {
                              r.problem(
                                  value,
                                  "unknown residency policy"
                                      + YamlReader.didYouMean(policy.get(), allowed),
                                  "one of " + allowed);
                            } else if (tenant.isPresent() && policy.isPresent()) {
                              tenants.put(tenant.get(), policy.get());
                            }
                          }));
    }
  }

  private Optional<ResidencyPolicy> residencyPolicy(String name, Node.MapNode m) {
    int before = r.problems.size();
    List<String> keys = new ArrayList<>(List.of("within"));
    keys.addAll(PURPOSES);
    r.keys(m, keys);
    Map<String, Node> v = m.values();
    Optional<Placement> within = Optional.empty();
    if (v.containsKey("within")) {
      within =
          r.items(v.get("within"))
              .flatMap(
                  items -> {
                    Set<Jurisdiction> set = new TreeSet<>();
                    items.forEach(i -> jurisdiction(i).ifPresent(set::add));
                    return set.isEmpty() ? Optional.empty() : Optional.of(Placement.in(set));
                  });
    }
    Map<DataPurpose, Placement> placements = new EnumMap<>(DataPurpose.class);
    for (int i = 0; i < PURPOSES.size(); i++) {
      String key = PURPOSES.get(i);
      DataPurpose purpose = DataPurpose.values()[i];
      Node node = v.get(key);
      if (node != null) {
        placement(node).ifPresent(p -> placements.put(purpose, p));
      } else if (within.isPresent()) {
        placements.put(purpose, within.get());
      } else if (!v.containsKey("within")) {
        r.required(
            m, key, "a placement {jurisdictions: [..], regions: [..]}, or anywhere, or set within");
      }
    }
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    Optional<ResidencyPolicy> policy =
        r.attempt(
            m,
            () ->
                new ResidencyPolicy(
                    name,
                    placements.get(DataPurpose.STORAGE),
                    placements.get(DataPurpose.PROCESSING),
                    placements.get(DataPurpose.REPLICA)));
    policy.ifPresent(p -> checkLeavesARegion(p, m));
    return r.problems.size() > before ? Optional.empty() : policy;
  }

  private Optional<Placement> placement(Node node) {
    String allowed = "anywhere, or a mapping with jurisdictions and/or regions";
    if (node instanceof Node.ScalarNode s) {
      if (s.value().text().equals("anywhere")) {
        return Optional.of(Placement.anywhere());
      }
      r.problem(node, "expected a placement", allowed);
      return Optional.empty();
    }
    return r.mapping(node)
        .flatMap(
            m -> {
              int before = r.problems.size();
              r.keys(m, List.of("jurisdictions", "regions"));
              Set<Jurisdiction> jurisdictions = new TreeSet<>();
              Set<RegionId> ids = new TreeSet<>();
              Node j = m.values().get("jurisdictions");
              if (j != null) {
                r.items(j)
                    .ifPresent(
                        items -> items.forEach(i -> jurisdiction(i).ifPresent(jurisdictions::add)));
              }
              Node g = m.values().get("regions");
              if (g != null) {
                r.items(g).ifPresent(items -> items.forEach(i -> region(i).ifPresent(ids::add)));
              }
              if (r.problems.size() > before) {
                return Optional.empty();
              }
              if (jurisdictions.isEmpty() && ids.isEmpty()) {
                r.problem(m, "the placement allows nothing", allowed);
                return Optional.empty();
              }
              return Optional.of(new Placement(false, jurisdictions, ids));
            });
  }

  private void checkLeavesARegion(ResidencyPolicy policy, Node.MapNode m) {
    if (!regionsComplete) {
      return;
    }
    for (DataPurpose purpose : DataPurpose.values()) {
      boolean any = regions.values().stream().anyMatch(g -> policy.allows(purpose, g));
      if (!any) {
        String key = PURPOSES.get(purpose.ordinal());
        Node at = m.values().getOrDefault(key, m.values().getOrDefault("within", m));
        r.problem(
            at,
            "residency policy '"
                + policy.name()
                + "' leaves no region of the catalog for "
                + key
                + " (it allows "
                + policy.placement(purpose)
                + ")",
            "a placement that at least one declared region satisfies; regions: "
                + describeRegions());
      }
    }
  }

  private String describeRegions() {
    StringBuilder s = new StringBuilder();
    for (Region g : regions.values()) {
      s.append(s.length() == 0 ? "" : ", ").append(g.id()).append(' ').append(g.jurisdictions());
    }
    return s.toString();
  }
}
