package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.RegexOutcome;
import dev.tdeveloper.security.waf.regex.WafPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
  // The keys in the map's order, appended on a first write and rebuilt on a removal, so that what
  // each key regex selected can be kept and extended instead of searched again on every read.
  private final List<String> order = new ArrayList<>();
  private int removals;
  // Made on the first key regex read (GEO and ENV never have one).
  private Map<WafPattern, Selected> selections;
  // While a PolicyPlan is built: every write, as the key and the target it left (null: removed).
  private java.util.function.BiConsumer<String, Target> journal;

  /** The keys a key regex selects among the first {@code scanned} of {@link #order}. */
  private static final class Selected {
    final List<String> keys = new ArrayList<>();
    int scanned;
    int removalsSeen;
  }

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
    Target t = lookup(key);
    return t == null ? Optional.empty() : Optional.of(t.value());
  }

  /**
   * The target of a key, any case. Keys are kept in lower case, and rules name them so (the rule
   * compiler folds them): a key found as given needs no folding, and one that folding leaves
   * unchanged no second lookup.
   */
  private Target lookup(String key) {
    Target t = values.get(key);
    if (t == null) {
      String k = key.toLowerCase(Locale.ROOT);
      if (k != key) {
        t = values.get(k);
      }
    }
    return t;
  }

  /**
   * A value or a default, without wrapping (macro expansion reads {@code TX} per match).
   *
   * @param key the key, any case
   * @param otherwise the default
   * @return the value, or {@code otherwise} when absent
   */
  String getOr(String key, String otherwise) {
    Target t = lookup(key);
    return t == null ? otherwise : t.value();
  }

  @Override
  public void set(String key, String value) {
    String k = key.toLowerCase(Locale.ROOT);
    Target old = values.get(k);
    if (old == null) {
      values.put(k, new Target(name + ":" + k, k, value));
      order.add(k);
    } else if (!old.value().equals(value)) {
      values.put(k, new Target(old.name(), old.key(), value));
    }
    if (journal != null) {
      journal.accept(k, values.get(k));
    }
  }

  /** One lookup of the key for the read and the write. */
  @Override
  public void add(String key, long delta) {
    String k = key.toLowerCase(Locale.ROOT);
    Target old = values.get(k);
    long current = old == null ? 0 : SetvarAction.leadingInteger(old.value());
    String value = Long.toString(current + delta);
    if (old == null) {
      values.put(k, new Target(name + ":" + k, k, value));
      order.add(k);
    } else if (!old.value().equals(value)) {
      values.put(k, new Target(old.name(), old.key(), value));
    }
    if (journal != null) {
      journal.accept(k, values.get(k));
    }
  }

  @Override
  public void remove(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (values.remove(k) != null) {
      order.clear();
      order.addAll(values.keySet());
      removals++;
    }
    if (journal != null) {
      journal.accept(k, null);
    }
  }

  /**
   * Records every later write (set, add, remove) until called with null.
   *
   * @param consumer receives the lower-case key and the target the write left, null for a removal
   */
  void journal(java.util.function.BiConsumer<String, Target> consumer) {
    this.journal = consumer;
  }

  /**
   * Repeats a write {@link #journal(java.util.function.BiConsumer)} recorded: the same map, key
   * order and value as the write itself would leave.
   *
   * @param key the lower-case key
   * @param target the target to keep, null to remove the key
   */
  void replay(String key, Target target) {
    if (target == null) {
      remove(key);
    } else if (values.put(key, target) == null) {
      order.add(key);
    }
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
      Target t = lookup(key.get());
      if (t != null) {
        out.add(t);
      }
      return;
    }
    if (keyPattern.isEmpty()) {
      out.addAll(values.values());
      return;
    }
    for (String k : selected(keyPattern.get())) {
      if (key.isEmpty() || k.equalsIgnoreCase(key.get())) {
        out.add(values.get(k));
      }
    }
  }

  /** The keys a key regex selects, in the map's order: searched once per key and pattern. */
  private List<String> selected(WafPattern pattern) {
    if (selections == null) {
      selections = new IdentityHashMap<>();
    }
    Selected s = selections.computeIfAbsent(pattern, p -> new Selected());
    if (s.removalsSeen != removals) {
      s.keys.clear();
      s.scanned = 0;
      s.removalsSeen = removals;
    }
    for (; s.scanned < order.size(); s.scanned++) {
      String k = order.get(s.scanned);
      if (pattern.find(k, null) == RegexOutcome.MATCHED) { // Selection.selects by pattern only
        s.keys.add(k);
      }
    }
    return s.keys;
  }
}
