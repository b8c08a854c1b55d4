package dev.tdeveloper.security.ratelimit;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

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
 * each listed tenant, each route, and no unknown {@code ratelimit.*} key — before it is used, and a
 * bad one is refused with a {@link ConfigException} naming the tenant or plan, the key, the value,
 * its file location and what is allowed; the configuration in use then stays as it was.
 *
 * <p>Thread-safe: the configuration in use is swapped atomically.
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

  private TenantRateLimitPolicies(TenantConfig config) {
    this.config = new AtomicReference<>(config);
  }

  /**
   * Returns the policies of {@code config}.
   *
   * @throws ConfigException if a rate-limit setting of some plan, tenant or route is bad
   */
  public static TenantRateLimitPolicies of(TenantConfig config) {
    validate(config);
    return new TenantRateLimitPolicies(config);
  }

  /**
   * Puts {@code next} in use if all its rate-limit settings are good; call {@link
   * RateLimiter#refreshPolicies()} afterwards.
   *
   * @throws ConfigException if a setting is bad; the configuration in use is unchanged
   */
  public void update(TenantConfig next) {
    validate(next);
    config.set(next);
  }

  /** Returns the configuration in use. */
  public TenantConfig config() {
    return config.get();
  }

  /** Returns the policy of {@code tenant} as a whole. */
  public RateLimitPolicy forTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return policy(config.get().settingsFor(tenant), Optional.empty());
  }

  /** Returns the policy of {@code key}: its route's when it has one, else its tenant's. */
  public RateLimitPolicy forKey(RateLimitKey key) {
    Objects.requireNonNull(key, "key");
    return policy(config.get().settingsFor(key.tenant()), key.route());
  }

  /**
   * Checks every rate-limit setting of {@code config}: every plan (which covers unlisted tenants),
   * every listed tenant, and every route either names.
   *
   * @throws ConfigException naming the first bad setting
   */
  public static void validate(TenantConfig config) {
    Objects.requireNonNull(config, "config");
    List<TenantSettings> all = new ArrayList<>();
    for (String plan : config.plans()) {
      all.add(config.settingsForPlan(plan));
    }
    for (Tenant tenant : config.tenants()) {
      all.add(config.settingsFor(tenant.id()));
    }
    for (TenantSettings settings : all) {
      policy(settings, Optional.empty());
      for (String route : routes(settings)) {
        policy(settings, Optional.of(route));
      }
    }
  }

  /** Returns the routes {@code settings} configure, checking every {@code ratelimit.*} key. */
  private static Set<String> routes(TenantSettings settings) {
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
          throw bad(settings, key, "is not a known setting; a route allows " + LEAVES);
        }
        if (!RateLimitKey.isValidRoute(route)) {
          throw bad(
              settings,
              key,
              "names route '" + route + "', which is not [A-Za-z0-9][A-Za-z0-9_-]{0,62}");
        }
        routes.add(route);
      } else if (!key.equals(REQUESTS_PER_SECOND)
          && !key.equals(BURST)
          && !key.equals(REQUESTS_PER_HOUR)) {
        throw bad(
            settings,
            key,
            "is not a known setting; known: "
                + List.of(REQUESTS_PER_SECOND, BURST, REQUESTS_PER_HOUR, ROUTES + "<route>.*"));
      }
    }
    return routes;
  }

  private static RateLimitPolicy policy(TenantSettings settings, Optional<String> route) {
    String prefix = route.map(r -> ROUTES + r + ".").orElse("ratelimit.");
    String rpsKey = pick(settings, prefix + "requests-per-second", REQUESTS_PER_SECOND);
    if (!settings.contains(rpsKey)) {
      throw new ConfigException(
          REQUESTS_PER_SECOND,
          "setting '"
              + REQUESTS_PER_SECOND
              + "' is not set for "
              + owner(settings)
              + " in any layer; expected a whole number of requests per second from 1 to "
              + MAX_PER_SECOND);
    }
    long perSecond = number(settings, rpsKey, 1, MAX_PER_SECOND);
    String burstKey = pick(settings, prefix + "burst", BURST);
    long burst =
        settings.contains(burstKey) ? number(settings, burstKey, 1, Long.MAX_VALUE) : perSecond;
    List<Bandwidth> bandwidths = new ArrayList<>(2);
    bandwidths.add(bandwidth(settings, burstKey, burst, perSecond, Duration.ofSeconds(1)));
    String hourKey = pick(settings, prefix + "requests-per-hour", REQUESTS_PER_HOUR);
    if (settings.contains(hourKey)) {
      long perHour = number(settings, hourKey, 1, Long.MAX_VALUE);
      bandwidths.add(bandwidth(settings, hourKey, perHour, perHour, Duration.ofHours(1)));
    }
    try {
      return new RateLimitPolicy(settings.plan(), bandwidths);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "plans",
          "plan of " + owner(settings) + " cannot name a rate-limit policy: " + e.getMessage());
    }
  }

  /** Returns {@code routeKey} if set, else the tenant-wide {@code tenantKey}. */
  private static String pick(TenantSettings settings, String routeKey, String tenantKey) {
    return settings.contains(routeKey) ? routeKey : tenantKey;
  }

  private static Bandwidth bandwidth(
      TenantSettings settings, String key, long capacity, long tokens, Duration period) {
    try {
      return new Bandwidth(capacity, tokens, period);
    } catch (IllegalArgumentException e) {
      throw bad(settings, key, "gives an impossible bandwidth: " + e.getMessage());
    }
  }

  private static long number(TenantSettings settings, String key, long min, long max) {
    long value = settings.getLong(key).orElseThrow();
    if (value < min || value > max) {
      throw bad(
          settings,
          key,
          "must be "
              + (max == Long.MAX_VALUE ? "at least " + min : min + " to " + max)
              + ", was "
              + value);
    }
    return value;
  }

  private static ConfigException bad(TenantSettings settings, String key, String problem) {
    String message =
        "setting '"
            + key
            + "' of "
            + owner(settings)
            + settings.source(key).map(layer -> " (from layer " + layer + ")").orElse("")
            + " "
            + problem;
    return settings
        .location(key)
        .map(location -> new ConfigException(location, key, message))
        .orElseGet(() -> new ConfigException(key, message));
  }

  private static String owner(TenantSettings settings) {
    return settings
        .tenant()
        .map(t -> "tenant '" + t + "' (plan '" + settings.plan() + "')")
        .orElse("plan '" + settings.plan() + "'");
  }
}
