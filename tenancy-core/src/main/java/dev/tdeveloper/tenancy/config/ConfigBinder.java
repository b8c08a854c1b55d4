package dev.tdeveloper.tenancy.config;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Binds a {@link Node} tree to a {@link TenantConfig}, checking the {@code tenants.yaml} schema and
 * its cross-references (a tenant's plan must be declared) at the location of the offending key or
 * value. Not thread-safe: one per load.
 */
final class ConfigBinder {
  /** The rule for plan names; the same as {@link Tenant#plan()}'s. */
  static final Pattern PLAN_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private static final List<String> ROOT_KEYS =
      List.of("defaultPlan", "defaults", "plans", "tenants");
  private static final List<String> PLAN_KEYS = List.of("settings");
  private static final List<String> TENANT_KEYS =
      List.of(
          "plan", "displayName", "homeRegion", "isolation", "timeZone", "attributes", "settings");

  private final String source;
  private final Layers layers = new Layers();

  private ConfigBinder(String source) {
    this.source = source;
  }

  /**
   * Binds {@code root}.
   *
   * @throws ConfigException for the first schema or semantic error found
   */
  static TenantConfig bind(String source, Node root) {
    return new ConfigBinder(source).bind(root);
  }

  private TenantConfig bind(Node rootNode) {
    if (!(rootNode instanceof Node.MapNode root)) {
      throw rootNode.error(
          "expected a mapping with keys " + ROOT_KEYS + ", got " + rootNode.describe());
    }
    checkKeys(root, ROOT_KEYS);
    Map<String, Node> sections = root.values();

    Map<String, Map<String, Setting>> plans = new TreeMap<>();
    Node plansNode = sections.get("plans");
    if (plansNode != null) {
      Node.MapNode planMap = mapping(plansNode);
      planMap.values().forEach((name, body) -> plans.put(name, plan(planMap, name, body)));
    }
    String defaultPlan = defaultPlan(root, plans);
    Map<String, Setting> defaults =
        sections.containsKey("defaults")
            ? layers.flatten(sections.get("defaults"), ConfigLayer.DEFAULTS)
            : Map.of();

    Map<TenantId, Tenant> tenants = new TreeMap<>();
    Map<TenantId, Map<String, Setting>> overrides = new TreeMap<>();
    Node tenantsNode = sections.get("tenants");
    if (tenantsNode != null) {
      Node.MapNode tenantMap = mapping(tenantsNode);
      tenantMap
          .values()
          .forEach(
              (key, body) -> {
                TenantId id = tenantId(tenantMap, key);
                Node.MapNode fields = mapping(body);
                checkKeys(fields, TENANT_KEYS);
                tenants.put(id, tenant(id, fields, plans, defaultPlan));
                Node settings = fields.values().get("settings");
                overrides.put(
                    id, settings == null ? Map.of() : layers.flatten(settings, ConfigLayer.TENANT));
              });
    }
    layers.checkNoValueIsAlsoASection();
    return new TenantConfig(source, defaultPlan, defaults, plans, tenants, overrides);
  }

  private Map<String, Setting> plan(Node.MapNode planMap, String name, Node body) {
    if (!PLAN_NAME.matcher(name).matches()) {
      throw new ConfigException(
          planMap.keyLocations().get(name),
          planMap.childPath(name),
          "invalid plan name '" + name + "': must match " + PLAN_NAME.pattern());
    }
    Node.MapNode fields = mapping(body);
    checkKeys(fields, PLAN_KEYS);
    Node settings = fields.values().get("settings");
    return settings == null ? Map.of() : layers.flatten(settings, ConfigLayer.PLAN);
  }

  private String defaultPlan(Node.MapNode root, Map<String, Map<String, Setting>> plans) {
    Node node = root.values().get("defaultPlan");
    if (node == null) {
      if (!plans.containsKey(Tenant.DEFAULT_PLAN)) {
        throw new ConfigException(
            root.location(),
            "defaultPlan",
            "defaultPlan is not set and the implicit default plan '"
                + Tenant.DEFAULT_PLAN
                + "' is not declared; known plans: "
                + plans.keySet());
      }
      return Tenant.DEFAULT_PLAN;
    }
    return knownPlan(node, plans);
  }

  private static String knownPlan(Node node, Map<String, Map<String, Setting>> plans) {
    String plan = text(node);
    if (!plans.containsKey(plan)) {
      throw node.error("unknown plan '" + plan + "'; known plans: " + plans.keySet());
    }
    return plan;
  }

  private static TenantId tenantId(Node.MapNode tenantMap, String key) {
    try {
      return TenantId.of(key);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          tenantMap.keyLocations().get(key), tenantMap.childPath(key), e.getMessage(), e);
    }
  }

  private static Tenant tenant(
      TenantId id,
      Node.MapNode fields,
      Map<String, Map<String, Setting>> plans,
      String defaultPlan) {
    Map<String, Node> values = fields.values();
    Tenant.Builder tenant = Tenant.builder(id).status(TenantStatus.ACTIVE).plan(defaultPlan);
    if (values.containsKey("plan")) {
      tenant.plan(knownPlan(values.get("plan"), plans));
    }
    stringField(values.get("displayName"), id, Tenant.Builder::displayName, tenant);
    stringField(values.get("homeRegion"), id, Tenant.Builder::homeRegion, tenant);
    Node isolation = values.get("isolation");
    if (isolation != null) {
      String text = text(isolation);
      try {
        tenant.isolation(IsolationMode.valueOf(text.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw isolation.error(
            "unknown isolation mode '"
                + text
                + "'; allowed: "
                + Arrays.toString(IsolationMode.values()));
      }
    }
    Node zone = values.get("timeZone");
    if (zone != null) {
      String text = text(zone);
      try {
        tenant.timeZone(ZoneId.of(text));
      } catch (DateTimeException e) {
        throw zone.error(
            "invalid time zone '"
                + text
                + "' ("
                + e.getMessage()
                + "); use a region id such as Europe/Paris, or UTC");
      }
    }
    Node attributes = values.get("attributes");
    if (attributes != null) {
      tenant.attributes(attributes(mapping(attributes)));
    }
    return tenant.build();
  }

  private static Map<String, String> attributes(Node.MapNode node) {
    Map<String, String> attributes = new LinkedHashMap<>();
    node.values()
        .forEach(
            (key, value) -> {
              if (key.isBlank()) {
                throw new ConfigException(
                    node.keyLocations().get(key), node.childPath(key), "attribute key is blank");
              }
              attributes.put(key, text(value));
            });
    return attributes;
  }

  /**
   * Sets an optional string field of a tenant after validating it alone (by building a throwaway
   * tenant with only that field set), so an invalid value is reported at its own location.
   */
  private static void stringField(
      Node node,
      TenantId id,
      BiFunction<Tenant.Builder, String, Tenant.Builder> setter,
      Tenant.Builder target) {
    if (node == null) {
      return;
    }
    String text = text(node);
    try {
      setter.apply(Tenant.builder(id), text).build();
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
    setter.apply(target, text);
  }

  /** Returns {@code node} as a mapping; null counts as an empty mapping. */
  static Node.MapNode mapping(Node node) {
    if (node instanceof Node.MapNode map) {
      return map;
    }
    if (node instanceof Node.NullNode) {
      return new Node.MapNode(node.path(), node.location(), Map.of(), Map.of());
    }
    throw node.error("expected a mapping, got " + node.describe());
  }

  /** Returns a scalar's text; mappings, sequences and null are errors. */
  static String text(Node node) {
    if (node instanceof Node.ScalarNode scalar) {
      return scalar.value().text();
    }
    throw node.error("expected a string, got " + node.describe());
  }

  private static void checkKeys(Node.MapNode node, List<String> allowed) {
    for (String key : node.values().keySet()) {
      if (!allowed.contains(key)) {
        String hint =
            allowed.stream()
                .filter(a -> a.equalsIgnoreCase(key))
                .map(a -> " (did you mean '" + a + "'?)")
                .findFirst()
                .orElse("");
        throw new ConfigException(
            node.keyLocations().get(key),
            node.childPath(key),
            "unknown key '" + key + "'" + hint + "; allowed keys: " + allowed);
      }
    }
  }
}
