package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A map from keys to CRDT values where concurrent updates of a key merge their values and a remove
 * is observed-remove: it drops the updates it has seen, and a concurrent update wins (Pekko's
 * {@code ORMap}).
 *
 * <p>Each update stores the key's new value under a fresh {@link Dot}, replacing the dots it has
 * observed; the key's value is the merge of the values under its surviving dots. This makes the map
 * a proper join (unlike keeping one value per key beside an OR-set of keys, which is not
 * associative when a remove races an update): removing a key and adding it again starts from the
 * initial value, while an update concurrent with the remove keeps everything its replica had seen.
 * A delta of an update carries the key's whole value.
 *
 * <p>Keys need value-based {@code equals} and {@code hashCode}. Immutable and thread-safe when keys
 * and values are.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class OrMap<K, V extends Crdt<V>> implements DeltaCrdt<OrMap<K, V>> {
  private static final OrMap<?, ?> EMPTY = new OrMap<>(Map.of(), DotContext.empty(), null);

  private final Map<K, Map<Dot, V>> entries;
  private final DotContext context;
  private final OrMap<K, V> delta;

  private OrMap(Map<K, Map<Dot, V>> entries, DotContext context, OrMap<K, V> delta) {
    this.entries = entries;
    this.context = context;
    this.delta = delta;
  }

  /**
   * Returns the empty map.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @return the empty map
   */
  @SuppressWarnings("unchecked")
  public static <K, V extends Crdt<V>> OrMap<K, V> empty() {
    return (OrMap<K, V>) EMPTY;
  }

  /**
   * Returns a map holding the given entries (as decoded from another replica).
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param entries each key with its values under the dots of their updates, at least one
   * @param context the observed dots; covers every dot of {@code entries}
   * @return the map, without a delta
   * @throws IllegalArgumentException if a key has no dot, a dot is not in {@code context} or tags
   *     two keys
   */
  public static <K, V extends Crdt<V>> OrMap<K, V> of(
      Map<K, Map<Dot, V>> entries, DotContext context) {
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(context, "context");
    Map<K, Map<Dot, V>> copy = new HashMap<>();
    Set<Dot> all = new HashSet<>();
    for (Map.Entry<K, Map<Dot, V>> e : entries.entrySet()) {
      K key = Objects.requireNonNull(e.getKey(), "key");
      Map<Dot, V> dots = new HashMap<>();
      e.getValue()
          .forEach(
              (d, v) ->
                  dots.put(Objects.requireNonNull(d, "dot"), Objects.requireNonNull(v, "value")));
      if (dots.isEmpty()) {
        throw new IllegalArgumentException("OR-map key " + key + " has no dot");
      }
      Causal.requireCovered(dots.keySet(), context, "OR-map key " + key);
      Causal.requireUnique(dots.keySet(), all, "OR-map key " + key);
      copy.put(key, Collections.unmodifiableMap(dots));
    }
    return new OrMap<>(Collections.unmodifiableMap(copy), context, null);
  }

  /**
   * Updates the value of {@code key}: {@code modify} gets the current value ({@code initial} when
   * the key is absent), and the key's new value is the current one merged with what it returns, so
   * an update never loses what the replica had seen.
   *
   * @param replica the region updating (the local region)
   * @param key the key
   * @param initial the value of an absent key, usually the type's empty state
   * @param modify the update, such as {@code c -> c.increment(replica, 1)}
   * @return the new state
   */
  public OrMap<K, V> update(RegionId replica, K key, V initial, UnaryOperator<V> modify) {
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(modify, "modify");
    V current = get(key).orElse(initial);
    V next = withoutDelta(current.merge(Objects.requireNonNull(modify.apply(current), "modify")));
    Dot dot = context.nextDot(replica);
    Map<Dot, V> old = entries.getOrDefault(key, Map.of());
    OrMap<K, V> step =
        new OrMap<>(
            Map.of(key, Map.of(dot, next)), DotContext.of(Map.of(), old.keySet()).add(dot), null);
    Map<K, Map<Dot, V>> map = new HashMap<>(entries);
    map.put(key, Map.of(dot, next));
    return new OrMap<>(
        Collections.unmodifiableMap(map),
        context.add(dot),
        delta == null ? step : delta.merge(step));
  }

  /**
   * Removes {@code key}: the updates this replica has observed; a concurrent update elsewhere wins.
   *
   * @param key the key
   * @return the new state; this state when the key is absent
   */
  public OrMap<K, V> remove(K key) {
    Objects.requireNonNull(key, "key");
    Map<Dot, V> old = entries.get(key);
    if (old == null) {
      return this;
    }
    OrMap<K, V> step = new OrMap<>(Map.of(), DotContext.of(Map.of(), old.keySet()), null);
    Map<K, Map<Dot, V>> map = new HashMap<>(entries);
    map.remove(key);
    return new OrMap<>(
        Collections.unmodifiableMap(map), context, delta == null ? step : delta.merge(step));
  }

  /**
   * Returns the value of {@code key}: the merge of its concurrent updates.
   *
   * @param key the key
   * @return the value, empty when the key is absent
   */
  public Optional<V> get(K key) {
    Map<Dot, V> dots = entries.get(key);
    if (dots == null) {
      return Optional.empty();
    }
    V out = null;
    for (V v : (dots.size() == 1 ? dots : new TreeMap<>(dots)).values()) {
      out = out == null ? v : out.merge(v);
    }
    return Optional.of(withoutDelta(out));
  }

  /**
   * Returns whether {@code key} is present.
   *
   * @param key the key
   * @return true when present
   */
  public boolean containsKey(K key) {
    return entries.containsKey(key);
  }

  /** Returns the keys (unordered, unmodifiable). */
  public Set<K> keySet() {
    return entries.keySet();
  }

  /** Returns how many keys the map holds. */
  public int size() {
    return entries.size();
  }

  /** Returns each key with its merged value. */
  public Map<K, V> asMap() {
    Map<K, V> out = new HashMap<>();
    for (K key : entries.keySet()) {
      out.put(key, get(key).orElseThrow());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns each key with its values under the dots of their updates (unmodifiable). */
  public Map<K, Map<Dot, V>> entries() {
    return entries;
  }

  /** Returns the dots this map has observed. */
  public DotContext context() {
    return context;
  }

  @Override
  public OrMap<K, V> merge(OrMap<K, V> other) {
    Objects.requireNonNull(other, "other");
    if (other == this) {
      return this;
    }
    DotContext ca = context;
    DotContext cb = other.context;
    Map<K, Map<Dot, V>> out = new HashMap<>();
    for (Map.Entry<K, Map<Dot, V>> e : entries.entrySet()) {
      Map<Dot, V> kept =
          Causal.join(
              e.getValue(), ca, other.entries.getOrDefault(e.getKey(), Map.of()), cb, V::merge);
      if (!kept.isEmpty()) {
        out.put(e.getKey(), Collections.unmodifiableMap(kept));
      }
    }
    for (Map.Entry<K, Map<Dot, V>> e : other.entries.entrySet()) {
      if (!entries.containsKey(e.getKey())) {
        Map<Dot, V> kept = Causal.join(Map.of(), ca, e.getValue(), cb, V::merge);
        if (!kept.isEmpty()) {
          out.put(e.getKey(), Collections.unmodifiableMap(kept));
        }
      }
    }
    return new OrMap<>(Collections.unmodifiableMap(out), ca.merge(cb), delta);
  }

  @Override
  public Optional<OrMap<K, V>> delta() {
    return Optional.ofNullable(delta);
  }

  @Override
  public OrMap<K, V> resetDelta() {
    return delta == null ? this : new OrMap<>(entries, context, null);
  }

  @SuppressWarnings("unchecked")
  private static <V extends Crdt<V>> V withoutDelta(V value) {
    return value instanceof DeltaCrdt<?> d ? (V) d.resetDelta() : value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrMap<?, ?> m && entries.equals(m.entries) && context.equals(m.context);
  }

  @Override
  public int hashCode() {
    return entries.hashCode() * 31 + context.hashCode();
  }

  @Override
  public String toString() {
    return "OrMap" + asMap();
  }
}
