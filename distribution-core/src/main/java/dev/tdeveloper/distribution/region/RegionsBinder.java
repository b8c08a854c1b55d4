package dev.tdeveloper.distribution.region;

import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLayer;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import dev.tdeveloper.tenancy.config.SettingsLayer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds the {@code regions} section of {@code regions.yaml}: each region with its country,
 * continent, location, jurisdictions, zones, endpoints, weight, priority and settings, into the
 * {@link BindingContext}'s catalog. Not thread-safe: one per load.
 */
final class RegionsBinder {
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
  static final int DEFAULT_REGION_WEIGHT = 1;

  private final BindingContext context;
  private final YamlReader r;

  RegionsBinder(BindingContext context) {
    this.context = context;
    this.r = context.r;
  }

  /** Binds every region of {@code map}; a region that fails marks the catalog incomplete. */
  void bind(Node.MapNode map) {
    if (map.values().isEmpty()) {
      r.problem(map, "no regions are declared", "at least one region");
      context.regionsComplete = false;
      return;
    }
    map.values()
        .forEach(
            (key, body) -> {
              Optional<RegionId> id =
                  r.attemptAtKey(
                      map, key, () -> RegionId.of(key), "a lowercase token like eu-west-1");
              Optional<Region> region =
                  id.flatMap(i -> r.mapping(body).flatMap(fields -> region(i, fields)));
              if (region.isPresent()) {
                context.regions.put(region.get().id(), region.get());
              } else {
                context.regionsComplete = false;
              }
            });
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
          .ifPresent(items -> jurisdictions.addAll(context.jurisdictions(items)));
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
      context.settings.put(id, layer);
    }
    return region;
  }

  private boolean checkCountry(Node node, String country) {
    if (BindingContext.COUNTRY.matcher(country).matches()) {
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
              Optional<Continent> c = BindingContext.continent(text);
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
}
