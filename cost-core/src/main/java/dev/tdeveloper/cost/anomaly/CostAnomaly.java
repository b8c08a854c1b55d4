package dev.tdeveloper.cost.anomaly;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One cost anomaly: a run of consecutive anomalous days of one scope and service, reported once (as
 * AWS Cost Anomaly Detection does) rather than once per day. Totals cover the anomalous days only;
 * the expected spend is the detector's robust estimate, rounded to the currency's minor unit, while
 * the actual spend is summed exactly. Immutable; a snapshot of the anomaly when it was taken.
 *
 * @param id a stable id: scope, service and start day
 * @param scope whose cost
 * @param service the service, or {@code "*"} for a scope's total
 * @param direction an increase or (when enabled) a decrease
 * @param start the first anomalous day
 * @param lastDay the latest anomalous day seen so far
 * @param end the last anomalous day once the anomaly is closed; empty while it is open
 * @param days the number of anomalous days
 * @param expected expected spend over those days
 * @param actual actual spend over those days
 * @param impact actual minus expected (negative for a decrease)
 * @param impactPercent impact as a percentage of expected (scale 2); empty when nothing was
 *     expected
 * @param maxScore the highest robust z-score of any of its days (absolute value)
 * @param rootCauses contributors, largest impact first
 */
public record CostAnomaly(
    String id,
    CostScope scope,
    String service,
    Direction direction,
    LocalDate start,
    LocalDate lastDay,
    Optional<LocalDate> end,
    int days,
    Money expected,
    Money actual,
    Money impact,
    Optional<BigDecimal> impactPercent,
    double maxScore,
    List<RootCause> rootCauses) {

  /** Whether spend went up or down. */
  public enum Direction {
    /** Spend above what was expected. */
    INCREASE,
    /** Spend below what was expected (only reported when decreases are enabled). */
    DECREASE
  }

  /** Validates and copies the root causes. */
  public CostAnomaly {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(impactPercent, "impactPercent");
    rootCauses = List.copyOf(rootCauses);
    if (lastDay.isBefore(start)) {
      throw new IllegalArgumentException(
          "lastDay: " + lastDay + " is before start " + start + "; allowed: on or after start");
    }
    if (days < 1) {
      throw new IllegalArgumentException("days: " + days + "; allowed: at least 1");
    }
  }

  /**
   * Whether the anomaly is still open (its latest day was anomalous).
   *
   * @return true while open
   */
  public boolean isOpen() {
    return end.isEmpty();
  }
}
