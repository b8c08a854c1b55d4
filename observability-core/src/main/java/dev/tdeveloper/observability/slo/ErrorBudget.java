package dev.tdeveloper.observability.slo;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * The error budget of one SLO for one tenant at an instant: over the SLO window, the budget is the
 * fraction {@code 1 - objective} of the events (or slices) counted, and every bad one spends it. A
 * window without events has its whole budget left.
 *
 * <p>Immutable and thread-safe.
 *
 * @param slo the SLO
 * @param tenant the tenant
 * @param at the instant the counts are for: the recorder's last advance
 * @param counts the events (or closed slices) over the SLO window
 */
public record ErrorBudget(Slo slo, TenantId tenant, Instant at, SliCounts counts) {
  /** Checks that no field is null. */
  public ErrorBudget {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(counts, "counts");
  }

  /** Returns how many bad events (or slices) the window allows: {@code (1 - objective) * total}. */
  public double allowedBad() {
    return slo.errorBudget() * counts.total();
  }

  /** Returns the bad events (or slices) still allowed; negative once the budget is overspent. */
  public double remainingEvents() {
    return allowedBad() - counts.bad();
  }

  /**
   * Returns the fraction of the budget left: 1 untouched, 0 spent, negative overspent; 1 when no
   * event was counted.
   */
  public double remainingFraction() {
    return 1 - consumedFraction();
  }

  /** Returns the fraction of the budget spent: {@code bad / allowedBad}, 0 without events. */
  public double consumedFraction() {
    return counts.total() == 0 ? 0 : counts.bad() / allowedBad();
  }

  /** Returns the burn rate over the whole SLO window (1 spends the budget exactly). */
  public double burnRate() {
    return counts.burnRate(slo.objective());
  }
}
