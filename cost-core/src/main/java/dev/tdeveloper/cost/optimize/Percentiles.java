package dev.tdeveloper.cost.optimize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The nearest-rank percentile: the P-th percentile of N ascending values is the value at 1-based
 * rank ceil(P / 100 x N) (at least 1). It is always one of the observed values, never an
 * interpolation, so a recommendation can point at the sample it came from.
 */
final class Percentiles {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Percentiles() {}

  static int rank(BigDecimal percentile, int n) {
    BigDecimal r =
        percentile
            .multiply(BigDecimal.valueOf(n))
            .divide(HUNDRED)
            .setScale(0, RoundingMode.CEILING);
    return Math.max(1, r.intValueExact());
  }

  static BigDecimal nearestRank(List<BigDecimal> ascending, BigDecimal percentile) {
    if (ascending.isEmpty()) {
      throw new IllegalArgumentException("values: empty; allowed: at least one value");
    }
    return ascending.get(rank(percentile, ascending.size()) - 1);
  }
}
