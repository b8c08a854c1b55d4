package dev.tdeveloper.tenancy.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Flattens the nested {@code settings} mappings of one layer into dotted keys, and checks that no
 * key is both a value and a section across all layers of a file (for example {@code quota: 5} in
 * the defaults and {@code quota.notes.limit: 100} in a plan). Not thread-safe: one per load.
 */
final class Layers {
  /** The rule for each dot-separated part of a setting key. */
  static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  private final TreeMap<String, Setting> firstByKey = new TreeMap<>();

  /**
   * Flattens {@code settings} (a mapping or null) into dotted keys.
   *
   * @throws ConfigException for an invalid key part, a null or sequence value, or a key set twice
   *     in the layer (once nested, once dotted)
   */
  Map<String, Setting> flatten(Node settings, ConfigLayer layer) {
    Map<String, Setting> out = new TreeMap<>();
    if (!(settings instanceof Node.NullNode)) {
      flatten(ConfigBinder.mapping(settings), "", layer, out);
    }
    return out;
  }

  private void flatten(
      Node.MapNode node, String prefix, ConfigLayer layer, Map<String, Setting> out) {
    node.values()
        .forEach(
            (key, value) -> {
              ConfigLocation keyLocation = node.keyLocations().get(key);
              for (String segment : key.split("\\.", -1)) {
                if (!SEGMENT.matcher(segment).matches()) {
                  throw new ConfigException(
                      keyLocation,
                      node.childPath(key),
                      "invalid setting key '"
                          + key
                          + "': each dot-separated part must match "
                          + SEGMENT.pattern()
                          + " (lowercase letters, digits, '-' and '_')");
                }
              }
              String fullKey = prefix.isEmpty() ? key : prefix + "." + key;
              if (value instanceof Node.MapNode nested) {
                flatten(nested, fullKey, layer, out);
              } else if (value instanceof Node.ScalarNode scalar) {
                Setting setting =
                    new Setting(scalar.value(), layer, scalar.location(), scalar.path());
                Setting previous = out.putIfAbsent(fullKey, setting);
                if (previous != null) {
                  throw value.error(
                      "setting '"
                          + fullKey
                          + "' is set twice in this layer (also at "
                          + previous.location()
                          + ")");
                }
                firstByKey.putIfAbsent(fullKey, setting);
              } else if (value instanceof Node.NullNode) {
                throw value.error(
                    "setting '"
                        + fullKey
                        + "' has no value; remove the key to inherit the value of a lower layer");
              } else {
                throw value.error(
                    "setting '"
                        + fullKey
                        + "' is "
                        + value.describe()
                        + "; a setting is a string, number or boolean, or a mapping of settings");
              }
            });
  }

  /**
   * Checks that no key flattened so far is a prefix section of another.
   *
   * @throws ConfigException at the later of the two conflicting keys, naming both
   */
  void checkNoValueIsAlsoASection() {
    for (Map.Entry<String, Setting> entry : firstByKey.entrySet()) {
      String key = entry.getKey();
      String inside = firstByKey.ceilingKey(key + ".");
      if (inside != null && inside.startsWith(key + ".")) {
        Setting value = entry.getValue();
        Setting section = firstByKey.get(inside);
        List<Setting> ordered =
            before(value.location(), section.location())
                ? List.of(value, section)
                : List.of(section, value);
        Setting later = ordered.get(1);
        throw new ConfigException(
            later.location(),
            later.path(),
            "setting '"
                + key
                + "' has a value but '"
                + inside
                + "' makes it a section (see "
                + ordered.get(0).location()
                + "); a key cannot be both");
      }
    }
  }

  private static boolean before(ConfigLocation a, ConfigLocation b) {
    return a.line() < b.line() || (a.line() == b.line() && a.column() <= b.column());
  }
}
