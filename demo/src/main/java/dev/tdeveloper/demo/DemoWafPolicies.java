package dev.tdeveloper.demo;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Each tenant's WAF policy from its {@code tenants.yaml} settings, resolved through the usual
 * layers (tenant over plan over defaults) like the rate limits, and following the file's reloads.
 * Settings, all optional (absent: the WAF's own, PL1 and threshold 5 in the demo):
 *
 * <ul>
 *   <li>{@value #PARANOIA_LEVEL}: the CRS paranoia level, 1 to 4;
 *   <li>{@value #MODE}: {@code on}, {@code detection-only} or {@code off} for this tenant's
 *       requests;
 *   <li>{@value #INBOUND_THRESHOLD}: the inbound anomaly score that blocks, 1 or more.
 * </ul>
 *
 * <p>A tenant's plan is the registry's ({@code planLookup}; the file's when the registry does not
 * know the tenant), so a tenant created or upgraded at run time gets its plan's policy, not the
 * default plan's. The policies of the listed tenants and of every plan are built when a file is
 * applied, so the per-request lookup is a registry read and a map read; a tenant the file does not
 * list gets its plan's policy in its own namespace; a listed tenant on another plan than the file's
 * gets that plan's policy under its own overrides (built at first use, then kept until the next
 * file). Thread-safe: the policies in use are swapped atomically.
 */
final class DemoWafPolicies {
  /** The paranoia level setting: {@value}. */
  static final String PARANOIA_LEVEL = "waf.paranoia-level";

  /** The engine mode setting: {@value}. */
  static final String MODE = "waf.mode";

  /** The inbound anomaly threshold setting: {@value}. */
  static final String INBOUND_THRESHOLD = "waf.inbound-anomaly-threshold";

  private static final Set<String> KEYS = Set.of(PARANOIA_LEVEL, MODE, INBOUND_THRESHOLD);

  /**
   * The policies of one accepted file; {@code moved} holds those of listed tenants on a plan other
   * than the file's, by tenant and plan (at most one per listed tenant and plan).
   */
  private record Snapshot(
      TenantConfig config,
      Map<TenantId, WafPolicy> tenants,
      Map<String, WafPolicy> plans,
      Map<List<String>, WafPolicy> moved) {}

  private final AtomicReference<Snapshot> current;
  private final Function<TenantId, Optional<String>> planLookup;

  private DemoWafPolicies(Snapshot snapshot, Function<TenantId, Optional<String>> planLookup) {
    this.current = new AtomicReference<>(snapshot);
    this.planLookup = Objects.requireNonNull(planLookup, "planLookup");
  }

  /**
   * Returns the policies of {@code config}, each tenant on its plan in the file.
   *
   * @throws ConfigException listing every bad {@code waf.*} setting
   */
  static DemoWafPolicies of(TenantConfig config) {
    return of(config, id -> Optional.empty());
  }

  /**
   * Returns the policies of {@code config}, each tenant on the plan {@code planLookup} answers (the
   * registry's), else on its plan in the file.
   *
   * @throws ConfigException listing every bad {@code waf.*} setting
   */
  static DemoWafPolicies of(TenantConfig config, Function<TenantId, Optional<String>> planLookup) {
    return new DemoWafPolicies(snapshot(config), planLookup);
  }

  /**
   * Puts the policies of {@code next} in use (an applier of {@code tenants.yaml}).
   *
   * @throws ConfigException listing every bad setting; the policies in use are unchanged
   */
  void update(TenantConfig next) {
    current.set(snapshot(next));
  }

  /**
   * Returns the policy of the tenant {@code id}, listed or not, on its plan.
   *
   * @throws ConfigException if the tenant's plan is not declared in the file in use
   */
  WafPolicy forTenant(TenantId id) {
    Snapshot s = current.get();
    String filePlan = s.config().planOf(id);
    String plan = planLookup.apply(id).orElse(filePlan);
    WafPolicy listed = s.tenants().get(id);
    if (listed != null && plan.equals(filePlan)) {
      return listed;
    }
    if (listed != null) {
      return s.moved()
          .computeIfAbsent(
              List.of(id.value(), plan),
              k -> policy(s.config().settingsFor(id, plan), id.value(), new ArrayList<>()));
    }
    WafPolicy onPlan = s.plans().get(plan);
    if (onPlan == null) {
      throw new ConfigException(
          "plans",
          "unknown plan '" + plan + "' of tenant '" + id + "'; known plans: " + s.config().plans());
    }
    return renamed(onPlan, id.value());
  }

  /**
   * Returns the listed tenants whose policy differs from the WAF's defaults, with what differs (for
   * {@code /ops}).
   */
  Map<String, Map<String, Object>> overrides() {
    Map<String, Map<String, Object>> view = new LinkedHashMap<>();
    current
        .get()
        .tenants()
        .forEach(
            (id, p) -> {
              Map<String, Object> row = new LinkedHashMap<>();
              p.paranoiaLevel().ifPresent(v -> row.put("paranoiaLevel", v));
              p.mode().ifPresent(v -> row.put("mode", v.name()));
              p.inboundThreshold().ifPresent(v -> row.put("inboundThreshold", v));
              if (!row.isEmpty()) {
                view.put(id.value(), row);
              }
            });
    return view;
  }

  /**
   * Returns every bad {@code waf.*} setting of {@code config}, each once, in file order: unknown
   * keys, wrong types and values out of range. Empty when all are good.
   */
  static List<ConfigProblem> problems(TenantConfig config) {
    Objects.requireNonNull(config, "config");
    Map<String, ConfigProblem> found = new LinkedHashMap<>();
    List<TenantSettings> all = new ArrayList<>();
    config.plans().forEach(plan -> all.add(config.settingsForPlan(plan)));
    config.tenants().forEach(t -> all.add(config.settingsFor(t.id())));
    for (TenantSettings settings : all) {
      List<ConfigProblem> problems = new ArrayList<>();
      policy(settings, "", problems);
      for (ConfigProblem p : problems) {
        found.putIfAbsent(p.location().map(l -> l + " " + p.path()).orElse(p.message()), p);
      }
    }
    return found.values().stream().sorted(ConfigProblem.IN_FILE_ORDER).toList();
  }

  private static Snapshot snapshot(TenantConfig config) {
    List<ConfigProblem> problems = problems(config);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Map<String, WafPolicy> plans = new HashMap<>();
    for (String plan : config.plans()) {
      plans.put(plan, policy(config.settingsForPlan(plan), "", new ArrayList<>()));
    }
    Map<TenantId, WafPolicy> tenants = new HashMap<>();
    for (Tenant t : config.tenants()) {
      tenants.put(t.id(), policy(config.settingsFor(t.id()), t.id().value(), new ArrayList<>()));
    }
    return new Snapshot(config, Map.copyOf(tenants), Map.copyOf(plans), new ConcurrentHashMap<>());
  }

  /** Returns the policy of {@code settings}, adding to {@code problems} every bad setting. */
  private static WafPolicy policy(
      TenantSettings settings, String namespace, List<ConfigProblem> problems) {
    for (String key : settings.keys()) {
      if (key.startsWith("waf.") && !KEYS.contains(key)) {
        problems.add(settings.problem(key, "is not a known setting", KEYS.toString()));
      }
    }
    OptionalInt level = number(settings, PARANOIA_LEVEL, 4, problems);
    OptionalInt threshold = number(settings, INBOUND_THRESHOLD, Integer.MAX_VALUE, problems);
    Optional<EngineMode> mode = Optional.empty();
    if (settings.contains(MODE)) {
      String text = settings.getString(MODE).orElseThrow();
      try {
        mode = Optional.of(DemoWafOptions.parseMode(text));
      } catch (IllegalArgumentException e) {
        problems.add(settings.problem(MODE, "is not a mode", "on, detection-only, off"));
      }
    }
    return new WafPolicy(
        namespace, mode, level, threshold, OptionalInt.empty(), Set.of(), Map.of());
  }

  /** Returns {@code key} as a whole number of 1 to {@code max}, or empty (adding any problem). */
  private static OptionalInt number(
      TenantSettings settings, String key, int max, List<ConfigProblem> problems) {
    if (!settings.contains(key)) {
      return OptionalInt.empty();
    }
    String allowed = max == Integer.MAX_VALUE ? "1 or more" : "1 to " + max;
    int value;
    try {
      value = settings.getInt(key).orElseThrow();
    } catch (ConfigException e) {
      problems.add(settings.problem(key, "is not a whole number", allowed));
      return OptionalInt.empty();
    }
    if (value < 1 || value > max) {
      problems.add(settings.problem(key, "is out of range", allowed));
      return OptionalInt.empty();
    }
    return OptionalInt.of(value);
  }

  private static WafPolicy renamed(WafPolicy p, String namespace) {
    return new WafPolicy(
        namespace,
        p.mode(),
        p.paranoiaLevel(),
        p.inboundThreshold(),
        p.outboundThreshold(),
        p.removedRuleIds(),
        p.removedTargets());
  }
}
