package dev.tdeveloper.cost.anomaly;

import dev.tdeveloper.cost.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * An open anomaly whose impact grew by at least the configured step since it was last announced;
 * smaller growth is folded into the anomaly silently, so a lasting anomaly does not page daily.
 *
 * @param anomaly the anomaly now
 * @param previousImpact the impact last announced
 * @param at when it was detected
 */
public record AnomalyUpdated(CostAnomaly anomaly, Money previousImpact, Instant at)
    implements AnomalyEvent {
  /** Validates. */
  public AnomalyUpdated {
    Objects.requireNonNull(anomaly, "anomaly");
    Objects.requireNonNull(previousImpact, "previousImpact");
    Objects.requireNonNull(at, "at");
  }
}
