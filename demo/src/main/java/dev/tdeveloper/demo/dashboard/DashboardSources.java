package dev.tdeveloper.demo.dashboard;

import dev.tdeveloper.observability.alert.Alert;
import java.util.List;

/**
 * Where the dashboard reads the SLOs, the open alerts and the incidents from: the demo's SLI
 * recorder and alert router implement it. Each call happens on a dashboard request; it should
 * answer from memory without blocking. Implementations must be thread-safe.
 */
public interface DashboardSources {
  /** Returns every SLO with its budget, burn rates, sparkline and firing alerts. */
  List<SloView> slos();

  /** Returns the alerts firing now (resolved ones are left out). */
  List<Alert> alerts();

  /** Returns the incidents not yet resolved. */
  List<IncidentView> incidents();
}
