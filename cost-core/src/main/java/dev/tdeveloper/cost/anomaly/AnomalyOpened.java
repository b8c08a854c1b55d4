package dev.tdeveloper.cost.anomaly;

import java.time.Instant;
import java.util.Objects;

/**
 * A new anomaly: the first anomalous day of a scope and service after normal days.
 *
 * @param anomaly the anomaly as of its first day
 * @param at when it was detected
 */
public record AnomalyOpened(CostAnomaly anomaly, Instant at) implements AnomalyEvent {
  /** Validates. */
  public AnomalyOpened {
    Objects.requireNonNull(anomaly, "anomaly");
    Objects.requireNonNull(at, "at");
  }
}
