package dev.tdeveloper.cost.anomaly;

import dev.tdeveloper.tenancy.event.EventListener;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link CostAnomalyDetector}. Each setting may be set once (a second call is a mistake
 * and throws {@link IllegalStateException}); bad values throw {@link IllegalArgumentException}
 * naming the setting, the value and what is allowed. Not thread-safe.
 */
public final class CostAnomalyDetectorBuilder {
  /** Default robust z-score threshold: Iglewicz and Hoaglin's recommended 3.5. */
  public static final double DEFAULT_THRESHOLD = 3.5;

  /** Default number of past same weekdays in the baseline. */
  public static final int DEFAULT_LOOKBACK_WEEKS = 4;

  /** Default days of history before a series is scored: two of every weekday. */
  public static final int DEFAULT_MIN_HISTORY_DAYS = 14;

  /** Default number of recent normal days the residual scale comes from. */
  public static final int DEFAULT_RESIDUAL_WINDOW_DAYS = 56;

  /** Default most anomalies open at once per scope. */
  public static final int DEFAULT_MAX_OPEN_PER_SCOPE = 5;

  /** Default anomalous days after which an anomaly is taken as the new normal. */
  public static final int DEFAULT_NEW_NORMAL_AFTER_DAYS = 14;

  /** Default closed anomalies kept per scope. */
  public static final int DEFAULT_RETAIN_CLOSED_PER_SCOPE = 100;

  private final Set<String> set = new HashSet<>();
  private final List<EventListener<? super AnomalyEvent>> listeners = new ArrayList<>();
  private InstantSource clock = InstantSource.system();
  private double threshold = DEFAULT_THRESHOLD;
  private BigDecimal minImpact = BigDecimal.ZERO;
  private BigDecimal minImpactPercent = BigDecimal.TEN;
  private int lookbackWeeks = DEFAULT_LOOKBACK_WEEKS;
  private int minHistoryDays = DEFAULT_MIN_HISTORY_DAYS;
  private int residualWindowDays = DEFAULT_RESIDUAL_WINDOW_DAYS;
  private boolean detectDecreases;
  private BigDecimal updateStepPercent = BigDecimal.valueOf(25);
  private int maxOpenPerScope = DEFAULT_MAX_OPEN_PER_SCOPE;
  private int newNormalAfterDays = DEFAULT_NEW_NORMAL_AFTER_DAYS;
  private int retainClosedPerScope = DEFAULT_RETAIN_CLOSED_PER_SCOPE;

  CostAnomalyDetectorBuilder() {}

  /** The clock that stamps events (default: the system clock). */
  public CostAnomalyDetectorBuilder clock(InstantSource clock) {
    once("clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** The robust z-score a day must reach to be anomalous (default {@value #DEFAULT_THRESHOLD}). */
  public CostAnomalyDetectorBuilder threshold(double threshold) {
    once("threshold");
    check(
        threshold > 0 && Double.isFinite(threshold), "threshold", threshold, "a finite number > 0");
    this.threshold = threshold;
    return this;
  }

  /**
   * The smallest absolute daily impact (actual minus expected), in each series' own currency
   * (default 0: no absolute threshold); AWS's {@code ANOMALY_TOTAL_IMPACT_ABSOLUTE}.
   */
  public CostAnomalyDetectorBuilder minImpact(BigDecimal amount) {
    once("minImpact");
    Objects.requireNonNull(amount, "minImpact");
    check(amount.signum() >= 0, "minImpact", amount, ">= 0");
    this.minImpact = amount;
    return this;
  }

  /**
   * The smallest daily impact as a percentage of the expected spend (default 10); AWS's {@code
   * ANOMALY_TOTAL_IMPACT_PERCENTAGE}. A day with nothing expected passes it.
   */
  public CostAnomalyDetectorBuilder minImpactPercent(BigDecimal percent) {
    once("minImpactPercent");
    Objects.requireNonNull(percent, "minImpactPercent");
    check(percent.signum() >= 0, "minImpactPercent", percent, ">= 0");
    this.minImpactPercent = percent;
    return this;
  }

  /** Past same weekdays whose median is the baseline (default {@value #DEFAULT_LOOKBACK_WEEKS}). */
  public CostAnomalyDetectorBuilder lookbackWeeks(int weeks) {
    once("lookbackWeeks");
    check(weeks >= 1 && weeks <= 52, "lookbackWeeks", weeks, "1 to 52");
    this.lookbackWeeks = weeks;
    return this;
  }

  /**
   * Days a series must have before it is scored (default {@value #DEFAULT_MIN_HISTORY_DAYS}, 14 to
   * 366); until then no day of it is anomalous.
   */
  public CostAnomalyDetectorBuilder minHistoryDays(int days) {
    once("minHistoryDays");
    check(days >= 14 && days <= 366, "minHistoryDays", days, "14 to 366");
    this.minHistoryDays = days;
    return this;
  }

  /**
   * Recent normal days whose residuals give the median/MAD scale (default {@value
   * #DEFAULT_RESIDUAL_WINDOW_DAYS}, 7 to 366).
   */
  public CostAnomalyDetectorBuilder residualWindowDays(int days) {
    once("residualWindowDays");
    check(days >= 7 && days <= 366, "residualWindowDays", days, "7 to 366");
    this.residualWindowDays = days;
    return this;
  }

  /** Whether drops in spend are anomalies too (default false: only increases). */
  public CostAnomalyDetectorBuilder detectDecreases(boolean detect) {
    once("detectDecreases");
    this.detectDecreases = detect;
    return this;
  }

  /**
   * Growth of an open anomaly's impact, in percent of the impact last announced, that publishes an
   * {@link AnomalyUpdated} (default 25).
   */
  public CostAnomalyDetectorBuilder updateStepPercent(BigDecimal percent) {
    once("updateStepPercent");
    Objects.requireNonNull(percent, "updateStepPercent");
    check(percent.signum() > 0, "updateStepPercent", percent, "> 0");
    this.updateStepPercent = percent;
    return this;
  }

  /**
   * The most anomalies open at once in one scope (default {@value #DEFAULT_MAX_OPEN_PER_SCOPE});
   * further anomalous series of that scope are reported as {@link AnomalySuppressed}, largest
   * impact opened first.
   */
  public CostAnomalyDetectorBuilder maxOpenPerScope(int max) {
    once("maxOpenPerScope");
    check(max >= 1, "maxOpenPerScope", max, "at least 1");
    this.maxOpenPerScope = max;
    return this;
  }

  /**
   * Anomalous days after which an anomaly closes as {@link AnomalyClosed.Reason#NEW_NORMAL} and the
   * series' baseline restarts from its first day (default {@value #DEFAULT_NEW_NORMAL_AFTER_DAYS};
   * at least minHistoryDays).
   */
  public CostAnomalyDetectorBuilder newNormalAfterDays(int days) {
    once("newNormalAfterDays");
    check(days >= 14, "newNormalAfterDays", days, "at least 14 (and at least minHistoryDays)");
    this.newNormalAfterDays = days;
    return this;
  }

  /** Closed anomalies kept per scope (default {@value #DEFAULT_RETAIN_CLOSED_PER_SCOPE}). */
  public CostAnomalyDetectorBuilder retainClosedPerScope(int count) {
    once("retainClosedPerScope");
    check(count >= 0, "retainClosedPerScope", count, "0 or more");
    this.retainClosedPerScope = count;
    return this;
  }

  /** Adds a listener of anomaly events; one that throws is logged and skipped. */
  public CostAnomalyDetectorBuilder listener(EventListener<? super AnomalyEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Returns the detector, with a copy of these settings.
   *
   * @throws IllegalStateException when newNormalAfterDays is below minHistoryDays
   */
  public CostAnomalyDetector build() {
    CostAnomalyConfig config =
        new CostAnomalyConfig(
            threshold,
            minImpact,
            minImpactPercent,
            lookbackWeeks,
            minHistoryDays,
            residualWindowDays,
            detectDecreases,
            updateStepPercent,
            maxOpenPerScope,
            newNormalAfterDays,
            retainClosedPerScope);
    return new CostAnomalyDetector(config, clock, listeners);
  }

  private void once(String setting) {
    if (!set.add(setting)) {
      throw new IllegalStateException(setting + " was already set; set each setting once");
    }
  }

  static void check(boolean ok, String field, Object value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException(field + " is " + value + "; allowed: " + allowed);
    }
  }
}
