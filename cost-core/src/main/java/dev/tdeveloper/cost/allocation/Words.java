package dev.tdeveloper.cost.allocation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting for the explanation sentences and the shares of cost lines. */
final class Words {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Words() {}

  /** {@code part / whole} to 16 significant digits (the exact share may not terminate). */
  static BigDecimal share(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal s = part.divide(whole, MathContext.DECIMAL64);
    return s.signum() == 0 ? BigDecimal.ZERO : s.stripTrailingZeros();
  }

  /** A share as a percentage with two decimals: {@code "13.02%"}. */
  static String percent(BigDecimal share) {
    return share.multiply(HUNDRED).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  /** A quantity without trailing zeros: {@code "12.5"}. */
  static String qty(BigDecimal q) {
    return q.signum() == 0 ? "0" : q.stripTrailingZeros().toPlainString();
  }
}
