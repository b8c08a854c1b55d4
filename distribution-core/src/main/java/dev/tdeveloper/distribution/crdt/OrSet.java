package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An observed-remove set where a concurrent add wins over a remove (Pekko's {@code ORSet}, in the
 * optimized form of Almeida et al.): each add tags its element with a fresh {@link Dot}, a remove
 * drops the dots it has observed, and the causal context remembers removed dots compactly, so no
 * tombstone per element is kept.
 *
 * <p>Elements need value-based {@code equals} and {@code hashCode} (not {@code byte[]}). Immutable
 * and thread-safe when the elements are.
 *
 * @param <E> the element type
 */
public final class OrSet<E> implements DeltaCrdt<OrSet<E>> {
  private static final OrSet<?> EMPTY = new OrSet<>(Map.of(), DotContext.empty(), null);

  private final Map<E, Set<Dot>> entries;
  private final DotContext context;
  private final OrSet<E> delta;

  private OrSet(Map<E, Set<Dot>> entries, DotContext context, OrSet<E> delta) {
    this.entries = entries;
    this.context = context;
    this.delta = delta;
  }

  /**
   * Returns the empty set.
   *
   * @param <E> the element type
   * @return the empty set
   */
  @SuppressWarnings("unchecked")
  public static <E> OrSet<E> empty() {
    return (OrSet<E>) EMPTY;
  }

  /**
   * Returns a set holding the given elements (as decoded from another replica).
   *
   * @param <E> the element type
   * @param entries each element with the dots of the adds that keep it, at least one
   * @param context the observed dots; covers every dot of {@code entries}
   * @return the set, without a delta
   * @throws IllegalArgumentException if an element has no dot, a dot is not in {@code context} or
   *     tags two elements
   */
  public static <E> OrSet<E> of(Map<E, Set<Dot>> entries, DotContext context) {
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(context, "context");
    Map<E, Set<Dot>> copy = new HashMap<>();
    Set<Dot> all = new HashSet<>();
    for (Map.Entry<E, Set<Dot>> e : entries.entrySet()) {
      E element = Objects.requireNonNull(e.getKey(), "element");
      Set<Dot> dots = new HashSet<>(e.getValue());
      if (dots.isEmpty()) {
        throw new IllegalArgumentException("OR-set element " + element + " has no dot");
      }
      Causal.requireCovered(dots, context, "OR-set element " + element);
      Causal.requireUnique(dots, all, "OR-set element " + element);
      copy.put(element, Collections.unmodifiableSet(dots));
    }
    return new OrSet<>(Collections.unmodifiableMap(copy), context, null);
  }

  /**
   * Adds {@code element}.
   *
   * @param replica the region adding (the local region)
   * @param element the element
   * @return the new state
   */
  public OrSet<E> add(RegionId replica, E element) {
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(element, "element");
    Dot dot = context.nextDot(replica);
    Set<Dot> old = entries.getOrDefault(element, Set.of());
    OrSet<E> step =
        new OrSet<>(Map.of(element, Set.of(dot)), DotContext.of(Map.of(), old).add(dot), null);
    Map<E, Set<Dot>> next = new HashMap<>(entries);
    next.put(element, Set.of(dot));
    return new OrSet<>(
        Collections.unmodifiableMap(next),
        context.add(dot),
        delta == null ? step : delta.merge(step));
  }

  /**
   * Removes {@code element}: the adds this replica has observed; a concurrent add elsewhere wins.
   *
   * @param element the element
   * @return the new state; this state when the element is absent
   */
  public OrSet<E> remove(E element) {
    Objects.requireNonNull(element, "element");
    Set<Dot> old = entries.get(element);
    if (old == null) {
      return this;
    }
    OrSet<E> step = new OrSet<>(Map.of(), DotContext.of(Map.of(), old), null);
    Map<E, Set<Dot>> next = new HashMap<>(entries);
    next.remove(element);
    return new OrSet<>(
        Collections.unmodifiableMap(next), context, delta == null ? step : delta.merge(step));
  }

  /**
   * Returns whether {@code element} is in the set.
   *
   * @param element the element
   * @return true when present
   */
  public boolean contains(E element) {
    return entries.containsKey(element);
  }

  /** Returns the elements (unordered, unmodifiable). */
  public Set<E> elements() {
    return entries.keySet();
  }

  /** Returns how many elements the set holds. */
  public int size() {
    return entries.size();
  }

  /** Returns each element with the dots of the adds that keep it (unmodifiable). */
  public Map<E, Set<Dot>> entries() {
    return entries;
  }

  /** Returns the dots this set has observed. */
  public DotContext context() {
    return context;
  }

  @Override
  public OrSet<E> merge(OrSet<E> other) {
    Objects.requireNonNull(other, "other");
    if (other == this) {
      return this;
    }
    DotContext ca = context;
    DotContext cb = other.context;
    Map<E, Set<Dot>> out = new HashMap<>(Math.max(entries.size(), other.entries.size()) * 2);
    for (Map.Entry<E, Set<Dot>> e : entries.entrySet()) {
      Set<Dot> theirs = other.entries.getOrDefault(e.getKey(), Set.of());
      Set<Dot> kept = Causal.join(e.getValue(), ca, theirs, cb);
      if (!kept.isEmpty()) {
        out.put(e.getKey(), kept == e.getValue() ? kept : Collections.unmodifiableSet(kept));
      }
    }
    for (Map.Entry<E, Set<Dot>> e : other.entries.entrySet()) {
      if (!entries.containsKey(e.getKey())) {
        Set<Dot> kept = Causal.join(e.getValue(), cb, Set.of(), ca);
        if (!kept.isEmpty()) {
          out.put(e.getKey(), kept == e.getValue() ? kept : Collections.unmodifiableSet(kept));
        }
      }
    }
    return new OrSet<>(Collections.unmodifiableMap(out), ca.merge(cb), delta);
  }

  @Override
  public Optional<OrSet<E>> delta() {
    return Optional.ofNullable(delta);
  }

  @Override
  public OrSet<E> resetDelta() {
    return delta == null ? this : new OrSet<>(entries, context, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrSet<?> s && entries.equals(s.entries) && context.equals(s.context);
  }

  @Override
  public int hashCode() {
    return entries.hashCode() * 31 + context.hashCode();
  }

  @Override
  public String toString() {
    return "OrSet" + entries.keySet();
  }
}
