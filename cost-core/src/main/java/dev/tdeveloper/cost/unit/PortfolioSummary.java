package dev.tdeveloper.cost.unit;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All tenants' month at a glance. The median of an even count is the mean of the two middle costs;
 * P90 is nearest-rank (the cost at rank ceil(0.9 x N)). Immutable and thread-safe.
 *
 * @param month the month
 * @param tenants how many tenants were assessed
 * @param overTarget the tenants whose cost exceeds the target, in id order
 * @param totalCost the sum of every tenant's cost
 * @param medianCost the median cost per tenant
 * @param p90Cost the 90th percentile of cost per tenant
 * @param totalRevenue the sum of the revenues given; empty when none was
 * @param totalMargin the sum of the margins of the tenants with revenue; empty when none has one
 */
public record PortfolioSummary(
    YearMonth month,
    int tenants,
    List<TenantId> overTarget,
    Money totalCost,
    Money medianCost,
    Money p90Cost,
    Optional<Money> totalRevenue,
    Optional<Money> totalMargin) {
  /** Validates and copies the list. */
  public PortfolioSummary {
    Objects.requireNonNull(month, "month");
    overTarget = List.copyOf(Objects.requireNonNull(overTarget, "overTarget"));
    Objects.requireNonNull(totalCost, "totalCost");
    Objects.requireNonNull(medianCost, "medianCost");
    Objects.requireNonNull(p90Cost, "p90Cost");
    Objects.requireNonNull(totalRevenue, "totalRevenue");
    Objects.requireNonNull(totalMargin, "totalMargin");
  }
}
