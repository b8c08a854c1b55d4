package dev.tdeveloper.observability.slo;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Builds the {@link Alert} of a burn-rate rule for one SLO and tenant. Stateless. */
final class BurnRateAlerts {
  private BurnRateAlerts() {}

  /**
   * Returns the firing alert: labels {@code alertname}, {@code slo}, {@code tenant}, {@code
   * severity}, {@code long_window}, {@code short_window} and the SLO's labels; annotations {@code
   * summary}, {@code description}, {@code burn_rate_long}, {@code burn_rate_short}, {@code factor},
   * {@code objective} and {@code budget_remaining}.
   */
  static Alert alert(
      ErrorBudget budget, BurnRateRule rule, double longBurn, double shortBurn, Instant since) {
    Slo slo = budget.slo();
    String tenant = budget.tenant().value();
    Labels labels =
        slo.labels()
            .with(Alert.ALERTNAME, BurnRateEvaluator.ALERTNAME)
            .with("slo", slo.id())
            .with(Alert.TENANT, tenant)
            .with(Alert.SEVERITY, rule.severity().label())
            .with("long_window", Windows.format(rule.longWindow()))
            .with("short_window", Windows.format(rule.shortWindow()));
    Map<String, String> annotations = new HashMap<>();
    annotations.put(
        "summary",
        String.format(
            Locale.ROOT,
            "SLO %s of tenant %s is burning its error budget %.1fx over %s and %.1fx over %s"
                + " (%s above %.1fx)",
            slo.id(),
            tenant,
            longBurn,
            Windows.format(rule.longWindow()),
            shortBurn,
            Windows.format(rule.shortWindow()),
            rule.pages() ? "page" : "ticket",
            rule.factor()));
    annotations.put("description", slo.description().isEmpty() ? slo.id() : slo.description());
    annotations.put("burn_rate_long", format(longBurn));
    annotations.put("burn_rate_short", format(shortBurn));
    annotations.put("factor", format(rule.factor()));
    annotations.put("objective", Double.toString(slo.objective()));
    annotations.put("budget_remaining", format(budget.remainingFraction()));
    return Alert.firing(labels, annotations, since);
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
