package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A grow-only counter: each replica counts its own increments and the value is their sum; merge
 * takes the larger count per replica (Pekko's {@code GCounter}).
 *
 * <p>Immutable and thread-safe. Each mutator returns the new state.
 */
public final class GCounter implements DeltaCrdt<GCounter> {
  private static final GCounter EMPTY = new GCounter(Map.of(), null);

  private final Map<RegionId, Long> counts;
  private final GCounter delta;

  private GCounter(Map<RegionId, Long> counts, GCounter delta) {
    this.counts = counts;
    this.delta = delta;
  }

  /** Returns the counter at zero. */
  public static GCounter empty() {
    return EMPTY;
  }

  /**
   * Returns a counter holding the given per-replica counts (as decoded from another replica).
   *
   * @param counts per replica, its count (0 or more)
   * @return the counter, without a delta
   * @throws IllegalArgumentException if a count is negative or the total overflows a {@code long}
   */
  public static GCounter of(Map<RegionId, Long> counts) {
    Objects.requireNonNull(counts, "counts");
    Map<RegionId, Long> copy = new HashMap<>();
    long total = 0;
    for (Map.Entry<RegionId, Long> e : counts.entrySet()) {
      RegionId r = Objects.requireNonNull(e.getKey(), "replica");
      long n = Objects.requireNonNull(e.getValue(), "count");
      if (n < 0) {
        throw new IllegalArgumentException(
            "GCounter count of " + r + " is " + n + "; allowed: 0 to " + Long.MAX_VALUE);
      }
      if (Long.MAX_VALUE - total < n) {
        throw new IllegalArgumentException(
            "GCounter total overflows: the counts sum past " + Long.MAX_VALUE);
      }
      total += n;
      if (n > 0) {
        copy.put(r, n);
      }
    }
    return copy.isEmpty() ? EMPTY : new GCounter(Collections.unmodifiableMap(copy), null);
  }

  /**
   * Adds {@code amount} to {@code replica}'s count.
   *
   * @param replica the replica making the increment (the local region)
   * @param amount how much to add, 0 or more
   * @return the new state; this state when {@code amount} is 0
   * @throws IllegalArgumentException if {@code amount} is negative
   * @throws ArithmeticException if the counter's value would pass {@link Long#MAX_VALUE}
   */
  public GCounter increment(RegionId replica, long amount) {
    Objects.requireNonNull(replica, "replica");
    if (amount < 0) {
      throw new IllegalArgumentException(
          "GCounter increment "
              + amount
              + " by "
              + replica
              + " is negative; allowed: 0 to "
              + Long.MAX_VALUE
              + " (use a PNCounter to decrement)");
    }
    if (amount == 0) {
      return this;
    }
    long value = value();
    if (Long.MAX_VALUE - value < amount) {
      throw new ArithmeticException(
          "GCounter overflow: " + value + " + " + amount + " passes " + Long.MAX_VALUE);
    }
    long n = counts.getOrDefault(replica, 0L) + amount;
    Map<RegionId, Long> next = new HashMap<>(counts);
    next.put(replica, n);
    GCounter step = new GCounter(Map.of(replica, n), null);
    return new GCounter(
        Collections.unmodifiableMap(next), delta == null ? step : delta.merge(step));
  }

  /**
   * Returns the sum of every replica's count.
   *
   * @throws ArithmeticException if merged counts sum past {@link Long#MAX_VALUE}
   */
  public long value() {
    long total = 0;
    for (long n : counts.values()) {
      total = Math.addExact(total, n);
    }
    return total;
  }

  /**
   * Returns {@code replica}'s count.
   *
   * @param replica the replica
   * @return its count, 0 when it never incremented
   */
  public long count(RegionId replica) {
    return counts.getOrDefault(replica, 0L);
  }

  /** Returns the per-replica counts, ordered by replica. */
  public Map<RegionId, Long> counts() {
    return Collections.unmodifiableMap(new TreeMap<>(counts));
  }

  @Override
  public GCounter merge(GCounter other) {
    Objects.requireNonNull(other, "other");
    Map<RegionId, Long> next = null;
    for (Map.Entry<RegionId, Long> e : other.counts.entrySet()) {
      long mine = counts.getOrDefault(e.getKey(), 0L);
      if (e.getValue() > mine) {
        if (next == null) {
          next = new HashMap<>(counts);
        }
        next.put(e.getKey(), e.getValue());
      }
    }
    return next == null ? this : new GCounter(Collections.unmodifiableMap(next), delta);
  }

  @Override
  public Optional<GCounter> delta() {
    return Optional.ofNullable(delta);
  }

  @Override
  public GCounter resetDelta() {
    return delta == null ? this : new GCounter(counts, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GCounter g && counts.equals(g.counts);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }

  @Override
  public String toString() {
    return "GCounter" + counts();
  }
}
