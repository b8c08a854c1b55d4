package dev.tdeveloper.observability.slo;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One burn-rate rule's state for an SLO and tenant at the last evaluation, for dashboards.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the rule
 * @param state its alert state
 * @param longBurnRate the burn rate over the rule's long window
 * @param shortBurnRate the burn rate over the rule's short window
 * @param activeSince when the condition started to hold, while pending or firing
 */
public record RuleStatus(
    BurnRateRule rule,
    AlertState state,
    double longBurnRate,
    double shortBurnRate,
    Optional<Instant> activeSince) {
  /** Checks that no field is null. */
  public RuleStatus {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(activeSince, "activeSince");
  }
}
