package dev.tdeveloper.cost.anomaly;

import static dev.tdeveloper.cost.anomaly.Days.cost;
import static dev.tdeveloper.cost.anomaly.Days.normal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TenantIsolationTest {
  private static final CostScope A = CostScope.tenant(TenantId.of("tenant-a"));
  private static final CostScope B = CostScope.tenant(TenantId.of("tenant-b"));

  /**
   * Tenant A spikes on a random day with a random size while tenant B, with the same service names,
   * stays normal: no event, open or retained anomaly, nor root cause of A ever names B, and B's own
   * cap and history are untouched.
   */
  @Property(tries = 50)
  void oneTenantsAnomalyNeverAppearsUnderAnother(
      @ForAll @IntRange(min = 20, max = 55) int spikeDay,
      @ForAll @IntRange(min = 150, max = 2000) int spike) {
    CostAnomalyDetector d = CostAnomalyDetector.builder().maxOpenPerScope(1).build();
    List<AnomalyEvent> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      double a = i >= spikeDay && i < spikeDay + 3 ? spike : normal(i);
      events.addAll(
          d.observe(
              List.of(
                  cost(A, "compute", i, a),
                  cost(A, "*", i, a),
                  cost(B, "compute", i, normal(i)),
                  cost(B, "*", i, normal(i)))));
    }
    assertThat(d.anomalies(B)).isEmpty();
    assertThat(d.openAnomalies(B)).isEmpty();
    assertThat(d.anomalies(A)).isNotEmpty().allSatisfy(x -> assertThat(x.scope()).isEqualTo(A));
    assertThat(d.anomalies(A))
        .flatExtracting(CostAnomaly::rootCauses)
        .allSatisfy(r -> assertThat(r.scope()).isEqualTo(A));
    for (AnomalyEvent e : events) {
      CostScope scope;
      if (e instanceof AnomalyOpened o) {
        scope = o.anomaly().scope();
      } else if (e instanceof AnomalyUpdated u) {
        scope = u.anomaly().scope();
      } else if (e instanceof AnomalyClosed c) {
        scope = c.anomaly().scope();
      } else {
        scope = ((AnomalySuppressed) e).scope();
      }
      assertThat(scope).isEqualTo(A);
    }
    // B's own spike is still seen: A's anomalies did not use up B's cap.
    assertThat(d.observe(cost(B, "compute", 60, 900))).hasSize(1);
  }
}
