package dev.tdeveloper.cost.allocation;

import java.math.BigDecimal;

/**
 * A running exact sum of decimals, updated in place: in a {@code long} of units of the first
 * value's scale while the values share that scale and fit, in a {@link BigDecimal} otherwise. It
 * spares the allocation of a new {@link BigDecimal} per usage record (and the old-to-young
 * references a map of ever-replaced sums gives the collector). Confined to one allocation run.
 */
final class ExactSum {
  private long units;
  private int scale = -1;
  private BigDecimal big; // non-null once the long representation no longer holds

  void add(BigDecimal v) {
    if (big == null) {
      if (scale < 0 && v.scale() >= 0 && v.scale() <= 18) {
        scale = v.scale();
      }
      if (v.scale() == scale && v.precision() <= 18) {
        long u = v.movePointRight(scale).longValue();
        long sum = units + u;
        if (((units ^ sum) & (u ^ sum)) >= 0) { // no overflow
          units = sum;
          return;
        }
      }
      big = value();
    }
    big = big.add(v);
  }

  /** Adds {@code units x 10^-scale}. */
  void addUnits(long u, int s) {
    if (big == null) {
      if (scale < 0 && s >= 0 && s <= 18) {
        scale = s;
      }
      if (s == scale) {
        long sum = units + u;
        if (((units ^ sum) & (u ^ sum)) >= 0) { // no overflow
          units = sum;
          return;
        }
      }
      big = value();
    }
    big = big.add(BigDecimal.valueOf(u, s));
  }

  BigDecimal value() {
    if (big != null) {
      return big;
    }
    return scale < 0 ? BigDecimal.ZERO : BigDecimal.valueOf(units, scale);
  }
}
