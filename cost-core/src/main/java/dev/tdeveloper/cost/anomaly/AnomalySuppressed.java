package dev.tdeveloper.cost.anomaly;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An anomalous day that did not open an anomaly because its scope already had the configured
 * maximum of open anomalies; the day is still kept out of the baseline. Listeners can count these
 * to see that the cap is hiding something.
 *
 * @param scope whose cost
 * @param service the service
 * @param day the anomalous day
 * @param impact its impact on that day
 * @param at when it was detected
 */
public record AnomalySuppressed(
    CostScope scope, String service, LocalDate day, Money impact, Instant at)
    implements AnomalyEvent {
  /** Validates. */
  public AnomalySuppressed {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(at, "at");
  }
}
