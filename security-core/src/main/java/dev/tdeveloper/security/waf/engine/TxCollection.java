package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.RegexOutcome;
import dev.tdeveloper.security.waf.regex.WafPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
  private static final Target[] NONE = new Target[0];
  private static final int EXPECTED_KEYS = 64;
  private static final int[] NO_NUMBERS = new int[0];

  private final String name;
  // The keys TxKeys had numbered when the collection was made: a key numbered later (by a rule set
  // loaded since) is kept by name, so that no key moves while the collection lives.
  private final int bound = TxKeys.count();
  // Each value is kept as the target rules read it, built once per write: CRS reads TX far more
  // often than it writes it. Keys that TxKeys numbers are kept by number (a compiled rule reaches
  // them without hashing), the others by name.
  private Target[] slots = NONE;
  // Made on the first write of a key without a number: GEO and ENV, made for every transaction
  // and rarely written, need no map, nor TX while every key written is numbered.
  private Map<String, Target> others;
  // The keys in order of first write (a key removed and written again goes last), so that what
  // each key regex selected can be kept and extended instead of searched again on every read.
  // CRS 3.3.4 writes about 55 TX keys per request: TX starts with room for 64, GEO and ENV empty.
  private final List<String> order;
  // The TxKeys number of each key of order (-1: none), for the answers TxKeyMatches keeps.
  private int[] orderNumbers;
  private int removals;
  // Made on the first key regex read (GEO and ENV never have one).
  // Each key regex read and what it selected, in order of first read (CRS reads two or three
  // patterns: a linear search beats a map made per transaction).
  private WafPattern[] selectedBy;
  private Selected[] selections;
  private int selectionCount;
  // While a PolicyPlan is built: every write, as the key and the target it left (null: removed).
  private java.util.function.BiConsumer<String, Target> journal;

  /** What a key regex selected: made on its first read. */
  private Selected selection(WafPattern pattern) {
    for (int i = 0; i < selectionCount; i++) {
      if (selectedBy[i] == pattern) {
        return selections[i];
      }
    }
    if (selections == null) {
      selectedBy = new WafPattern[4];
      selections = new Selected[4];
    } else if (selectionCount == selections.length) {
      selectedBy = java.util.Arrays.copyOf(selectedBy, 2 * selectionCount);
      selections = java.util.Arrays.copyOf(selections, 2 * selectionCount);
    }
    Selected s = new Selected();
    selectedBy[selectionCount] = pattern;
    selections[selectionCount++] = s;
    return s;
  }

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
    int room = name.equals("TX") ? EXPECTED_KEYS : 0;
    this.order = new ArrayList<>(room);
    this.orderNumbers = room == 0 ? NO_NUMBERS : new int[room]; // append grows it
  }

  @Override
  public Optional<String> get(String key) {
    Target t = lookup(key);
    return t == null ? Optional.empty() : Optional.of(t.value());
  }

  /** The target of a lower-case key; null when absent. */
  private Target target(String k) {
    int slot = slot(TxKeys.find(k));
    return slot >= 0 ? slotted(slot) : other(k);
  }

  /** A key's number as this collection uses it: -1 for one numbered since it was made. */
  private int slot(int slot) {
    return slot < bound ? slot : -1;
  }

  private Target slotted(int slot) {
    return slot < slots.length ? slots[slot] : null;
  }

  /** The target of a lower-case key without a number; null when absent. */
  private Target other(String k) {
    return others == null ? null : others.get(k);
  }

  /**
   * The target of a key, any case. Keys are kept in lower case, and rules name them so (the rule
   * compiler folds them): a key found as given needs no folding, and one that folding leaves
   * unchanged no second lookup.
   */
  private Target lookup(String key) {
    Target t = target(key);
    if (t == null) {
      String k = key.toLowerCase(Locale.ROOT);
      if (k != key) {
        t = target(k);
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

  /**
   * {@link #getOr(String, String)} of a key whose number is known.
   *
   * @param slot the key's {@link TxKeys} number; -1 when it has none
   * @param key the key, any case
   * @param otherwise the default
   * @return the value, or {@code otherwise} when absent
   */
  String getOr(int slot, String key, String otherwise) {
    Target t = get(slot, key);
    return t == null ? otherwise : t.value();
  }

  /**
   * The target of a key whose number is known: what {@link #collect} of the key alone adds, read
   * without hashing the key when the number is one this collection keeps by number.
   *
   * @param slot the key's {@link TxKeys} number; -1 when it has none
   * @param key the key, any case
   * @return the target; null when absent
   */
  Target get(int slot, String key) {
    return slot >= 0 && slot < bound ? slotted(slot) : lookup(key);
  }

  @Override
  public void set(String key, String value) {
    String k = key.toLowerCase(Locale.ROOT);
    set(TxKeys.find(k), k, value);
  }

  /**
   * {@link #set(String, String)} of a key whose number is known.
   *
   * @param number the key's {@link TxKeys} number; -1 when it has none
   * @param k the key, lower case
   * @param value the value
   */
  void set(int number, String k, String value) {
    write(number, k, value, null);
  }

  /**
   * {@link #set(int, String, String)} with the target a new key gets made ahead: the same effect.
   *
   * @param number the key's {@link TxKeys} number; -1 when it has none
   * @param k the key, lower case
   * @param made the target named {@code TX:k}, with key {@code k} and the value to set
   */
  void set(int number, String k, Target made) {
    write(number, k, made.value(), made);
  }

  private void write(int number, String k, String value, Target made) {
    int slot = slot(number);
    Target old = slot >= 0 ? slotted(slot) : other(k);
    if (old == null) {
      put(slot, k, made != null ? made : new Target(targetName(slot, k), k, value));
      append(number, k);
    } else if (!old.value().equals(value)) {
      put(slot, k, new Target(old.name(), old.key(), value));
    }
    if (journal != null) {
      journal.accept(k, slot >= 0 ? slotted(slot) : other(k));
    }
  }

  /** One lookup of the key for the read and the write. */
  @Override
  public void add(String key, long delta) {
    String k = key.toLowerCase(Locale.ROOT);
    add(TxKeys.find(k), k, delta);
  }

  /**
   * {@link #add(String, long)} of a key whose number is known.
   *
   * @param number the key's {@link TxKeys} number; -1 when it has none
   * @param k the key, lower case
   * @param delta what to add
   */
  void add(int number, String k, long delta) {
    int slot = slot(number);
    Target old = slot >= 0 ? slotted(slot) : other(k);
    long current = old == null ? 0 : SetvarAction.leadingInteger(old.value());
    set(slot, k, Long.toString(current + delta));
  }

  /** Appends a key to {@link #order} with its number. */
  private void append(int number, String k) {
    int at = order.size();
    if (at == orderNumbers.length) {
      orderNumbers = java.util.Arrays.copyOf(orderNumbers, Math.max(8, 2 * at));
    }
    orderNumbers[at] = number;
    order.add(k);
  }

  private String targetName(int slot, String k) {
    return slot >= 0 && name.equals("TX") ? TxKeys.txName(slot) : name + ":" + k;
  }

  private void put(int slot, String k, Target t) {
    if (slot < 0) {
      if (others == null) {
        others = new HashMap<>();
      }
      others.put(k, t);
      return;
    }
    if (slots.length == 0) {
      slots = new Target[bound];
    }
    slots[slot] = t;
  }

  @Override
  public void remove(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    int slot = slot(TxKeys.find(k));
    boolean removed;
    if (slot >= 0) {
      removed = slotted(slot) != null;
      if (removed) {
        slots[slot] = null;
      }
    } else {
      removed = others != null && others.remove(k) != null;
    }
    if (removed) {
      int at = order.indexOf(k);
      order.remove(at);
      System.arraycopy(orderNumbers, at + 1, orderNumbers, at, order.size() - at);
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
   * Repeats a write {@link #journal(java.util.function.BiConsumer)} recorded: the same keys, key
   * order and value as the write itself would leave.
   *
   * @param number the key's {@link TxKeys} number; -1 when it has none
   * @param key the lower-case key
   * @param target the target to keep, null to remove the key
   */
  void replay(int number, String key, Target target) {
    if (target == null) {
      remove(key);
      return;
    }
    int slot = slot(number);
    if ((slot >= 0 ? slotted(slot) : other(key)) == null) {
      append(number, key);
    }
    put(slot, key, target);
  }

  /** A no-op: {@code TX} ends with its transaction. */
  @Override
  public void expire(String key, Duration after) {
    // TX values live exactly as long as the transaction.
  }

  @Override
  public Set<String> keys() {
    return Set.copyOf(order);
  }

  /**
   * Appends the selected values as targets named {@code TX:key}.
   *
   * @param key the selector key; empty for all
   * @param keyPattern the selector regex; empty for none
   * @param out where the targets go
   */
  void collect(Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out) {
    collect(key, keyPattern, null, out);
  }

  /**
   * {@link #collect(Optional, Optional, List)} of a key regex whose answers for numbered keys are
   * kept across transactions.
   *
   * @param key the selector key; empty for all
   * @param matches the key regex and its answers
   * @param out where the targets go
   */
  void collect(Optional<String> key, TxKeyMatches matches, List<Target> out) {
    collect(key, matches.keyPattern(), matches, out);
  }

  private void collect(
      Optional<String> key,
      Optional<WafPattern> keyPattern,
      TxKeyMatches matches,
      List<Target> out) {
    if (key.isPresent() && keyPattern.isEmpty()) {
      Target t = lookup(key.get());
      if (t != null) {
        out.add(t);
      }
      return;
    }
    if (keyPattern.isEmpty()) {
      for (int i = 0; i < order.size(); i++) {
        out.add(target(order.get(i)));
      }
      return;
    }
    for (String k : selected(keyPattern.get(), matches)) {
      if (key.isEmpty() || k.equalsIgnoreCase(key.get())) {
        out.add(target(k));
      }
    }
  }

  /**
   * The keys a key regex selects, in the map's order: searched once per key and pattern, and not at
   * all for a numbered key whose answer {@code matches} (null: none) already keeps.
   */
  private List<String> selected(WafPattern pattern, TxKeyMatches matches) {
    Selected s = selection(pattern);
    if (s.removalsSeen != removals) {
      s.keys.clear();
      s.scanned = 0;
      s.removalsSeen = removals;
    }
    for (; s.scanned < order.size(); s.scanned++) {
      String k = order.get(s.scanned);
      boolean selects =
          matches != null
              ? matches.selects(orderNumbers[s.scanned], k)
              : pattern.find(k, null) == RegexOutcome.MATCHED; // Selection.selects by pattern only
      if (selects) {
        s.keys.add(k);
      }
    }
    return s.keys;
  }
}
