package dev.tdeveloper.cost.anomaly;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The settings of a {@link CostAnomalyDetector}, fixed when it is built. See {@link
 * CostAnomalyDetectorBuilder} for each setting's meaning, default and allowed range. Immutable.
 *
 * @param threshold the robust z-score a day must reach (Iglewicz–Hoaglin's 3.5 by default)
 * @param minImpact the smallest daily impact, in the series' currency
 * @param minImpactPercent the smallest daily impact as a percentage of the expected spend
 * @param lookbackWeeks how many past same weekdays the baseline takes the median of
 * @param minHistoryDays days a series must have before it is scored
 * @param residualWindowDays how many recent normal days the residual scale is taken from
 * @param detectDecreases whether drops in spend are anomalies too
 * @param updateStepPercent growth of the impact, in percent of the impact last announced, that
 *     publishes an {@link AnomalyUpdated}
 * @param maxOpenPerScope the most anomalies open at once in one scope
 * @param newNormalAfterDays anomalous days after which an anomaly is taken as the new normal
 * @param retainClosedPerScope closed anomalies kept per scope for {@link
 *     CostAnomalyDetector#anomalies}
 */
public record CostAnomalyConfig(
    double threshold,
    BigDecimal minImpact,
    BigDecimal minImpactPercent,
    int lookbackWeeks,
    int minHistoryDays,
    int residualWindowDays,
    boolean detectDecreases,
    BigDecimal updateStepPercent,
    int maxOpenPerScope,
    int newNormalAfterDays,
    int retainClosedPerScope) {

  /** Validates; the builder reports the same rules with the setter's name. */
  public CostAnomalyConfig {
    Objects.requireNonNull(minImpact, "minImpact");
    Objects.requireNonNull(minImpactPercent, "minImpactPercent");
    Objects.requireNonNull(updateStepPercent, "updateStepPercent");
    CostAnomalyDetectorBuilder.check(
        threshold > 0 && Double.isFinite(threshold), "threshold", threshold, "a finite number > 0");
    CostAnomalyDetectorBuilder.check(minImpact.signum() >= 0, "minImpact", minImpact, ">= 0");
    CostAnomalyDetectorBuilder.check(
        minImpactPercent.signum() >= 0, "minImpactPercent", minImpactPercent, ">= 0");
    CostAnomalyDetectorBuilder.check(
        lookbackWeeks >= 1 && lookbackWeeks <= 52, "lookbackWeeks", lookbackWeeks, "1 to 52");
    CostAnomalyDetectorBuilder.check(
        minHistoryDays >= 14 && minHistoryDays <= 366,
        "minHistoryDays",
        minHistoryDays,
        "14 to 366");
    CostAnomalyDetectorBuilder.check(
        residualWindowDays >= 7 && residualWindowDays <= 366,
        "residualWindowDays",
        residualWindowDays,
        "7 to 366");
    CostAnomalyDetectorBuilder.check(
        updateStepPercent.signum() > 0, "updateStepPercent", updateStepPercent, "> 0");
    CostAnomalyDetectorBuilder.check(
        maxOpenPerScope >= 1, "maxOpenPerScope", maxOpenPerScope, "at least 1");
    CostAnomalyDetectorBuilder.check(
        retainClosedPerScope >= 0, "retainClosedPerScope", retainClosedPerScope, "0 or more");
    if (newNormalAfterDays < minHistoryDays) {
      throw new IllegalStateException(
          "newNormalAfterDays is "
              + newNormalAfterDays
              + " but minHistoryDays is "
              + minHistoryDays
              + "; allowed: newNormalAfterDays >= minHistoryDays, so that a series restarted at a"
              + " new normal can be scored at once");
    }
  }
}
