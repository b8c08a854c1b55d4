package dev.tdeveloper.observability.slo;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a dashboard shows for one SLO and tenant, as of the last evaluation: the error budget, each
 * rule's burn rates and alert state, and the recent burn rates over the shortest long window (one
 * per evaluation, oldest first) for a sparkline.
 *
 * <p>Immutable and thread-safe.
 *
 * @param slo the SLO
 * @param tenant the tenant
 * @param at the instant of the evaluation
 * @param budget the error budget over the SLO window
 * @param rules each rule's status, in the order of the SLO's alert set
 * @param burnHistory burn rates over the shortest long window, oldest first, at most {@link
 *     BurnRateEvaluator#DEFAULT_HISTORY} (or the configured length)
 */
public record SloStatus(
    Slo slo,
    TenantId tenant,
    Instant at,
    ErrorBudget budget,
    List<RuleStatus> rules,
    List<Double> burnHistory) {
  /** Checks that no field is null and copies the lists. */
  public SloStatus {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(budget, "budget");
    rules = List.copyOf(rules);
    burnHistory = List.copyOf(burnHistory);
  }

  /** Returns the most severe state among the rules: FIRING over PENDING over the rest. */
  public AlertState worstState() {
    AlertState worst = AlertState.INACTIVE;
    for (RuleStatus r : rules) {
      if (r.state() == AlertState.FIRING) {
        return AlertState.FIRING;
      }
      if (r.state() == AlertState.PENDING) {
        worst = AlertState.PENDING;
      }
    }
    return worst;
  }
}
