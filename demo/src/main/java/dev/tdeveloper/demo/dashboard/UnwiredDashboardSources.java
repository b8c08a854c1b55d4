package dev.tdeveloper.demo.dashboard;

import dev.tdeveloper.observability.alert.Alert;
import java.util.List;

/**
 * The {@link DashboardSources} of a demo whose SLOs and alert router are not wired yet: no SLOs, no
 * alerts, no incidents, so the page shows its "no SLOs configured" and "no open alerts" states.
 * Replace it with the demo's observability components once they land. Stateless and thread-safe.
 */
public final class UnwiredDashboardSources implements DashboardSources {
  /** The one instance. */
  public static final UnwiredDashboardSources INSTANCE = new UnwiredDashboardSources();

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
