package dev.tdeveloper.tenancy.config;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings one tenant (or one plan) resolves to: for each dotted key, the value of the most
 * specific layer that sets it ({@link ConfigLayer#TENANT} over {@link ConfigLayer#PLAN} over {@link
 * ConfigLayer#DEFAULTS}; a layer added with {@link #with(SettingsLayer)}, such as a region's {@link
 * ConfigLayer#REGION}, takes its place in that order).
 *
 * <p>The {@code getX} methods return empty when no layer sets the key and throw a {@link
 * ConfigException} when the value has the wrong type, so a typo in the file is never mistaken for
 * absence. The {@code requireX} methods also throw when the key is missing. Messages name the key,
 * the tenant or plan, the layer that supplied the value, its file location and the expected type.
 * Conversions: integers must be written as YAML integers and fit the Java type; doubles accept
 * integers and floats; booleans are {@code true}/{@code false}; durations are strings in ISO-8601
 * ({@code PT1S}, {@code P1D}) or a whole number with unit {@code ms}, {@code s}, {@code m}, {@code
 * h} or {@code d}; any scalar can be read as a string.
 *
 * <p>Immutable and thread-safe.
 */
public final class TenantSettings {
  private final TenantId tenant;
  private final String plan;
  private final Map<String, Setting> resolved;
  private final List<SettingsLayer> added; // layers added with with(), in the order added

  /** Wraps resolved settings; {@code tenant} is null for a plan's settings. */
  TenantSettings(TenantId tenant, String plan, Map<String, Setting> resolved) {
    this(tenant, plan, resolved, List.of());
  }

  private TenantSettings(
      TenantId tenant, String plan, Map<String, Setting> resolved, List<SettingsLayer> added) {
    this.tenant = tenant;
    this.plan = Objects.requireNonNull(plan, "plan");
    this.resolved = Objects.requireNonNull(resolved, "resolved");
    this.added = added;
  }

  /** Returns these plan settings as tenant {@code id}'s (a tenant with no overrides). */
  TenantSettings forTenant(TenantId id) {
    return new TenantSettings(id, plan, resolved, added);
  }

  /**
   * Returns these settings with {@code layer} added in its place in the layer order: each of its
   * keys takes the layer's value unless the current value comes from a more specific layer. Adding
   * a {@link ConfigLayer#REGION} layer to a tenant's settings gives defaults &lt;- plan &lt;-
   * region &lt;- tenant; {@link #source(String)} then answers {@code REGION} for the keys the
   * region supplied. This object is unchanged.
   *
   * @param layer the layer to add
   * @return the combined settings
   * @throws NullPointerException if {@code layer} is null
   */
  public TenantSettings with(SettingsLayer layer) {
    Objects.requireNonNull(layer, "layer");
    TreeMap<String, Setting> merged = new TreeMap<>(resolved);
    layer
        .settings()
        .forEach(
            (key, setting) -> {
              Setting current = merged.get(key);
              if (current == null || current.layer().compareTo(setting.layer()) <= 0) {
                merged.put(key, setting);
              }
            });
    return new TenantSettings(
        tenant,
        plan,
        ImmutableSortedMap.copyOf(merged),
        ImmutableList.<SettingsLayer>builder().addAll(added).add(layer).build());
  }

  /** Returns the tenant these settings are for; empty for {@link TenantConfig#settingsForPlan}. */
  public Optional<TenantId> tenant() {
    return Optional.ofNullable(tenant);
  }

  /** Returns the plan whose layer these settings include. */
  public String plan() {
    return plan;
  }

  /** Returns every key that some layer sets, sorted. */
  public Set<String> keys() {
    return resolved.keySet();
  }

  /** Returns whether some layer sets {@code key}. */
  public boolean contains(String key) {
    return resolved.containsKey(Objects.requireNonNull(key, "key"));
  }

  /** Returns the layer that supplied {@code key}'s value; empty when no layer sets it. */
  public Optional<ConfigLayer> source(String key) {
    return setting(key).map(Setting::layer);
  }

  /** Returns where in the file {@code key}'s value was written; empty when no layer sets it. */
  public Optional<ConfigLocation> location(String key) {
    return setting(key).map(Setting::location);
  }

  /**
   * Returns a {@link ConfigProblem} with {@code key}'s value, for a {@link ConfigValidator}: its
   * location, its field path where it is written (for example {@code
   * plans.free.settings.ratelimit.burst}) and its text as the value; the problem reads {@code
   * setting 'key' of <tenant or plan> (from layer L) <problem>}. When no layer sets {@code key} the
   * problem has no location nor value, and its path is the key.
   *
   * @param key the setting concerned
   * @param problem what is wrong, for example {@code is below the minimum}
   * @param allowed what would be accepted, for example {@code 1 or more}
   * @throws NullPointerException if an argument is null
   */
  public ConfigProblem problem(String key, String problem, String allowed) {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(allowed, "allowed");
    Optional<Setting> found = setting(key);
    String text =
        "setting '"
            + key
            + "' of "
            + owner()
            + found.map(s -> " (from layer " + s.layer() + ")").orElse("")
            + " "
            + problem;
    return found
        .map(s -> ConfigProblem.at(s.location(), s.path(), shown(s.value().text()), text, allowed))
        .orElseGet(
            () ->
                new ConfigProblem(
                    Optional.empty(), key, Optional.empty(), text, Optional.of(allowed)));
  }

  /** Returns a value for a message: as written when short printable ASCII, else quoted. */
  private static String shown(String text) {
    return text.length() <= Texts.QUOTE_LIMIT && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
        ? text
        : Texts.quote(text);
  }

  /** Returns {@code key} as text; any scalar qualifies (numbers in canonical decimal form). */
  public Optional<String> getString(String key) {
    return get(key, Conversions.STRING);
  }

  /** Returns {@code key} as text; throws {@link ConfigException} if no layer sets it. */
  public String requireString(String key) {
    return require(key, Conversions.STRING);
  }

  /**
   * Returns {@code key} as an int; throws {@link ConfigException} if not an integer in int range.
   */
  public Optional<Integer> getInt(String key) {
    return get(key, Conversions.INT);
  }

  /** Returns {@code key} as an int; throws {@link ConfigException} if missing or not an int. */
  public int requireInt(String key) {
    return require(key, Conversions.INT);
  }

  /**
   * Returns {@code key} as a long; throws {@link ConfigException} if not an integer in long range.
   */
  public Optional<Long> getLong(String key) {
    return get(key, Conversions.LONG);
  }

  /** Returns {@code key} as a long; throws {@link ConfigException} if missing or not a long. */
  public long requireLong(String key) {
    return require(key, Conversions.LONG);
  }

  /**
   * Returns {@code key} as a boolean; throws {@link ConfigException} if not {@code true}/{@code
   * false}.
   */
  public Optional<Boolean> getBoolean(String key) {
    return get(key, Conversions.BOOLEAN);
  }

  /**
   * Returns {@code key} as a boolean; throws {@link ConfigException} if missing or not a boolean.
   */
  public boolean requireBoolean(String key) {
    return require(key, Conversions.BOOLEAN);
  }

  /**
   * Returns {@code key} as a duration; throws {@link ConfigException} if not a non-negative
   * duration.
   */
  public Optional<Duration> getDuration(String key) {
    return get(key, Conversions.DURATION);
  }

  /**
   * Returns {@code key} as a duration; throws {@link ConfigException} if missing or not a duration.
   */
  public Duration requireDuration(String key) {
    return require(key, Conversions.DURATION);
  }

  /** Returns {@code key} as a double; throws {@link ConfigException} if not a finite number. */
  public Optional<Double> getDouble(String key) {
    return get(key, Conversions.DOUBLE);
  }

  /** Returns {@code key} as a double; throws {@link ConfigException} if missing or not a number. */
  public double requireDouble(String key) {
    return require(key, Conversions.DOUBLE);
  }

  /** Returns whether both resolve every key to the same value (layers and locations ignored). */
  boolean sameValuesAs(TenantSettings other) {
    if (!resolved.keySet().equals(other.resolved.keySet())) {
      return false;
    }
    for (Map.Entry<String, Setting> e : resolved.entrySet()) {
      if (!e.getValue().value().equals(other.resolved.get(e.getKey()).value())) {
        return false;
      }
    }
    return true;
  }

  private Optional<Setting> setting(String key) {
    return Optional.ofNullable(resolved.get(Objects.requireNonNull(key, "key")));
  }

  private <T> Optional<T> get(String key, Conversions.Type<T> type) {
    Optional<Setting> found = setting(key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Setting setting = found.get();
    Optional<T> value = type.converter().apply(setting.value());
    if (value.isEmpty()) {
      throw new ConfigException(
          setting.location(),
          setting.path(),
          "setting '"
              + key
              + "' of "
              + owner()
              + " (from layer "
              + setting.layer()
              + ") is "
              + setting.value().describe()
              + ", expected "
              + type.expected());
    }
    return value;
  }

  private <T> T require(String key, Conversions.Type<T> type) {
    return get(key, type)
        .orElseThrow(
            () ->
                new ConfigException(
                    key,
                    "setting '"
                        + key
                        + "' is not set for "
                        + owner()
                        + " in any layer (searched "
                        + searched()
                        + "); expected "
                        + type.expected()));
  }

  /**
   * Lists the layers searched, most specific first: {@code TENANT 'acme', PLAN 'pro', DEFAULTS}.
   */
  private String searched() {
    StringBuilder out = new StringBuilder();
    if (tenant != null) {
      out.append("TENANT '").append(tenant).append("', ");
    }
    for (ConfigLayer layer : List.of(ConfigLayer.TENANT, ConfigLayer.REGION, ConfigLayer.PLAN)) {
      for (SettingsLayer a : added) {
        if (a.layer() == layer) {
          out.append(layer).append(" '").append(a.name()).append("', ");
        }
      }
      if (layer == ConfigLayer.PLAN) {
        out.append("PLAN '").append(plan).append("', ");
      }
    }
    for (SettingsLayer a : added) {
      if (a.layer() == ConfigLayer.DEFAULTS) {
        out.append("DEFAULTS '").append(a.name()).append("', ");
      }
    }
    return out.append("DEFAULTS").toString();
  }

  private String owner() {
    StringBuilder layers = new StringBuilder("plan '").append(plan).append('\'');
    for (SettingsLayer a : added) {
      layers
          .append(", ")
          .append(a.layer().name().toLowerCase(Locale.ROOT))
          .append(" '")
          .append(a.name())
          .append('\'');
    }
    return tenant == null ? layers.toString() : "tenant '" + tenant + "' (" + layers + ")";
  }

  @Override
  public String toString() {
    return "TenantSettings[" + owner() + ", keys=" + resolved.keySet() + "]";
  }
}
