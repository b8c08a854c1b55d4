package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code TX} collection: one per transaction, keys lower case in order of first write. Also
 * used for the read-only-to-rules {@code GEO} and {@code ENV} collections. Confined to one
 * transaction.
 */
final class TxCollection implements MutableCollection {
  private final String name;
  private final Map<String, String> values = new LinkedHashMap<>();

  /**
   * An empty collection.
   *
   * @param name the collection name as targets spell it ({@code TX})
   */
  TxCollection(String name) {
    this.name = name;
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key.toLowerCase(Locale.ROOT)));
  }

  /**
   * A value or a default, without wrapping (macro expansion reads {@code TX} per match).
   *
   * @param key the key, any case
   * @param otherwise the default
   * @return the value, or {@code otherwise} when absent
   */
  String getOr(String key, String otherwise) {
    return values.getOrDefault(key.toLowerCase(Locale.ROOT), otherwise);
  }

  @Override
  public void set(String key, String value) {
    values.put(key.toLowerCase(Locale.ROOT), value);
  }

  @Override
  public void remove(String key) {
    values.remove(key.toLowerCase(Locale.ROOT));
  }

  /** A no-op: {@code TX} ends with its transaction. */
  @Override
  public void expire(String key, Duration after) {
    // TX values live exactly as long as the transaction.
  }

  @Override
  public Set<String> keys() {
    return Set.copyOf(values.keySet());
  }

  /**
   * Appends the selected values as targets named {@code TX:key}.
   *
   * @param key the selector key; empty for all
   * @param keyPattern the selector regex; empty for none
   * @param out where the targets go
   */
  void collect(Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out) {
    if (key.isPresent() && keyPattern.isEmpty()) {
      String k = key.get().toLowerCase(Locale.ROOT);
      String v = values.get(k);
      if (v != null) {
        out.add(new Target(name + ":" + k, k, v));
      }
      return;
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (Selection.selects(e.getKey(), key, keyPattern)) {
        out.add(new Target(name + ":" + e.getKey(), e.getKey(), e.getValue()));
      }
    }
  }
}
