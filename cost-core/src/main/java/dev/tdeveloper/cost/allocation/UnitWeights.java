package dev.tdeveloper.cost.allocation;

import java.math.BigDecimal;

/**
 * One asset split's weights as {@code long}s at one common scale, for the common bill whose
 * quantities fit: the apportionment then needs no {@link BigDecimal} product, rescaled copy or
 * {@link java.math.BigInteger} per weight. The weights are the ones {@link AssetSplit} would build
 * as decimals, each scaled by the same power of ten, so the split is the same; their sum, at the
 * scale of the decimals' sum, is the same decimal too. Confined to one allocation run.
 */
final class UnitWeights {
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  final long[] weights;
  final int scale;
  final long total;

  private UnitWeights(long[] weights, int scale, long total) {
    this.weights = weights;
    this.scale = scale;
    this.total = total;
  }

  /** The weights' sum, as the sum of the decimal weights would be. */
  BigDecimal total() {
    return BigDecimal.valueOf(total, scale);
  }

  /**
   * The weights of a split by usage {@code q} (units at {@code qScale}, summing to {@code used}):
   * {@code q_i * b} per tenant, then {@code idle * basis_i} per idle owner ({@code basis_i} being 1
   * under EVEN, {@code q_i} under PROPORTIONAL), or {@code idle} once under NONE when above 0.
   *
   * @return the weights, or null under WEIGHTED or when a number does not fit a {@code long}
   */
  static UnitWeights of(
      IdleSharing rule, long[] q, int qScale, long used, BigDecimal idle, int[] owners, int count) {
    int n = q.length;
    long b; // each usage weight is q_i * b at scale qScale + bScale
    int bScale;
    switch (rule) {
      case NONE -> {
        b = 1;
        bScale = 0;
      }
      case EVEN -> {
        b = n;
        bScale = 0;
      }
      case PROPORTIONAL -> {
        b = used;
        bScale = qScale;
      }
      default -> {
        return null;
      }
    }
    boolean idleLines = rule != IdleSharing.NONE || idle.signum() > 0;
    long idleUnits = 0;
    int idleScale = 0; // of each idle weight
    if (idleLines) {
      if (idle.scale() < 0 || idle.precision() > 18) {
        return null;
      }
      idleUnits = idle.unscaledValue().longValue();
      idleScale = idle.scale() + (rule == IdleSharing.PROPORTIONAL ? qScale : 0);
    }
    int usageScale = qScale + bScale;
    int scale = idleLines ? Math.max(usageScale, idleScale) : usageScale;
    if (scale - usageScale >= POW10.length || scale - idleScale >= POW10.length) {
      return null;
    }
    long usageFactor = POW10[scale - usageScale];
    long idleFactor = POW10[scale - idleScale];
    int idleCount = rule == IdleSharing.NONE ? (idleLines ? 1 : 0) : count;
    long[] w = new long[n + idleCount];
    long total = 0;
    for (int i = 0; i < n; i++) {
      w[i] = times(times(q[i], b), usageFactor);
      total += w[i];
      if (w[i] < 0 || total < 0) {
        return null;
      }
    }
    for (int k = 0; k < idleCount; k++) {
      long basis = rule == IdleSharing.PROPORTIONAL ? q[owners[k]] : 1;
      w[n + k] = times(times(idleUnits, basis), idleFactor);
      total += w[n + k];
      if (w[n + k] < 0 || total < 0) {
        return null;
      }
    }
    return new UnitWeights(w, scale, total);
  }

  /** {@code x * y} for {@code x, y >= 0}, or -1 when it does not fit a {@code long}. */
  private static long times(long x, long y) {
    if (x < 0 || y < 0 || Math.multiplyHigh(x, y) != 0) {
      return -1;
    }
    long p = x * y;
    return p < 0 ? -1 : p;
  }
}
