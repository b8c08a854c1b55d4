package dev.tdeveloper.demo.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One SLO as the dashboard shows it: its objective, the share of its error budget left, its burn
 * rates over the alerting windows, a sparkline of recent burn rates (oldest first) and the names of
 * its alerts now firing. Immutable.
 *
 * @param id the SLO's id, for example {@code availability}
 * @param tenant the tenant it measures, or empty for a service-wide SLO
 * @param objective the target share of good events, strictly between 0 and 1 (e.g. 0.999)
 * @param budgetRemaining the share of the window's error budget left: 1 when untouched, 0 when
 *     spent, negative when overspent
 * @param burnRates burn rate per window name ({@code 5m}, {@code 1h}, ...), each finite and at
 *     least 0 (1 spends the budget exactly over the SLO window)
 * @param sparkline recent burn rates, oldest first, each finite and at least 0; at most {@value
 *     #MAX_SPARKLINE} points
 * @param alerts the names of this SLO's alerts now firing
 */
public record SloView(
    String id,
    Optional<String> tenant,
    double objective,
    double budgetRemaining,
    Map<String, Double> burnRates,
    List<Double> sparkline,
    List<String> alerts) {

  /** The most sparkline points kept: {@value}. */
  public static final int MAX_SPARKLINE = 500;

  /**
   * Validates and copies the view.
   *
   * @throws NullPointerException naming the field if one is null
   * @throws IllegalArgumentException naming the field and value if one is out of range
   */
  public SloView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(burnRates, "burnRates");
    Objects.requireNonNull(sparkline, "sparkline");
    Objects.requireNonNull(alerts, "alerts");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id: '" + id + "'; allowed: a non-blank name");
    }
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException(
          "objective of SLO " + id + ": " + objective + "; allowed: strictly between 0 and 1");
    }
    if (!Double.isFinite(budgetRemaining) || budgetRemaining > 1) {
      throw new IllegalArgumentException(
          "budgetRemaining of SLO " + id + ": " + budgetRemaining + "; allowed: finite, <= 1");
    }
    burnRates.forEach((window, rate) -> rate(id, "burnRates[" + window + "]", rate));
    if (sparkline.size() > MAX_SPARKLINE) {
      throw new IllegalArgumentException(
          "sparkline of SLO "
              + id
              + ": "
              + sparkline.size()
              + " points; allowed: <= "
              + MAX_SPARKLINE);
    }
    sparkline.forEach(rate -> rate(id, "sparkline", rate));
    burnRates = java.util.Collections.unmodifiableMap(new TreeMap<>(burnRates));
    sparkline = List.copyOf(sparkline);
    alerts = List.copyOf(alerts);
  }

  private static void rate(String id, String field, Double rate) {
    if (rate == null || !Double.isFinite(rate) || rate < 0) {
      throw new IllegalArgumentException(
          field + " of SLO " + id + ": " + rate + "; allowed: a finite burn rate >= 0");
    }
  }
}
