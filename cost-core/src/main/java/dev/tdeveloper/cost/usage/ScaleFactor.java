package dev.tdeveloper.cost.usage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Turns a meter's raw value into a quantity in a resource's unit: {@code value * numerator /
 * denominator}. A ratio, not one decimal, because the usual factors do not terminate: CPU
 * milliseconds to vCPU-hours is {@code 1/3600000}, MB-seconds to GB-hours {@code 1/3600000}. The
 * result is exact whenever the quotient terminates (7,200,000 ms is exactly 2 vCPU-hours);
 * otherwise it is rounded to 34 significant digits ({@link MathContext#DECIMAL128}), far below a
 * millionth of a cent.
 *
 * <p>Immutable and thread-safe.
 *
 * @param numerator what the value is multiplied by; greater than 0
 * @param denominator what the product is divided by; greater than 0
 */
public record ScaleFactor(BigDecimal numerator, BigDecimal denominator) {
  /** The identity: the meter already counts in the resource's unit. */
  public static final ScaleFactor ONE = new ScaleFactor(BigDecimal.ONE, BigDecimal.ONE);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the value when either part is not above zero
   */
  public ScaleFactor {
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    if (numerator.signum() <= 0) {
      throw new IllegalArgumentException(
          "factor.numerator: " + numerator.toPlainString() + " is not above 0; allowed: > 0");
    }
    if (denominator.signum() <= 0) {
      throw new IllegalArgumentException(
          "factor.denominator: " + denominator.toPlainString() + " is not above 0; allowed: > 0");
    }
  }

  /**
   * A plain multiplier.
   *
   * @param factor the multiplier, above 0 ({@code 0.001} to turn MB into GB)
   * @return the factor
   */
  public static ScaleFactor of(BigDecimal factor) {
    return new ScaleFactor(factor, BigDecimal.ONE);
  }

  /**
   * One unit per {@code divisor} meter units.
   *
   * @param divisor how many meter units make one resource unit ({@code 3600000} ms per hour)
   * @return the factor {@code 1/divisor}
   */
  public static ScaleFactor per(long divisor) {
    return new ScaleFactor(BigDecimal.ONE, BigDecimal.valueOf(divisor));
  }

  /**
   * Parses {@code "0.001"} or {@code "1/3600000"}.
   *
   * @param text a decimal or a ratio of two decimals
   * @return the factor
   * @throws IllegalArgumentException naming the text when it is neither, or not above 0
   */
  public static ScaleFactor parse(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    try {
      if (slash < 0) {
        return of(new BigDecimal(text.trim()));
      }
      return new ScaleFactor(
          new BigDecimal(text.substring(0, slash).trim()),
          new BigDecimal(text.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "factor: '" + text + "' is not a decimal or ratio; allowed: e.g. 0.001 or 1/3600000", e);
    }
  }

  /**
   * Scales a meter value.
   *
   * @param value the raw value
   * @return {@code value * numerator / denominator}, exact when it terminates
   */
  public BigDecimal apply(long value) {
    BigDecimal product = BigDecimal.valueOf(value).multiply(numerator);
    try {
      return product.divide(denominator);
    } catch (ArithmeticException nonTerminating) {
      return product.divide(denominator, MathContext.DECIMAL128);
    }
  }

  @Override
  public String toString() {
    return denominator.compareTo(BigDecimal.ONE) == 0
        ? numerator.toPlainString()
        : numerator.toPlainString() + "/" + denominator.toPlainString();
  }
}
