package dev.tdeveloper.cost.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. Amounts keep whatever precision they are given (a unit price of
 * {@code 0.0000004} per request is legal); {@link #rounded()} brings one to the currency's minor
 * unit (cents for USD) with {@link RoundingMode#HALF_EVEN}, and the allocator distributes rounded
 * totals so that no minor unit is lost or invented. Arithmetic across currencies is refused.
 *
 * <p>Equality is by value and scale-insensitive: {@code USD 1.5} equals {@code USD 1.50}. Immutable
 * and thread-safe.
 *
 * @param amount the amount, any sign and scale
 * @param currency its currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
  /** Validates. */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  /**
   * An amount parsed from text.
   *
   * @param amount a decimal such as {@code "12.34"}
   * @param currency an ISO 4217 code such as {@code "USD"}
   * @return the money
   * @throws IllegalArgumentException naming the value when the amount is not a decimal or the
   *     currency is not an ISO 4217 code
   */
  public static Money of(String amount, String currency) {
    return new Money(parseAmount(amount), currency(currency));
  }

  /**
   * An amount.
   *
   * @param amount the amount
   * @param currency its currency
   * @return the money
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /**
   * Zero of a currency, at its minor-unit scale.
   *
   * @param currency the currency
   * @return zero
   */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO.setScale(minorDigits(currency)), currency);
  }

  /**
   * An amount of minor units (cents for USD).
   *
   * @param minorUnits the count of minor units
   * @param currency the currency
   * @return the money, at the currency's minor-unit scale
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    return new Money(BigDecimal.valueOf(minorUnits, minorDigits(currency)), currency);
  }

  /**
   * Parses an ISO 4217 currency code.
   *
   * @param code the code, {@code "USD"} for example
   * @return the currency
   * @throws IllegalArgumentException naming the code when it is not ISO 4217
   */
  public static Currency currency(String code) {
    Objects.requireNonNull(code, "currency");
    try {
      return Currency.getInstance(code.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "currency: '" + code + "' is not an ISO 4217 code; allowed: USD, EUR, GBP, ...", e);
    }
  }

  /**
   * The digits after the decimal point of a currency's minor unit (2 for USD, 0 for JPY; 2 for the
   * few with none defined).
   *
   * @param currency the currency
   * @return the number of minor-unit digits
   */
  public static int minorDigits(Currency currency) {
    int d = currency.getDefaultFractionDigits();
    return d < 0 ? 2 : d;
  }

  private static BigDecimal parseAmount(String amount) {
    Objects.requireNonNull(amount, "amount");
    try {
      return new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "amount: '" + amount + "' is not a decimal number; allowed: e.g. 12.34", e);
    }
  }

  /**
   * This plus another amount of the same currency.
   *
   * @param other the amount to add
   * @return the sum, exact
   * @throws IllegalArgumentException naming both currencies when they differ
   */
  public Money plus(Money other) {
    return new Money(amount.add(same(other).amount), currency);
  }

  /**
   * This minus another amount of the same currency.
   *
   * @param other the amount to subtract
   * @return the difference, exact
   * @throws IllegalArgumentException naming both currencies when they differ
   */
  public Money minus(Money other) {
    return new Money(amount.subtract(same(other).amount), currency);
  }

  /**
   * This times a factor (a quantity, a share).
   *
   * @param factor the factor
   * @return the product, exact
   */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor), currency);
  }

  /**
   * This amount rounded to the currency's minor unit, half-even.
   *
   * @return the rounded amount
   */
  public Money rounded() {
    return new Money(amount.setScale(minorDigits(currency), RoundingMode.HALF_EVEN), currency);
  }

  /**
   * This amount in minor units; it must already be at the minor unit's precision.
   *
   * @return the count of minor units
   * @throws ArithmeticException when the amount has more precision than the minor unit or does not
   *     fit in a long
   */
  public long toMinorUnits() {
    return amount.setScale(minorDigits(currency)).unscaledValue().longValueExact();
  }

  /**
   * Whether the amount is below zero.
   *
   * @return true when negative
   */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Whether the amount is zero (at any scale).
   *
   * @return true when zero
   */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(same(other).amount);
  }

  private Money same(Money other) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency: "
              + other.currency.getCurrencyCode()
              + " mixed with "
              + currency.getCurrencyCode()
              + "; allowed: amounts of one currency (convert first)");
    }
    return other;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
