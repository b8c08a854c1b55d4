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
  // Each value is kept as the target rules read it, built once per write: CRS reads TX far more
  // often than it writes it.
  private final Map<String, Target> values = new LinkedHashMap<>();

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
    Target t = values.get(key.toLowerCase(Locale.ROOT));
    return t == null ? Optional.empty() : Optional.of(t.value());
  }

  /**
   * A value or a default, without wrapping (macro expansion reads {@code TX} per match).
   *
   * @param key the key, any case
   * @param otherwise the default
   * @return the value, or {@code otherwise} when absent
   */
  String getOr(String key, String otherwise) {
    Target t = values.get(key.toLowerCase(Locale.ROOT));
    return t == null ? otherwise : t.value();
  }

  @Override
  public void set(String key, String value) {
    String k = key.toLowerCase(Locale.ROOT);
    values.put(k, new Target(name + ":" + k, k, value));
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
      Target t = values.get(k);
      if (t != null) {
        out.add(t);
      }
      return;
    }
    for (Target t : values.values()) {
      if (Selection.selects(t.key(), key, keyPattern)) {
        out.add(t);
      }
    }
  }
}
