package dev.tdeveloper.observability.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One series' value: a {@code long} for counters, the bits of a {@code double} for gauges. Retiring
 * swaps in a sentinel that no valid value has, so an update racing a retirement either lands before
 * it (and is folded) or fails and is retried under the tenant's new tag: none is lost.
 */
final class Cell {
  /** Counters are never negative; gauges never hold NaN. The sentinel is both. */
  private static final long RETIRED = 0xfff8_dead_0000_0001L;

  private final AtomicLong bits = new AtomicLong(Double.doubleToRawLongBits(0.0));
  private final boolean counter;

  Cell(MetricType type) {
    this.counter = type == MetricType.COUNTER;
    if (counter) {
      bits.set(0);
    }
  }

  /** Adds to a counter; returns false if retired. */
  boolean addLong(long amount) {
    while (true) {
      long current = bits.get();
      if (current == RETIRED) {
        return false;
      }
      long next = current + amount;
      if (next < 0) {
        next = Long.MAX_VALUE;
      }
      if (bits.compareAndSet(current, next)) {
        return true;
      }
    }
  }

  /**
   * Adds to a gauge; returns false if retired; on overflow saturates or throws ArithmeticException.
   */
  boolean addDouble(double delta, boolean saturate) {
    while (true) {
      long current = bits.get();
      if (current == RETIRED) {
        return false;
      }
      double sum = Double.longBitsToDouble(current) + delta;
      if (!Double.isFinite(sum) && saturate) {
        sum = Math.copySign(Double.MAX_VALUE, sum);
      } else if (!Double.isFinite(sum)) {
        throw new ArithmeticException("gauge would overflow to " + sum);
      }
      long next = Double.doubleToRawLongBits(sum);
      if (bits.compareAndSet(current, next)) {
        return true;
      }
    }
  }

  /** Returns the value as a double, or NaN if retired. */
  double value() {
    long current = bits.get();
    if (current == RETIRED) {
      return Double.NaN;
    }
    return counter ? current : Double.longBitsToDouble(current);
  }

  /** Returns the value as a long (counters only), or -1 if retired. */
  long longValue() {
    long current = bits.get();
    return current == RETIRED ? -1 : current;
  }

  /** Retires the cell; returns its last value, or NaN if it was already retired. */
  double retire() {
    long last = bits.getAndSet(RETIRED);
    if (last == RETIRED) {
      return Double.NaN;
    }
    return counter ? last : Double.longBitsToDouble(last);
  }
}
