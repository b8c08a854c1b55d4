package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One region's replica of an {@link OrSet}, changed in place. An {@link OrSet} is an immutable
 * value, so each add and each join copies every element: fine for small sets, quadratic for a
 * replica that grows with every write. Here an add, a remove and the join of a delta cost in
 * proportion to the update (and to the dots its context covers), not to the set, while answering
 * exactly what the same operations on an {@link OrSet} answer ({@link #snapshot()} equals that
 * set). Deltas are {@link OrSet}s, so they travel with {@link CrdtCodec#orSet} as before.
 * Thread-safe: each method is atomic.
 *
 * @param <E> the element type
 */
public final class OrSetReplica<E> {
  private final Map<E, Set<Dot>> entries = new HashMap<>();

  /** Per replica, counter to element: which element each held dot tags. */
  private final Map<RegionId, NavigableMap<Long, E>> owners = new HashMap<>();

  private DotContext context = DotContext.empty();

  /** Creates an empty replica. */
  public OrSetReplica() {}

  /**
   * Adds {@code element} here, as {@link OrSet#add} does.
   *
   * @param replica the region adding (the local region)
   * @param element the element
   * @return the delta to send to the other replicas
   */
  public synchronized OrSet<E> add(RegionId replica, E element) {
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(element, "element");
    Dot dot = context.nextDot(replica);
    Set<Dot> old = entries.getOrDefault(element, Set.of());
    OrSet<E> delta = OrSet.of(Map.of(element, Set.of(dot)), DotContext.of(Map.of(), old).add(dot));
    for (Dot d : old) {
      disown(d);
    }
    Set<Dot> dots = new HashSet<>(2);
    dots.add(dot);
    entries.put(element, dots);
    own(dot, element);
    context = context.add(dot);
    return delta;
  }

  /**
   * Removes {@code element} here, as {@link OrSet#remove} does: the adds this replica observed.
   *
   * @param element the element
   * @return the delta to send to the other replicas; empty when the element is absent
   */
  public synchronized OrSet<E> remove(E element) {
    Objects.requireNonNull(element, "element");
    Set<Dot> old = entries.remove(element);
    if (old == null) {
      return OrSet.empty();
    }
    old.forEach(this::disown);
    return OrSet.of(Map.of(), DotContext.of(Map.of(), old));
  }

  /**
   * Joins {@code delta} (a delta or a whole state from another replica) into this replica: the
   * result equals {@code snapshot().merge(delta)}.
   *
   * @param delta what another replica sent
   */
  public synchronized void join(OrSet<E> delta) {
    Objects.requireNonNull(delta, "delta");
    DotContext seen = delta.context();
    Map<E, Set<Dot>> theirs = delta.entries();
    // A dot held here that the delta observed but does not hold was removed there.
    for (Dot d : coveredDots(seen)) {
      E element = owners.get(d.replica()).get(d.counter());
      if (!theirs.getOrDefault(element, Set.of()).contains(d)) {
        Set<Dot> dots = entries.get(element);
        dots.remove(d);
        if (dots.isEmpty()) {
          entries.remove(element);
        }
        disown(d);
      }
    }
    // A dot the delta holds that this replica never observed is a new add.
    theirs.forEach(
        (element, dots) -> {
          for (Dot d : dots) {
            if (!context.contains(d)) {
              entries.computeIfAbsent(element, e -> new HashSet<>(2)).add(d);
              own(d, element);
            }
          }
        });
    context = context.merge(seen);
  }

  /** Returns whether {@code element} is in the set. */
  public synchronized boolean contains(E element) {
    return entries.containsKey(element);
  }

  /** Returns how many elements the set holds. */
  public synchronized int size() {
    return entries.size();
  }

  /** Returns the replica's state as an immutable {@link OrSet} (a copy: costs the set's size). */
  public synchronized OrSet<E> snapshot() {
    return OrSet.of(entries, context);
  }

  /** The held dots {@code seen} covers: by vector range per replica, then the cloud's dots. */
  private List<Dot> coveredDots(DotContext seen) {
    List<Dot> out = new ArrayList<>();
    seen.vector()
        .forEach(
            (replica, upTo) -> {
              NavigableMap<Long, E> held = owners.get(replica);
              if (held != null) {
                for (Long counter : held.headMap(upTo, true).keySet()) {
                  out.add(new Dot(replica, counter));
                }
              }
            });
    for (Dot d : seen.cloud()) {
      NavigableMap<Long, E> held = owners.get(d.replica());
      if (held != null && held.containsKey(d.counter())) {
        out.add(d);
      }
    }
    return out;
  }

  private void own(Dot dot, E element) {
    owners.computeIfAbsent(dot.replica(), r -> new TreeMap<>()).put(dot.counter(), element);
  }

  private void disown(Dot dot) {
    NavigableMap<Long, E> held = owners.get(dot.replica());
    held.remove(dot.counter());
    if (held.isEmpty()) {
      owners.remove(dot.replica());
    }
  }
}
