package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Objects;
import java.util.Optional;

/**
 * A counter that goes up and down: two {@link GCounter}s, one of increments and one of decrements,
 * whose difference is the value (Pekko's {@code PNCounter}).
 *
 * <p>Immutable and thread-safe. Each mutator returns the new state.
 */
public final class PNCounter implements DeltaCrdt<PNCounter> {
  private static final PNCounter EMPTY = new PNCounter(GCounter.empty(), GCounter.empty(), null);

  private final GCounter increments;
  private final GCounter decrements;
  private final PNCounter delta;

  private PNCounter(GCounter increments, GCounter decrements, PNCounter delta) {
    this.increments = increments;
    this.decrements = decrements;
    this.delta = delta;
  }

  /** Returns the counter at zero. */
  public static PNCounter empty() {
    return EMPTY;
  }

  /**
   * Returns a counter made of the given increments and decrements (as decoded from another
   * replica).
   *
   * @param increments the counts of increments
   * @param decrements the counts of decrements
   * @return the counter, without a delta
   */
  public static PNCounter of(GCounter increments, GCounter decrements) {
    return new PNCounter(
        Objects.requireNonNull(increments, "increments").resetDelta(),
        Objects.requireNonNull(decrements, "decrements").resetDelta(),
        null);
  }

  /**
   * Adds {@code amount}.
   *
   * @param replica the replica making the change (the local region)
   * @param amount how much to add, 0 or more
   * @return the new state
   * @throws IllegalArgumentException if {@code amount} is negative
   * @throws ArithmeticException if the sum of increments would pass {@link Long#MAX_VALUE}
   */
  public PNCounter increment(RegionId replica, long amount) {
    GCounter p = increments.increment(replica, amount);
    if (amount == 0) {
      return this;
    }
    PNCounter step = new PNCounter(p.delta().orElseThrow(), GCounter.empty(), null);
    return new PNCounter(p.resetDelta(), decrements, delta == null ? step : delta.merge(step));
  }

  /**
   * Subtracts {@code amount}.
   *
   * @param replica the replica making the change (the local region)
   * @param amount how much to subtract, 0 or more
   * @return the new state
   * @throws IllegalArgumentException if {@code amount} is negative
   * @throws ArithmeticException if the sum of decrements would pass {@link Long#MAX_VALUE}
   */
  public PNCounter decrement(RegionId replica, long amount) {
    GCounter n = decrements.increment(replica, amount);
    if (amount == 0) {
      return this;
    }
    PNCounter step = new PNCounter(GCounter.empty(), n.delta().orElseThrow(), null);
    return new PNCounter(increments, n.resetDelta(), delta == null ? step : delta.merge(step));
  }

  /**
   * Returns increments minus decrements.
   *
   * @throws ArithmeticException if merged counts sum past {@link Long#MAX_VALUE}
   */
  public long value() {
    return increments.value() - decrements.value();
  }

  /** Returns the grow-only counter of increments. */
  public GCounter increments() {
    return increments;
  }

  /** Returns the grow-only counter of decrements. */
  public GCounter decrements() {
    return decrements;
  }

  @Override
  public PNCounter merge(PNCounter other) {
    Objects.requireNonNull(other, "other");
    GCounter p = increments.merge(other.increments);
    GCounter n = decrements.merge(other.decrements);
    return p == increments && n == decrements ? this : new PNCounter(p, n, delta);
  }

  @Override
  public Optional<PNCounter> delta() {
    return Optional.ofNullable(delta);
  }

  @Override
  public PNCounter resetDelta() {
    return delta == null ? this : new PNCounter(increments, decrements, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PNCounter c
        && increments.equals(c.increments)
        && decrements.equals(c.decrements);
  }

  @Override
  public int hashCode() {
    return increments.hashCode() * 31 + decrements.hashCode();
  }

  @Override
  public String toString() {
    return "PNCounter[" + value() + ", +" + increments.counts() + " -" + decrements.counts() + "]";
  }
}
