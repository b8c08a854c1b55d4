package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportFloorLineTest {
  private static Map<String, Object> run(Map<String, Object> floor) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("latencyMillis", Map.of("p95", 337.0));
    run.put("diskFloor", floor);
    return run;
  }

  @Test
  void putsTheRequestsP95BesideTheFloorsWithItsStalls() {
    Map<String, Object> floor = new LinkedHashMap<>();
    floor.put("enabled", true);
    floor.put("recordLatencyMillis", Map.of("p95", 4.2, "p99.9", 180.0, "max", 412.5));
    floor.put("forcesAttempted", 6_012L);
    floor.put("stalledForces", 7L);
    floor.put("stalledSeconds", 1.24);
    floor.put("stalledShare", 0.0208);

    assertThat(LoadReport.floorLine(run(floor)))
        .isEqualTo(
            "requests p95 337.0 ms against the disk floor's p95 4.2 ms (p99.9 180.0, max 412.5 ms;"
                + " 6012 forces, 7 over 100 ms: 1.2 stalled seconds, 2.1% of the run)");
  }

  @Test
  void saysSoWhenTheProbeWasOff() {
    assertThat(LoadReport.floorLine(run(DiskFloorProbe.off())))
        .isEqualTo("requests p95 337.0 ms, disk floor off");
  }
}
