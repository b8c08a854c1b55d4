package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A last-writer-wins register: the write with the highest HLC stamp wins; equal stamps are decided
 * by the higher region id, so every replica picks the same winner (Pekko's {@code LWWRegister},
 * with hybrid logical clock stamps instead of wall time).
 *
 * <p>A (stamp, region) pair names one write: an HLC never gives two writes of one region the same
 * stamp. Merging two different values under the same pair is refused with a {@link
 * DistributionException} (it can only come from a broken clock), so no replica silently picks one.
 *
 * <p>Values are compared with {@link Objects#deepEquals}, so {@code byte[]} values work. Immutable
 * and thread-safe when the value is.
 *
 * @param <T> the value type
 */
public final class LwwRegister<T> implements DeltaCrdt<LwwRegister<T>> {
  private static final Comparator<LwwRegister<?>> ORDER =
      Comparator.comparing((LwwRegister<?> r) -> r.stamp)
          .thenComparing(r -> r.writer, Comparator.nullsFirst(Comparator.naturalOrder()));

  private static final LwwRegister<?> EMPTY =
      new LwwRegister<>(null, HlcTimestamp.ZERO, null, null);

  private final T value;
  private final HlcTimestamp stamp;
  private final RegionId writer;
  private final LwwRegister<T> delta;

  private LwwRegister(T value, HlcTimestamp stamp, RegionId writer, LwwRegister<T> delta) {
    this.value = value;
    this.stamp = stamp;
    this.writer = writer;
    this.delta = delta;
  }

  /**
   * Returns the register that was never written; every write wins over it.
   *
   * @param <T> the value type
   * @return the empty register
   */
  @SuppressWarnings("unchecked")
  public static <T> LwwRegister<T> empty() {
    return (LwwRegister<T>) EMPTY;
  }

  /**
   * Returns a register holding one write (as decoded from another replica).
   *
   * @param <T> the value type
   * @param writer the region that wrote it
   * @param stamp the write's HLC stamp
   * @param value the value
   * @return the register, without a delta
   */
  public static <T> LwwRegister<T> of(RegionId writer, HlcTimestamp stamp, T value) {
    return new LwwRegister<>(
        Objects.requireNonNull(value, "value"),
        Objects.requireNonNull(stamp, "stamp"),
        Objects.requireNonNull(writer, "writer"),
        null);
  }

  /**
   * Writes {@code value} at {@code stamp}; the write loses at once if the register already holds a
   * later one.
   *
   * @param writer the region writing (the local region)
   * @param stamp the write's HLC stamp, from the local clock
   * @param value the value
   * @return the new state
   * @throws DistributionException if the register holds a different value under the same stamp and
   *     region
   */
  public LwwRegister<T> set(RegionId writer, HlcTimestamp stamp, T value) {
    LwwRegister<T> step = of(writer, stamp, value);
    LwwRegister<T> next = merge(step);
    return new LwwRegister<>(
        next.value, next.stamp, next.writer, delta == null ? step : delta.merge(step));
  }

  /** Returns the winning value, empty when never written. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** Returns the winning write's stamp, {@link HlcTimestamp#ZERO} when never written. */
  public HlcTimestamp stamp() {
    return stamp;
  }

  /** Returns the region that made the winning write, empty when never written. */
  public Optional<RegionId> writer() {
    return Optional.ofNullable(writer);
  }

  @Override
  public LwwRegister<T> merge(LwwRegister<T> other) {
    Objects.requireNonNull(other, "other");
    int c = ORDER.compare(this, other);
    if (c == 0) {
      if (!Objects.deepEquals(value, other.value)) {
        throw new DistributionException(
            "LWW register holds two different values written by "
                + writer
                + " at "
                + stamp
                + "; a (stamp, region) pair must name one write (is the HLC broken?)");
      }
      return this;
    }
    return c > 0 ? this : new LwwRegister<>(other.value, other.stamp, other.writer, delta);
  }

  @Override
  public Optional<LwwRegister<T>> delta() {
    return Optional.ofNullable(delta);
  }

  @Override
  public LwwRegister<T> resetDelta() {
    return delta == null ? this : new LwwRegister<>(value, stamp, writer, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LwwRegister<?> r
        && stamp.equals(r.stamp)
        && Objects.equals(writer, r.writer)
        && Objects.deepEquals(value, r.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stamp, writer);
  }

  @Override
  public String toString() {
    return value == null
        ? "LwwRegister[]"
        : "LwwRegister[" + value + " @" + stamp + " by " + writer + "]";
  }
}
