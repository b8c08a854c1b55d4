package dev.tdeveloper.cost.unit;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A month's unit economics: one entry per tenant (in id order) and the portfolio summary. Immutable
 * and thread-safe.
 *
 * @param month the month
 * @param tenants each tenant's economics
 * @param summary the portfolio summary
 */
public record UnitEconomicsReport(
    YearMonth month, List<TenantEconomics> tenants, PortfolioSummary summary) {
  /** Validates and copies the list. */
  public UnitEconomicsReport {
    Objects.requireNonNull(month, "month");
    tenants = List.copyOf(Objects.requireNonNull(tenants, "tenants"));
    Objects.requireNonNull(summary, "summary");
  }
}
