package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code RULE} collection: the rule being evaluated ({@code %{rule.id}}, {@code %{rule.msg}},
 * {@code RULE:severity}). The evaluator hands over the rule's static metadata, built once per rule
 * at load time, when the rule starts, and adds values computed at match time ({@code msg} and
 * {@code logdata} after expansion). Keys are lower case. Confined to one transaction.
 */
public final class RuleVariables {
  private Map<String, String> metadata = Map.of();
  private final Map<String, String> overlay = new HashMap<>(4);

  RuleVariables() {}

  /**
   * Starts a rule: its metadata replaces the previous rule's, and values added with {@link #put}
   * are forgotten.
   *
   * @param metadata the rule's values, keys lower case ({@code id}, {@code rev}, {@code severity},
   *     {@code ver}, {@code maturity}, {@code accuracy}, {@code msg}, {@code logdata}); shared,
   *     never modified here
   */
  public void enter(Map<String, String> metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    overlay.clear();
  }

  /**
   * Adds or replaces a value of the current rule.
   *
   * @param key the key, any case ({@code msg})
   * @param value the value
   */
  public void put(String key, String value) {
    overlay.put(key.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, "value"));
  }

  /** A value of the current rule; empty when it has none. */
  String value(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    String v = overlay.get(k);
    return v != null ? v : metadata.getOrDefault(k, "");
  }

  /** Appends the selected values as targets named {@code RULE:key}. */
  void collect(Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out) {
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      if (!overlay.containsKey(e.getKey()) && Selection.selects(e.getKey(), key, keyPattern)) {
        out.add(new Target("RULE:" + e.getKey(), e.getKey(), e.getValue()));
      }
    }
    for (Map.Entry<String, String> e : overlay.entrySet()) {
      if (Selection.selects(e.getKey(), key, keyPattern)) {
        out.add(new Target("RULE:" + e.getKey(), e.getKey(), e.getValue()));
      }
    }
  }
}
