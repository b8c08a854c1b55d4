package dev.tdeveloper.cost.anomaly;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One contributor to an anomaly: the service (within the anomaly's own scope) whose spend departed
 * from its expected value, with its share of the anomaly's impact. An anomaly on a single service
 * has that service as its only root cause; one on a scope's total ({@code "*"}) ranks the services
 * reported under that scope on the same days by impact. Immutable.
 *
 * @param scope the scope, always the anomaly's own
 * @param service the service
 * @param expected its expected spend over the anomalous days
 * @param actual its actual spend over the anomalous days
 * @param impact actual minus expected
 * @param sharePercent its impact as a percentage of the anomaly's impact (scale 2; may exceed 100
 *     or be negative when other services moved the other way)
 */
public record RootCause(
    CostScope scope,
    String service,
    Money expected,
    Money actual,
    Money impact,
    BigDecimal sharePercent) {
  /** Validates. */
  public RootCause {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(sharePercent, "sharePercent");
  }
}
