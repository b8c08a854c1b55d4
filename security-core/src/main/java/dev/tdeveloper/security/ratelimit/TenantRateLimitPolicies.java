package dev.tdeveloper.security.ratelimit;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Builds each tenant's {@link RateLimitPolicy} from its {@code tenants.yaml} settings, so plan
 * limits live in configuration and change on reload. Use {@link #forTenant} or {@link #forKey} as
 * {@link RateLimiterBuilder#policyResolver}; after a reload, {@link #update} then {@link
 * RateLimiter#refreshPolicies()} (keys keep the permits they consumed).
 *
 * <p>Settings (whole numbers, resolved per tenant through the usual layers):
 *
 * <ul>
 *   <li>{@value #REQUESTS_PER_SECOND} (required, 1 to 10^9) and {@value #BURST} (1 or more;
 *       defaults to the requests per second): one bandwidth refilling that many permits a second
 *       with bursts of up to {@code burst};
 *   <li>{@value #REQUESTS_PER_HOUR} (optional, 1 or more): a second bandwidth of that many permits
 *       an hour, all usable at once;
 *   <li>{@code ratelimit.routes.<route>.requests-per-second}, {@code .burst} and {@code
 *       .requests-per-hour}: the same for {@link RateLimitKey}s with that route, each setting
 *       falling back to the tenant's own when absent. A route without settings gets the tenant's
 *       limits, in a budget of its own.
 * </ul>
 *
 * <p>The policy is named after the tenant's plan. Every configuration is checked whole — each plan,
 * each listed tenant, each route, and no unknown {@code ratelimit.*} key — before it is used:
 * {@link #problems} reports every bad setting with its file location, field path, value and what is
 * allowed (register it as a {@link dev.tdeveloper.tenancy.config.ConfigValidator} of the {@link
 * dev.tdeveloper.tenancy.config.ReloadableTenantConfig}, and {@link #update} as part of an {@link
 * dev.tdeveloper.tenancy.config.ConfigApplier}), and {@link #of} and {@link #update} refuse a bad
 * configuration with a {@link ConfigException} listing them all; the configuration in use then
 * stays as it was.
 *
 * <p>A tenant's plan is the one the file names for it (the default plan when it is not listed)
 * unless a plan lookup is given ({@link #of(TenantConfig, Function)}), usually the {@link
 * dev.tdeveloper.tenancy.spi.TenantRegistry TenantRegistry}'s {@link Tenant#plan()}, the source of
 * truth for tenants that signed up or changed plan since the file was written: a tenant it knows
 * gets that plan's limits, with its own overrides when the file lists it ({@link
 * TenantConfig#settingsFor(TenantId, String)}). The lookup is asked at each resolution; the limiter
 * resolves a key when it first sees it and on {@link RateLimiter#refreshPolicies()}, so after
 * changing a tenant's plan call {@code refreshPolicies()} (the permits it consumed carry over). A
 * plan the file does not declare fails the resolution with a {@link ConfigException}.
 *
 * <p>Thread-safe (when the plan lookup is): the configuration in use is swapped atomically.
 */
public final class TenantRateLimitPolicies {
  /** The setting of permits per second: {@value}. */
  public static final String REQUESTS_PER_SECOND = "ratelimit.requests-per-second";

  /** The setting of the burst capacity: {@value}. */
  public static final String BURST = "ratelimit.burst";

  /** The setting of permits per hour: {@value}. */
  public static final String REQUESTS_PER_HOUR = "ratelimit.requests-per-hour";

  /** The prefix of per-route settings: {@value}. */
  public static final String ROUTES = "ratelimit.routes.";

  private static final Set<String> LEAVES =
      Set.of("requests-per-second", "burst", "requests-per-hour");
  private static final long MAX_PER_SECOND = 1_000_000_000L;

  private final AtomicReference<TenantConfig> config;
  private final Function<? super TenantId, Optional<String>> planLookup;

  private TenantRateLimitPolicies(
      TenantConfig config, Function<? super TenantId, Optional<String>> planLookup) {
    this.config = new AtomicReference<>(config);
    this.planLookup = planLookup;
  }

  /**
   * Returns the policies of {@code config}, each tenant on the plan the file gives it.
   *
   * @throws ConfigException listing every bad rate-limit setting of any plan, tenant or route
   */
  public static TenantRateLimitPolicies of(TenantConfig config) {
    return of(config, id -> Optional.empty());
  }

  /**
   * Returns the policies of {@code config}, each tenant on the plan {@code planLookup} answers for
   * it (for example {@code id -> registry.find(id).map(Tenant::plan)}), else on the file's plan.
   *
   * @param config the configuration in use
   * @param planLookup a tenant's plan, asked at each resolution; must not return null
   * @throws ConfigException listing every bad rate-limit setting of any plan, tenant or route
   */
  public static TenantRateLimitPolicies of(
      TenantConfig config, Function<? super TenantId, Optional<String>> planLookup) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(planLookup, "planLookup");
    validate(config);
    return new TenantRateLimitPolicies(config, planLookup);
  }

  /**
   * Puts {@code next} in use if all its rate-limit settings are good; call {@link
   * RateLimiter#refreshPolicies()} afterwards.
   *
   * @throws ConfigException listing every bad setting; the configuration in use is unchanged
   */
  public void update(TenantConfig next) {
    validate(next);
    config.set(next);
  }

  /** Returns the configuration in use. */
  public TenantConfig config() {
    return config.get();
  }

  /**
   * Returns the policy of {@code tenant} as a whole, on its plan.
   *
   * @throws ConfigException if the plan lookup names a plan the file does not declare
   */
  public RateLimitPolicy forTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return require(settings(tenant), Optional.empty());
  }

  /**
   * Returns the policy of {@code key}: its route's when it has one, else its tenant's.
   *
   * @throws ConfigException if the plan lookup names a plan the file does not declare
   */
  public RateLimitPolicy forKey(RateLimitKey key) {
    Objects.requireNonNull(key, "key");
    return require(settings(key.tenant()), key.route());
  }

  private TenantSettings settings(TenantId tenant) {
    TenantConfig current = config.get();
    Optional<String> plan =
        Objects.requireNonNull(planLookup.apply(tenant), "planLookup returned null");
    return plan.isPresent() ? current.settingsFor(tenant, plan.get()) : current.settingsFor(tenant);
  }

  /**
   * Checks every rate-limit setting of {@code config}: every plan (which covers unlisted tenants),
   * every listed tenant, and every route either names.
   *
   * @throws ConfigException listing every bad setting
   */
  public static void validate(TenantConfig config) {
    List<ConfigProblem> problems = problems(config);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /**
   * Returns every bad rate-limit setting of {@code config} in file order, each reported once (a bad
   * plan value is not repeated for every tenant on the plan): wrong types, values out of range,
   * unknown keys, invalid route names, impossible bandwidths, and plans or tenants without a rate.
   * Empty when all are good.
   */
  public static List<ConfigProblem> problems(TenantConfig config) {
    Objects.requireNonNull(config, "config");
    List<TenantSettings> all = new ArrayList<>();
    for (String plan : config.plans()) {
      all.add(config.settingsForPlan(plan));
    }
    for (Tenant tenant : config.tenants()) {
      all.add(config.settingsFor(tenant.id()));
    }
    Map<String, ConfigProblem> found = new LinkedHashMap<>();
    for (TenantSettings settings : all) {
      List<ConfigProblem> problems = new ArrayList<>();
      Set<String> routes = routes(settings, problems);
      policy(settings, Optional.empty(), problems);
      for (String route : routes) {
        policy(settings, Optional.of(route), problems);
      }
      problems.forEach(p -> found.putIfAbsent(identity(p), p));
    }
    return found.values().stream().sorted(ConfigProblem.IN_FILE_ORDER).toList();
  }

  /** Returns the routes {@code settings} configure, reporting every bad {@code ratelimit.*} key. */
  private static Set<String> routes(TenantSettings settings, List<ConfigProblem> problems) {
    Set<String> routes = new TreeSet<>();
    for (String key : settings.keys()) {
      if (!key.startsWith("ratelimit.")) {
        continue;
      }
      if (key.startsWith(ROUTES)) {
        String rest = key.substring(ROUTES.length());
        int dot = rest.indexOf('.');
        String route = dot < 0 ? rest : rest.substring(0, dot);
        if (dot < 0 || !LEAVES.contains(rest.substring(dot + 1))) {
          problems.add(
              settings.problem(key, "is not a known setting", ROUTES + "<route>." + LEAVES));
        } else if (!RateLimitKey.isValidRoute(route)) {
          problems.add(
              settings.problem(
                  key, "names an invalid route '" + route + "'", "[A-Za-z0-9][A-Za-z0-9_-]{0,62}"));
        } else {
          routes.add(route);
        }
      } else if (!key.equals(REQUESTS_PER_SECOND)
          && !key.equals(BURST)
          && !key.equals(REQUESTS_PER_HOUR)) {
        problems.add(
            settings.problem(
                key,
                "is not a known setting",
                List.of(REQUESTS_PER_SECOND, BURST, REQUESTS_PER_HOUR, ROUTES + "<route>.*")
                    .toString()));
      }
    }
    return routes;
  }

  private static RateLimitPolicy require(TenantSettings settings, Optional<String> route) {
    List<ConfigProblem> problems = new ArrayList<>();
    return policy(settings, route, problems).orElseThrow(() -> new ConfigException(problems));
  }

  /** Returns the policy, or empty after adding to {@code problems} why there is none. */
  private static Optional<RateLimitPolicy> policy(
      TenantSettings settings, Optional<String> route, List<ConfigProblem> problems) {
    String prefix = route.map(r -> ROUTES + r + ".").orElse("ratelimit.");
    String rpsKey = pick(settings, prefix + "requests-per-second", REQUESTS_PER_SECOND);
    if (!settings.contains(rpsKey)) {
      problems.add(
          settings.problem(
              REQUESTS_PER_SECOND, "is not set in any layer", "1 to " + MAX_PER_SECOND));
      return Optional.empty();
    }
    int before = problems.size();
    long perSecond = number(settings, rpsKey, MAX_PER_SECOND, problems);
    String burstKey = pick(settings, prefix + "burst", BURST);
    long burst =
        settings.contains(burstKey)
            ? number(settings, burstKey, Long.MAX_VALUE, problems)
            : perSecond;
    String hourKey = pick(settings, prefix + "requests-per-hour", REQUESTS_PER_HOUR);
    long perHour =
        settings.contains(hourKey) ? number(settings, hourKey, Long.MAX_VALUE, problems) : 0;
    if (problems.size() > before) {
      return Optional.empty();
    }
    List<Bandwidth> bandwidths = new ArrayList<>(2);
    bandwidth(settings, burstKey, burst, perSecond, Duration.ofSeconds(1), problems)
        .ifPresent(bandwidths::add);
    if (perHour > 0) {
      bandwidth(settings, hourKey, perHour, perHour, Duration.ofHours(1), problems)
          .ifPresent(bandwidths::add);
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RateLimitPolicy(settings.plan(), bandwidths));
    } catch (IllegalArgumentException e) {
      problems.add(
          settings.problem(
              rpsKey, "cannot name a policy after its plan: " + e.getMessage(), "a plan name"));
      return Optional.empty();
    }
  }

  /** Returns {@code routeKey} if set, else the tenant-wide {@code tenantKey}. */
  private static String pick(TenantSettings settings, String routeKey, String tenantKey) {
    return settings.contains(routeKey) ? routeKey : tenantKey;
  }

  private static Optional<Bandwidth> bandwidth(
      TenantSettings settings,
      String key,
      long capacity,
      long tokens,
      Duration period,
      List<ConfigProblem> problems) {
    try {
      return Optional.of(new Bandwidth(capacity, tokens, period));
    } catch (IllegalArgumentException e) {
      problems.add(
          settings.problem(
              key, "gives an impossible bandwidth: " + e.getMessage(), "a smaller value"));
      return Optional.empty();
    }
  }

  /** Returns the whole number {@code key} of 1 to {@code max}, or 0 after adding a problem. */
  private static long number(
      TenantSettings settings, String key, long max, List<ConfigProblem> problems) {
    String allowed = max == Long.MAX_VALUE ? "1 or more" : "1 to " + max;
    long value;
    try {
      value = settings.getLong(key).orElseThrow();
    } catch (ConfigException e) {
      problems.add(settings.problem(key, "is not a whole number", allowed));
      return 0;
    }
    if (value < 1 || value > max) {
      problems.add(settings.problem(key, "is out of range", allowed));
      return 0;
    }
    return value;
  }

  /** The same value written once is one problem, however many tenants inherit it. */
  private static String identity(ConfigProblem problem) {
    return problem.location().map(l -> l + " " + problem.path()).orElse(problem.message());
  }
}
