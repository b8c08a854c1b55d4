package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One scope's cost of one service on one day (UTC): what budgets forecast from and anomaly
 * detection watches.
 *
 * @param scope whose cost
 * @param service the service, or {@code "*"} for all services together
 * @param day the day, UTC
 * @param cost the cost, at least 0
 */
public record DailyCost(CostScope scope, String service, LocalDate day, Money cost) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the service is blank or the cost negative
   */
  public DailyCost {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(cost, "cost");
    if (service.isBlank()) {
      throw new IllegalArgumentException("service: blank; allowed: a name or *");
    }
    if (cost.isNegative()) {
      throw new IllegalArgumentException(
          "cost of " + scope + " on " + day + ": " + cost + " is negative; allowed: >= 0");
    }
  }
}
