package dev.tdeveloper.cost.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits an exact amount among weights so that the parts add up to the amount exactly: the largest
 * remainder (Hamilton) method. Each part first gets the floor of its exact quota {@code amount *
 * weight / sum(weights)} in units of {@code 10^-scale}; the units left over (fewer than the number
 * of parts) go one each to the parts with the largest remainders, ties to the lower index. Every
 * part is therefore within one unit of its exact quota, never negative, and the split is
 * deterministic.
 *
 * <p>The unit for {@link Money} is {@code 10^-scale} with {@code scale = max(amount's own scale,
 * the currency's minor digits)}: a bill line of {@code USD 12.345678} is split in millionths, one
 * of {@code USD 12.34} in cents, so no precision the bill carries is lost and none is invented.
 *
 * <p>All weights zero: there is no rule to split by, and {@link IllegalArgumentException} is
 * thrown; the caller decides where such an amount goes (the allocator reports it as idle or
 * unallocated). Stateless and thread-safe.
 */
public final class Apportionment {
  private Apportionment() {}

  /**
   * Splits money among weights, in units of its own scale or its currency's minor unit, whichever
   * is finer.
   *
   * @param amount the amount, at least 0
   * @param weights the weights, each at least 0, at least one above 0
   * @return one part per weight, in order, summing exactly to {@code amount}
   * @throws IllegalArgumentException naming the value when the amount or a weight is negative, the
   *     weights are empty, or all weights are zero
   */
  public static List<Money> split(Money amount, List<BigDecimal> weights) {
    Objects.requireNonNull(amount, "amount");
    BigDecimal[] parts = split(amount.amount(), unitScale(amount), weights);
    List<Money> out = new ArrayList<>(parts.length);
    for (BigDecimal p : parts) {
      out.add(new Money(p, amount.currency()));
    }
    return List.copyOf(out);
  }

  /**
   * The scale money is split at: its own scale, at least its currency's minor digits.
   *
   * @param amount the amount
   * @return the number of decimal digits of the unit parts are counted in
   */
  public static int unitScale(Money amount) {
    return Math.max(amount.amount().scale(), Money.minorDigits(amount.currency()));
  }

  /**
   * Splits a decimal among weights in units of {@code 10^-scale}.
   *
   * @param amount the amount, at least 0, with at most {@code scale} decimal digits
   * @param scale the digits after the decimal point of the unit
   * @param weights the weights, each at least 0, at least one above 0
   * @return one part per weight, in order, each at {@code scale}, summing exactly to {@code amount}
   * @throws IllegalArgumentException naming the value when the amount or a weight is negative, the
   *     amount has more digits than {@code scale}, the weights are empty, or all weights are zero
   */
  public static BigDecimal[] split(BigDecimal amount, int scale, List<BigDecimal> weights) {
    int weightScale = checkedWeightScale(amount, scale, weights);
    int n = weights.size();
    long[] fast = unitsInLongs(amount, scale, weights, weightScale);
    if (fast != null) {
      BigDecimal[] out = new BigDecimal[n];
      for (int i = 0; i < n; i++) {
        out[i] = BigDecimal.valueOf(fast[i], scale);
      }
      return out;
    }
    BigInteger units = amount.setScale(scale).unscaledValue();
    BigInteger[] w = new BigInteger[n];
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      w[i] = weights.get(i).setScale(weightScale).unscaledValue();
      total = total.add(w[i]);
    }
    if (total.signum() == 0) {
      throw new IllegalArgumentException(
          "weights: all "
              + n
              + " are zero; allowed: at least one weight above 0 (the caller decides where an"
              + " amount without weights goes)");
    }
    BigInteger[] floor = new BigInteger[n];
    BigInteger[] remainder = new BigInteger[n];
    BigInteger given = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      BigInteger[] qr = units.multiply(w[i]).divideAndRemainder(total);
      floor[i] = qr[0];
      remainder[i] = qr[1];
      given = given.add(qr[0]);
    }
    int leftover = units.subtract(given).intValueExact(); // < n: each remainder < 1 unit
    if (leftover > 0) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      // Stable sort: equal remainders keep index order, so ties go to the lower index.
      Arrays.sort(order, (a, b) -> remainder[b].compareTo(remainder[a]));
      for (int k = 0; k < leftover; k++) {
        floor[order[k]] = floor[order[k]].add(BigInteger.ONE);
      }
    }
    BigDecimal[] out = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      out[i] = new BigDecimal(floor[i], scale);
    }
    return out;
  }

  /**
   * The same split as {@link #split(BigDecimal, int, List)}, as counts of units of {@code
   * 10^-scale} in {@code long}s, for callers that keep many parts: empty when a product or sum
   * would not fit a {@code long} (then call {@code split}).
   *
   * @param amount the amount, at least 0, with at most {@code scale} decimal digits
   * @param scale the digits after the decimal point of the unit
   * @param weights the weights, each at least 0, at least one above 0
   * @return one count of units per weight, summing exactly to {@code amount}; empty when they do
   *     not fit
   * @throws IllegalArgumentException as {@code split} does
   */
  public static Optional<long[]> splitUnits(
      BigDecimal amount, int scale, List<BigDecimal> weights) {
    int weightScale = checkedWeightScale(amount, scale, weights);
    return Optional.ofNullable(unitsInLongs(amount, scale, weights, weightScale));
  }

  /** Validates the arguments of a split; returns the largest scale of the weights. */
  private static int checkedWeightScale(BigDecimal amount, int scale, List<BigDecimal> weights) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(weights, "weights");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(
          "amount: " + amount.toPlainString() + " is negative; allowed: >= 0");
    }
    if (amount.scale() > scale && amount.stripTrailingZeros().scale() > scale) {
      throw new IllegalArgumentException(
          "amount: "
              + amount.toPlainString()
              + " has more than "
              + scale
              + " decimal digits; allowed: a scale of at least the amount's");
    }
    int n = weights.size();
    if (n == 0) {
      throw new IllegalArgumentException("weights: empty; allowed: at least one weight");
    }
    int weightScale = 0;
    for (int i = 0; i < n; i++) {
      BigDecimal w = weights.get(i);
      if (w == null) {
        throw new NullPointerException("weights[" + i + "]");
      }
      if (w.signum() < 0) {
        throw new IllegalArgumentException(
            "weights[" + i + "]: " + w.toPlainString() + " is negative; allowed: >= 0");
      }
      weightScale = Math.max(weightScale, w.scale());
    }
    return weightScale;
  }

  /**
   * The same split as {@link #splitUnits(BigDecimal, int, List)}, from an amount and weights
   * already counted in units: the amount in units of {@code 10^-scale}, the weights in any one
   * common unit (scaling every weight by the same factor leaves the split unchanged). For callers
   * that hold their numbers as {@code long}s, spared a {@link BigDecimal} per weight.
   *
   * @param amountUnits the amount in units, at least 0
   * @param weights the weights in one common unit, each at least 0, at least one above 0
   * @return one count of units per weight, summing exactly to {@code amountUnits}; empty when a
   *     product or sum would not fit a {@code long}
   * @throws IllegalArgumentException naming the value when the amount or a weight is negative, the
   *     weights are empty, or all weights are zero
   */
  public static Optional<long[]> splitUnits(long amountUnits, long[] weights) {
    Objects.requireNonNull(weights, "weights");
    if (amountUnits < 0) {
      throw new IllegalArgumentException(
          "amountUnits: " + amountUnits + " is negative; allowed: >= 0");
    }
    if (weights.length == 0) {
      throw new IllegalArgumentException("weights: empty; allowed: at least one weight");
    }
    long total = 0;
    boolean overflow = false;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0) {
        throw new IllegalArgumentException(
            "weights[" + i + "]: " + weights[i] + " is negative; allowed: >= 0");
      }
      total += weights[i];
      overflow |= total < 0;
    }
    if (!overflow && total == 0) {
      throw new IllegalArgumentException(
          "weights: all "
              + weights.length
              + " are zero; allowed: at least one weight above 0 (the caller decides where an"
              + " amount without weights goes)");
    }
    return Optional.ofNullable(overflow ? null : largestRemainder(amountUnits, weights, total));
  }

  /**
   * The same split in {@code long} arithmetic, which the common bill (cents, quantities of a few
   * decimals) fits: no {@link BigInteger} per part. Returns null when a product or sum would
   * overflow, and the caller splits in {@link BigInteger}s; both give identical parts.
   */
  private static long[] unitsInLongs(
      BigDecimal amount, int scale, List<BigDecimal> weights, int weightScale) {
    int n = weights.size();
    long units = unscaledLong(amount, scale);
    long[] w = new long[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      w[i] = unscaledLong(weights.get(i), weightScale);
      if (w[i] < 0 || units < 0) {
        return null;
      }
      total += w[i];
      if (total < 0) {
        return null;
      }
    }
    if (total == 0) {
      return null; // the BigInteger path names the problem
    }
    return largestRemainder(units, w, total);
  }

  /**
   * The largest-remainder split of {@code units} among non-negative weights summing to {@code total
   * > 0}, or null when a product overflows.
   */
  private static long[] largestRemainder(long units, long[] w, long total) {
    int n = w.length;
    long[] floor = new long[n];
    long[] remainder = new long[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      if (Math.multiplyHigh(units, w[i]) != 0) {
        return null;
      }
      long product = units * w[i];
      if (product < 0) {
        return null;
      }
      floor[i] = product / total;
      remainder[i] = product % total;
      given += floor[i];
    }
    int leftover = (int) (units - given); // < n: each remainder < 1 unit
    if (leftover > 0) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      // Stable sort: equal remainders keep index order, so ties go to the lower index.
      Arrays.sort(order, (x, y) -> Long.compare(remainder[y], remainder[x]));
      for (int k = 0; k < leftover; k++) {
        floor[order[k]]++;
      }
    }
    return floor;
  }

  /** The value in units of {@code 10^-scale} as a long, or -1 when it does not fit one. */
  private static long unscaledLong(BigDecimal value, int scale) {
    BigDecimal v = value.setScale(scale);
    return v.precision() <= 18 ? v.unscaledValue().longValue() : -1;
  }
}
