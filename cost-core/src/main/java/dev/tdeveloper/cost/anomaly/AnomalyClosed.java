package dev.tdeveloper.cost.anomaly;

import java.time.Instant;
import java.util.Objects;

/**
 * An anomaly that ended, and why.
 *
 * @param anomaly the anomaly, with its end day
 * @param reason why it closed
 * @param at when it was detected
 */
public record AnomalyClosed(CostAnomaly anomaly, Reason reason, Instant at)
    implements AnomalyEvent {
  /** Why an anomaly closed. */
  public enum Reason {
    /** A day of the series was within the expected range again (or moved the other way). */
    RETURNED_TO_NORMAL,
    /**
     * The anomaly lasted the configured number of days: it is taken as a lasting shift, and the
     * series' baseline restarts from its first day.
     */
    NEW_NORMAL
  }

  /** Validates. */
  public AnomalyClosed {
    Objects.requireNonNull(anomaly, "anomaly");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
