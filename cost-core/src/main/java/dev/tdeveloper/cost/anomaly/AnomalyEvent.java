package dev.tdeveloper.cost.anomaly;

import java.time.Instant;

/**
 * What a {@link CostAnomalyDetector} publishes on a transition: an anomaly opened, grew by at least
 * the configured step, closed, or was suppressed by the per-scope cap. Callers switch on the four
 * records. Immutable.
 */
public sealed interface AnomalyEvent
    permits AnomalyOpened, AnomalyUpdated, AnomalyClosed, AnomalySuppressed {
  /**
   * When the detector emitted the event (from its injected clock).
   *
   * @return the instant
   */
  Instant at();
}
