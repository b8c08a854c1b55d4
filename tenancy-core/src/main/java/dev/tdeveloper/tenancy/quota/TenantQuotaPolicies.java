package dev.tdeveloper.tenancy.quota;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads each tenant's {@link QuotaPolicy}s from its {@code tenants.yaml} settings, so plan quotas
 * live in configuration and change on reload. Pass it to {@link QuotaEnforcerBuilder#policies};
 * register {@link #problems} as a validator and {@link #update} as an applier of the {@link
 * dev.tdeveloper.tenancy.config.ReloadableTenantConfig}.
 *
 * <p>Settings, resolved per tenant through the usual layers, for each {@code <resource>} (a {@link
 * QuotaPolicy#requireResource resource token}; dots allowed, as in {@code
 * quota.exports.pdf.limit}):
 *
 * <ul>
 *   <li>{@code quota.<resource>.limit} (required, a whole number of 1 or more): the most that may
 *       be consumed in one window;
 *   <li>{@code quota.<resource>.period} (optional, default {@code DAY}): the window, one of the
 *       {@link QuotaPeriod} names in any case.
 * </ul>
 *
 * <p>Every configuration is checked whole — each plan (which covers unlisted tenants), each listed
 * tenant, and no other {@code quota.*} key — before it is used, and every bad setting is reported
 * with its file location, field path, value and what is allowed; the configuration in use then
 * stays as it was. A resource that no layer gives a limit has no quota (the enforcer throws {@link
 * UnknownQuotaException}).
 *
 * <p>A tenant's plan is the one {@code tenants.yaml} names for it (the file's default plan when it
 * is not listed) unless a plan lookup is given ({@link #of(TenantConfig, Function)}), usually the
 * {@link dev.tdeveloper.tenancy.spi.TenantRegistry TenantRegistry}'s {@link
 * dev.tdeveloper.tenancy.Tenant#plan()}: then a tenant the lookup knows gets its quotas from that
 * plan (plus its own overrides when the file lists it, see {@link
 * TenantConfig#settingsFor(TenantId, String)}), so a tenant that signed up or upgraded after the
 * file was written gets its plan's quotas, not the default plan's. The lookup is asked at every
 * {@link #find}, so a plan change applies to the next quota check.
 *
 * <p>Thread-safe (when the plan lookup is): the configuration in use is swapped atomically.
 */
public final class TenantQuotaPolicies implements QuotaPolicies {
  /** The prefix of quota settings: {@value}. */
  public static final String PREFIX = "quota.";

  /** The period of a quota that sets none. */
  public static final QuotaPeriod DEFAULT_PERIOD = QuotaPeriod.DAY;

  private static final String LIMIT = ".limit";
  private static final String PERIOD = ".period";
  private static final String PERIODS = Arrays.toString(QuotaPeriod.values());

  /** The most answers one configuration keeps; past it, {@link #find} computes each answer. */
  static final int MAX_CACHED = 4096;

  private final AtomicReference<Resolved> config;
  private final Function<? super TenantId, Optional<String>> planLookup;

  private TenantQuotaPolicies(
      TenantConfig config, Function<? super TenantId, Optional<String>> planLookup) {
    this.config = new AtomicReference<>(new Resolved(config));
    this.planLookup = planLookup;
  }

  /**
   * A configuration in use with the answers {@link #find} computed from it. A tenant the file does
   * not list gets its plan's values whoever it is, so its answers are kept per plan and resource; a
   * listed tenant's per tenant, plan and resource. Swapped whole on {@link #update}.
   */
  private static final class Resolved {
    final TenantConfig config;
    final Set<TenantId> listed;
    final ConcurrentHashMap<Key, Optional<QuotaPolicy>> answers = new ConcurrentHashMap<>();

    Resolved(TenantConfig config) {
      this.config = config;
      this.listed =
          config.tenants().stream().map(Tenant::id).collect(Collectors.toUnmodifiableSet());
    }
  }

  /**
   * What an answer depends on: the tenant if the file lists it, the looked-up plan, the resource.
   */
  private record Key(Optional<TenantId> listed, Optional<String> plan, String resource) {}

  /**
   * Returns the quotas of {@code config}, each tenant on the plan the file gives it.
   *
   * @throws ConfigException listing every bad quota setting
   */
  public static TenantQuotaPolicies of(TenantConfig config) {
    return of(config, id -> Optional.empty());
  }

  /**
   * Returns the quotas of {@code config}, each tenant on the plan {@code planLookup} answers for it
   * (for example {@code id -> registry.find(id).map(Tenant::plan)}), or on the file's plan for it
   * when the lookup answers empty. A plan the file does not declare makes {@link #find} throw a
   * {@link ConfigException} naming it and the known plans.
   *
   * @param config the configuration in use
   * @param planLookup the plan of a tenant, asked at every {@link #find}; must not return null
   * @throws ConfigException listing every bad quota setting
   */
  public static TenantQuotaPolicies of(
      TenantConfig config, Function<? super TenantId, Optional<String>> planLookup) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(planLookup, "planLookup");
    requireValid(config);
    return new TenantQuotaPolicies(config, planLookup);
  }

  /**
   * Puts {@code next} in use if all its quota settings are good.
   *
   * @throws ConfigException listing every bad setting; the configuration in use is unchanged
   */
  public void update(TenantConfig next) {
    requireValid(next);
    config.set(new Resolved(next));
  }

  /** Returns the configuration in use. */
  public TenantConfig config() {
    return config.get().config;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Answers are computed once per configuration, plan and resource (per tenant too for a tenant
   * the file lists) and kept until the next {@link #update}; the plan lookup is still asked every
   * time.
   *
   * @throws ConfigException if the plan lookup names a plan the file does not declare
   */
  @Override
  public Optional<QuotaPolicy> find(TenantId tenant, String resource) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(resource, "resource");
    Resolved current = config.get();
    Optional<String> plan =
        Objects.requireNonNull(planLookup.apply(tenant), "planLookup returned null");
    Key key =
        new Key(
            current.listed.contains(tenant) ? Optional.of(tenant) : Optional.empty(),
            plan,
            resource);
    Optional<QuotaPolicy> known = current.answers.get(key);
    if (known != null) {
      return known;
    }
    Optional<QuotaPolicy> answer = resolve(current.config, tenant, plan, resource);
    if (current.answers.size() < MAX_CACHED) {
      current.answers.putIfAbsent(key, answer);
    }
    return answer;
  }

  /** The plain path of {@link #find}: reads the tenant's settings in {@code config}. */
  static Optional<QuotaPolicy> resolve(
      TenantConfig config, TenantId tenant, Optional<String> plan, String resource) {
    TenantSettings settings =
        plan.isPresent() ? config.settingsFor(tenant, plan.get()) : config.settingsFor(tenant);
    return settings
        .getLong(PREFIX + resource + LIMIT)
        .map(limit -> QuotaPolicy.of(resource, limit, period(settings, resource)));
  }

  /**
   * Returns every bad quota setting of {@code config} in file order, each reported once (a bad plan
   * value is not repeated for every tenant on the plan); empty when all are good. Usable as a
   * {@link dev.tdeveloper.tenancy.config.ConfigValidator}.
   */
  public static List<ConfigProblem> problems(TenantConfig config) {
    Objects.requireNonNull(config, "config");
    Map<String, ConfigProblem> found = new LinkedHashMap<>();
    List<TenantSettings> all = new ArrayList<>();
    config.plans().forEach(plan -> all.add(config.settingsForPlan(plan)));
    config.tenants().stream().map(Tenant::id).forEach(id -> all.add(config.settingsFor(id)));
    for (TenantSettings settings : all) {
      for (String key : settings.keys()) {
        if (key.startsWith(PREFIX)) {
          check(settings, key).ifPresent(p -> found.putIfAbsent(identity(p), p));
        }
      }
    }
    return found.values().stream().sorted(ConfigProblem.IN_FILE_ORDER).toList();
  }

  private static void requireValid(TenantConfig config) {
    List<ConfigProblem> problems = problems(config);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private static Optional<ConfigProblem> check(TenantSettings settings, String key) {
    String allowedKeys = "quota.<resource>.limit and quota.<resource>.period";
    String resource;
    if (key.endsWith(LIMIT)) {
      resource = key.substring(PREFIX.length(), key.length() - LIMIT.length());
    } else if (key.endsWith(PERIOD)) {
      resource = key.substring(PREFIX.length(), key.length() - PERIOD.length());
    } else {
      return Optional.of(settings.problem(key, "is not a known quota setting", allowedKeys));
    }
    try {
      QuotaPolicy.requireResource(resource);
    } catch (IllegalArgumentException e) {
      return Optional.of(
          settings.problem(key, "names an invalid resource: " + e.getMessage(), allowedKeys));
    }
    if (key.endsWith(PERIOD)) {
      if (!settings.contains(PREFIX + resource + LIMIT)) {
        return Optional.of(
            settings.problem(
                key,
                "sets a period but no layer sets '" + PREFIX + resource + LIMIT + "'",
                "a period together with a limit"));
      }
      return parsePeriod(settings.getString(key).orElseThrow()).isPresent()
          ? Optional.empty()
          : Optional.of(settings.problem(key, "is not a quota period", "one of " + PERIODS));
    }
    Optional<Long> limit;
    try {
      limit = settings.getLong(key);
    } catch (ConfigException e) {
      return Optional.of(settings.problem(key, "is not a whole number", "1 or more"));
    }
    return limit.orElseThrow() < 1
        ? Optional.of(settings.problem(key, "is below the minimum", "1 or more"))
        : Optional.empty();
  }

  private static QuotaPeriod period(TenantSettings settings, String resource) {
    return settings
        .getString(PREFIX + resource + PERIOD)
        .map(text -> parsePeriod(text).orElseThrow())
        .orElse(DEFAULT_PERIOD);
  }

  private static Optional<QuotaPeriod> parsePeriod(String text) {
    String name = text.toUpperCase(Locale.ROOT);
    return Arrays.stream(QuotaPeriod.values()).filter(p -> p.name().equals(name)).findFirst();
  }

  /** The same value written once is one problem, however many tenants inherit it. */
  private static String identity(ConfigProblem problem) {
    return problem.location().map(l -> l + " " + problem.path()).orElse(problem.message());
  }
}
