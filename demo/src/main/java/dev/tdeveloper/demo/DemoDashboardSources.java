package dev.tdeveloper.demo;

import dev.tdeveloper.demo.dashboard.DashboardSources;
import dev.tdeveloper.demo.dashboard.IncidentView;
import dev.tdeveloper.demo.dashboard.SloView;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.AlertStatus;
import dev.tdeveloper.observability.incident.Incident;
import dev.tdeveloper.observability.slo.AlertState;
import dev.tdeveloper.observability.slo.RuleStatus;
import dev.tdeveloper.observability.slo.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's SLO, alert and incident panels, read from the demo's {@link DemoObservability}:
 * the burn-rate evaluator's last snapshot (budget left, burn rate over each alert window, the
 * sparkline of recent burn rates), the router's firing alerts and the open incidents.
 */
final class DemoDashboardSources implements DashboardSources {
  private final DemoObservability observability;
  private final InstantSource clock;

  DemoDashboardSources(DemoObservability observability, InstantSource clock) {
    this.observability = observability;
    this.clock = clock;
  }

  @Override
  public List<SloView> slos() {
    List<SloView> views = new ArrayList<>();
    for (SloStatus status : observability.evaluator.snapshot()) {
      Map<String, Double> burnRates = new LinkedHashMap<>();
      List<String> firing = new ArrayList<>();
      for (RuleStatus rule : status.rules()) {
        burnRates.put(window(rule.rule().shortWindow()), finite(rule.shortBurnRate()));
        burnRates.put(window(rule.rule().longWindow()), finite(rule.longBurnRate()));
        if (rule.state() == AlertState.FIRING) {
          firing.add(rule.rule().severity().label() + " " + rule.rule().factor() + "x");
        }
      }
      double remaining = status.budget().remainingFraction();
      views.add(
          new SloView(
              status.slo().id(),
              Optional.of(status.tenant().value()),
              status.slo().objective(),
              Double.isFinite(remaining) ? Math.min(1, remaining) : 1,
              burnRates,
              status.burnHistory().stream().map(DemoDashboardSources::finite).toList(),
              firing));
    }
    return views;
  }

  @Override
  public List<Alert> alerts() {
    Instant now = clock.instant();
    return observability.router.alerts().stream()
        .filter(s -> s.state() == AlertStatus.State.ACTIVE)
        .map(AlertStatus::alert)
        .filter(a -> !a.isResolvedAt(now))
        .toList();
  }

  @Override
  public List<IncidentView> incidents() {
    return observability.incidents.openIncidents().stream()
        .map(DemoDashboardSources::incident)
        .toList();
  }

  private static IncidentView incident(Incident incident) {
    return new IncidentView(
        incident.id(),
        incident.title(),
        incident.tenant(),
        incident.severity().label(),
        incident.status().name().toLowerCase(Locale.ROOT),
        incident.openedAt(),
        incident.rootCause().alert().name(),
        incident.alerts().size());
  }

  /** Names a window as the SRE workbook does: {@code 5m}, {@code 1h}, {@code 3d}. */
  static String window(Duration window) {
    long minutes = window.toMinutes();
    if (minutes % (24 * 60) == 0) {
      return minutes / (24 * 60) + "d";
    }
    if (minutes % 60 == 0) {
      return minutes / 60 + "h";
    }
    return minutes + "m";
  }

  private static double finite(double rate) {
    return Double.isFinite(rate) && rate >= 0 ? rate : 0;
  }
}
