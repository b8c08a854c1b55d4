package dev.tdeveloper.tenancy.config;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Maps;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One more layer of settings from outside {@code tenants.yaml}, such as a region's overrides in
 * {@code regions.yaml}, to add to a tenant's settings with {@link TenantSettings#with}. The layer
 * is flattened to dotted keys with the rules of {@code tenants.yaml} (each dot-separated part
 * matches {@code [a-z0-9][a-z0-9_-]{0,62}}; values are scalars; a key set once; no key both a value
 * and a section), and keeps where each value was written so that a wrong type read later is
 * reported at its place in the other file.
 *
 * <p>Immutable and thread-safe.
 */
public final class SettingsLayer {
  private final ConfigLayer layer;
  private final String name;
  private final Map<String, Setting> settings;

  private SettingsLayer(ConfigLayer layer, String name, Map<String, Setting> settings) {
    this.layer = layer;
    this.name = name;
    this.settings = ImmutableSortedMap.copyOf(settings);
  }

  /**
   * Flattens a {@code settings} mapping read with {@link YamlConfigFiles}.
   *
   * @param layer the layer the values belong to, {@link ConfigLayer#REGION} for a region's
   * @param name what the layer is for messages, such as the region's id {@code eu-west-1}
   * @param settings a mapping of settings (nested or dotted keys), or null for none
   * @return the layer
   * @throws NullPointerException if an argument is null
   * @throws ConfigException at the offending key or value, for a key part that breaks the rule, a
   *     null or sequence value, a key set twice, or a key that is both a value and a section
   */
  public static SettingsLayer parse(ConfigLayer layer, String name, Node settings) {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
    Layers layers = new Layers();
    Map<String, Setting> flat = layers.flatten(settings, layer);
    layers.checkNoValueIsAlsoASection();
    return new SettingsLayer(layer, name, flat);
  }

  /**
   * Makes a layer from dotted keys given in code; every value is reported at {@code location}.
   *
   * @param layer the layer the values belong to
   * @param name what the layer is for messages
   * @param values dotted key to value
   * @param location where the values come from, for messages
   * @return the layer
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException naming a key whose part breaks the rule, or that is both a
   *     value and a section
   */
  public static SettingsLayer of(
      ConfigLayer layer, String name, Map<String, Scalar> values, ConfigLocation location) {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    TreeMap<String, Setting> flat = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          for (String segment : key.split("\\.", -1)) {
            if (!Layers.SEGMENT.matcher(segment).matches()) {
              throw new IllegalArgumentException(
                  "invalid setting key '"
                      + key
                      + "'; allowed: dot-separated parts matching "
                      + Layers.SEGMENT.pattern());
            }
          }
          flat.put(key, new Setting(value, layer, location, key));
        });
    for (String key : flat.keySet()) {
      String inside = flat.ceilingKey(key + ".");
      if (inside != null && inside.startsWith(key + ".")) {
        throw new IllegalArgumentException(
            "setting '" + key + "' has a value but '" + inside + "' makes it a section");
      }
    }
    return new SettingsLayer(layer, name, flat);
  }

  /** Returns the layer its values belong to. */
  public ConfigLayer layer() {
    return layer;
  }

  /** Returns what the layer is, for messages (a region's id, for example). */
  public String name() {
    return name;
  }

  /** Returns the values by dotted key, sorted. */
  public Map<String, Scalar> values() {
    return Maps.transformValues(settings, Setting::value);
  }

  /** Returns where {@code key}'s value was written; empty when the layer does not set it. */
  public Optional<ConfigLocation> location(String key) {
    return Optional.ofNullable(settings.get(Objects.requireNonNull(key, "key")))
        .map(Setting::location);
  }

  Map<String, Setting> settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "SettingsLayer[" + layer + " '" + name + "', keys=" + settings.keySet() + "]";
  }
}
