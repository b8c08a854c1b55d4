package dev.tdeveloper.benchmarks.load.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimInputsTest {
  private static final List<SimInputs.TenantLoad> ONE =
      List.of(new SimInputs.TenantLoad("lt-000", "free", 5));

  @Test
  void oneInstanceSustainsItsCoresOverTheCpuTimeOfARequest() {
    assertThat(new SimInputs(100, 1186, 2, Duration.ofSeconds(3), ONE).capacityPerInstance())
        .isCloseTo(1686.34, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void refusesMeasurementsThatCannotDriveASimulation() {
    assertThatThrownBy(() -> new SimInputs(0, 1000, 2, Duration.ofSeconds(3), ONE))
        .hasMessage("requestsPerSecond: 0.0; allowed: finite, > 0");
    assertThatThrownBy(() -> new SimInputs(100, Double.NaN, 2, Duration.ofSeconds(3), ONE))
        .hasMessage("cpuMicrosPerRequest: NaN; allowed: finite, > 0");
    assertThatThrownBy(() -> new SimInputs(100, 1000, 0, Duration.ofSeconds(3), ONE))
        .hasMessage("cores: 0; allowed: >= 1");
    assertThatThrownBy(() -> new SimInputs(100, 1000, 2, Duration.ZERO, ONE))
        .hasMessage("startup: PT0S; allowed: > 0");
    assertThatThrownBy(() -> new SimInputs(100, 1000, 2, Duration.ofSeconds(3), List.of()))
        .hasMessage("tenants: none; allowed: at least one");
    assertThatThrownBy(() -> new SimInputs.TenantLoad("lt-001", "pro", -1))
        .hasMessage("requestsPerSecond of lt-001: -1.0; allowed: finite, >= 0");
  }
}
