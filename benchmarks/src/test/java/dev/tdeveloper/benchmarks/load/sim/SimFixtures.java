package dev.tdeveloper.benchmarks.load.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Fixed inputs for the simulations' tests: 100 tenants, 20 enterprise, 30 pro, 50 free. */
final class SimFixtures {
  private SimFixtures() {}

  /** {@code tenants} tenants at {@code perTenant} req/s each; 1 ms of CPU per request, 2 cores. */
  static SimInputs inputs(int tenants, double perTenant, Duration startup) {
    List<SimInputs.TenantLoad> loads = new ArrayList<>();
    for (int i = 0; i < tenants; i++) {
      String plan = i < tenants / 5 ? "enterprise" : i < tenants / 2 ? "pro" : "free";
      loads.add(new SimInputs.TenantLoad(String.format("lt-%03d", i), plan, perTenant));
    }
    return new SimInputs(tenants * perTenant, 1000, 2, startup, loads);
  }
}
