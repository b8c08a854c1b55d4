package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A causal context: the set of {@link Dot}s a replica has observed, kept compressed as a version
 * vector (every dot of a replica up to a counter) plus a dot cloud (the observed dots past a gap),
 * as in Almeida, Shoker and Baquero's delta-state CRDTs. A dot in the context but no longer in a
 * CRDT's entries was removed; a dot in neither was never seen.
 *
 * <p>Immutable and thread-safe. Always compact: no cloud dot is covered by the vector or extends it
 * without a gap, so equal sets of dots give equal contexts.
 */
public final class DotContext {
  private static final DotContext EMPTY = new DotContext(Map.of(), Set.of());

  private final Map<RegionId, Long> vector;
  private final Set<Dot> cloud;

  private DotContext(Map<RegionId, Long> vector, Set<Dot> cloud) {
    this.vector = vector;
    this.cloud = cloud;
  }

  /** Returns the context that has observed nothing. */
  public static DotContext empty() {
    return EMPTY;
  }

  /**
   * Returns the context holding exactly the given dots (compacted).
   *
   * @param vector per replica, the counter up to which every dot was observed (0 or more)
   * @param cloud further observed dots
   * @return the context
   * @throws IllegalArgumentException if a vector entry is negative
   */
  public static DotContext of(Map<RegionId, Long> vector, Set<Dot> cloud) {
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(cloud, "cloud");
    Map<RegionId, Long> v = new HashMap<>();
    vector.forEach(
        (r, n) -> {
          Objects.requireNonNull(r, "vector replica");
          Objects.requireNonNull(n, "vector counter");
          if (n < 0) {
            throw new IllegalArgumentException(
                "version vector entry " + r + "=" + n + " is invalid; allowed: 0+");
          }
          if (n > 0) {
            v.put(r, n);
          }
        });
    Set<Dot> c = new HashSet<>();
    for (Dot d : cloud) {
      c.add(Objects.requireNonNull(d, "cloud dot"));
    }
    return compact(v, c);
  }

  /**
   * Returns whether {@code dot} was observed.
   *
   * @param dot the dot
   * @return true when it is covered by the vector or in the cloud
   */
  public boolean contains(Dot dot) {
    Long n = vector.get(dot.replica());
    return (n != null && dot.counter() <= n) || (!cloud.isEmpty() && cloud.contains(dot));
  }

  /**
   * Returns the highest counter of {@code replica} with every dot up to it observed.
   *
   * @param replica the replica
   * @return the counter, 0 when none
   */
  public long max(RegionId replica) {
    return vector.getOrDefault(replica, 0L);
  }

  /**
   * Returns the next dot {@code replica} should use: one past the highest of its dots observed.
   *
   * @param replica the replica making an update
   * @return the fresh dot
   */
  public Dot nextDot(RegionId replica) {
    long top = max(replica);
    for (Dot d : cloud) {
      if (d.replica().equals(replica) && d.counter() > top) {
        top = d.counter();
      }
    }
    return new Dot(replica, Math.addExact(top, 1));
  }

  /**
   * Returns this context with {@code dot} added.
   *
   * @param dot the observed dot
   * @return the new context
   */
  public DotContext add(Dot dot) {
    if (contains(dot)) {
      return this;
    }
    Map<RegionId, Long> v = new HashMap<>(vector);
    Set<Dot> c = new HashSet<>(cloud);
    c.add(dot);
    return compact(v, c);
  }

  /**
   * Returns the union of this context and {@code other}.
   *
   * @param other another context
   * @return the union, compacted
   */
  public DotContext merge(DotContext other) {
    if (other == this || other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Map<RegionId, Long> v = new HashMap<>(vector);
    other.vector.forEach((r, n) -> v.merge(r, n, Math::max));
    Set<Dot> c = new HashSet<>(cloud);
    c.addAll(other.cloud);
    return compact(v, c);
  }

  /** Returns whether no dot was observed. */
  public boolean isEmpty() {
    return vector.isEmpty() && cloud.isEmpty();
  }

  /** Returns the compressed version vector, ordered by replica. */
  public Map<RegionId, Long> vector() {
    return Collections.unmodifiableMap(new TreeMap<>(vector));
  }

  /** Returns the dots observed past a gap, ordered. */
  public Set<Dot> cloud() {
    return Collections.unmodifiableSet(new TreeSet<>(cloud));
  }

  private static DotContext compact(Map<RegionId, Long> v, Set<Dot> c) {
    if (!c.isEmpty()) {
      // In replica-then-counter order one pass suffices: each dot either extends the vector, is
      // already covered, or stays behind a gap.
      Set<Dot> kept = new HashSet<>();
      for (Dot d : new TreeSet<>(c)) {
        long n = v.getOrDefault(d.replica(), 0L);
        if (d.counter() == n + 1) {
          v.put(d.replica(), d.counter());
        } else if (d.counter() > n) {
          kept.add(d);
        }
      }
      c = kept;
    }
    if (v.isEmpty() && c.isEmpty()) {
      return EMPTY;
    }
    return new DotContext(
        Collections.unmodifiableMap(v), c.isEmpty() ? Set.of() : Collections.unmodifiableSet(c));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DotContext d && vector.equals(d.vector) && cloud.equals(d.cloud);
  }

  @Override
  public int hashCode() {
    return vector.hashCode() * 31 + cloud.hashCode();
  }

  @Override
  public String toString() {
    return "DotContext" + vector() + (cloud.isEmpty() ? "" : "+" + cloud());
  }
}
