package dev.tdeveloper.demo.dashboard;

import dev.tdeveloper.observability.alert.Alert;
import java.util.List;

/**
 * Empty {@link DashboardSources} for tests of the dashboard's own sections: no SLOs, no alerts, no
 * incidents, so the page shows its "no SLOs configured" and "no open alerts" states.
 */
final class UnwiredDashboardSources implements DashboardSources {
  static final UnwiredDashboardSources INSTANCE = new UnwiredDashboardSources();

  private UnwiredDashboardSources() {}

  @Override
  public List<SloView> slos() {
    return List.of();
  }

  @Override
  public List<Alert> alerts() {
    return List.of();
  }

  @Override
  public List<IncidentView> incidents() {
    return List.of();
  }
}
