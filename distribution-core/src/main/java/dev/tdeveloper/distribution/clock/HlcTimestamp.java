package dev.tdeveloper.distribution.clock;

/**
 * A hybrid logical clock timestamp (Kulkarni et al.): the largest physical time seen, in
 * milliseconds since the epoch, and a logical counter that orders events within that millisecond.
 * Packs into 64 bits — 48 bits of milliseconds and 16 of counter — so that the packed longs order
 * as the timestamps do. The physical time stops at 2^47-1 ms (the year 6429), so the packed long is
 * never negative and plain signed comparison orders it.
 *
 * <p>Immutable and thread-safe; ordered by physical time, then counter.
 *
 * @param physicalMillis milliseconds since the epoch, 0 to 2^47-1
 * @param logical the counter, 0 to 65535
 */
public record HlcTimestamp(long physicalMillis, int logical) implements Comparable<HlcTimestamp> {
  /**
   * The largest physical time: 2^47 - 1 milliseconds (the year 6429), so that {@link #encode()} is
   * never negative.
   */
  public static final long MAX_PHYSICAL = (1L << 47) - 1;

  /** The largest logical counter: {@value}. */
  public static final int MAX_LOGICAL = 0xFFFF;

  /** The zero timestamp, before every other. */
  public static final HlcTimestamp ZERO = new HlcTimestamp(0, 0);

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a part is out of range
   */
  public HlcTimestamp {
    if (physicalMillis < 0 || physicalMillis > MAX_PHYSICAL) {
      throw new IllegalArgumentException(
          "HLC physical time "
              + physicalMillis
              + " is out of range; allowed: 0 to "
              + MAX_PHYSICAL);
    }
    if (logical < 0 || logical > MAX_LOGICAL) {
      throw new IllegalArgumentException(
          "HLC logical counter " + logical + " is out of range; allowed: 0 to " + MAX_LOGICAL);
    }
  }

  /** Returns the 64-bit encoding: physical time in the high 48 bits, counter in the low 16. */
  public long encode() {
    return (physicalMillis << 16) | logical;
  }

  /**
   * Decodes {@link #encode()}'s form.
   *
   * @param packed the 64-bit encoding
   * @return the timestamp
   * @throws IllegalArgumentException if {@code packed} is negative
   */
  public static HlcTimestamp decode(long packed) {
    if (packed < 0) {
      throw new IllegalArgumentException(
          "packed HLC timestamp " + packed + " is negative; allowed: 0 to " + Long.MAX_VALUE);
    }
    return new HlcTimestamp(packed >>> 16, (int) (packed & MAX_LOGICAL));
  }

  @Override
  public int compareTo(HlcTimestamp other) {
    return Long.compare(encode(), other.encode());
  }

  @Override
  public String toString() {
    return physicalMillis + "." + logical;
  }
}
