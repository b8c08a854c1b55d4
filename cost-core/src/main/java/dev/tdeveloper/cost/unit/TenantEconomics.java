package dev.tdeveloper.cost.unit;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant's month: its cost against the target and, when revenue is known, its margin. Amounts
 * are exact; the margin percentage is rounded half-even to two decimals. Immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param month the month
 * @param cost what the tenant cost, at least 0
 * @param target the cost per tenant-month aimed for
 * @param status whether the cost is within the target
 * @param revenue what the tenant paid, when known
 * @param margin revenue minus cost; present exactly when revenue is
 * @param marginPercent margin / revenue x 100; present when revenue is present and not zero
 */
public record TenantEconomics(
    TenantId tenant,
    YearMonth month,
    Money cost,
    Money target,
    UnitStatus status,
    Optional<Money> revenue,
    Optional<Money> margin,
    Optional<BigDecimal> marginPercent) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the margin is present or absent against the revenue
   */
  public TenantEconomics {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(revenue, "revenue");
    Objects.requireNonNull(margin, "margin");
    Objects.requireNonNull(marginPercent, "marginPercent");
    if (margin.isPresent() != revenue.isPresent()) {
      throw new IllegalArgumentException(
          "margin of tenant " + tenant.value() + ": " + margin + "; allowed: exactly with revenue");
    }
  }

  /**
   * How far the cost exceeds the target (zero when within it).
   *
   * @return max(0, cost - target)
   */
  public Money overTargetBy() {
    Money over = cost.minus(target);
    return over.isNegative() ? Money.zero(cost.currency()) : over;
  }
}
