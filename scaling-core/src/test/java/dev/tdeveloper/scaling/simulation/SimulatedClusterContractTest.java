package dev.tdeveloper.scaling.simulation;

import dev.tdeveloper.scaling.spi.ScalingBackend;
import dev.tdeveloper.scaling.testkit.ScalingBackendContract;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;

/** Runs the {@link ScalingBackendContract} against {@link SimulatedCluster} on a manual clock. */
class SimulatedClusterContractTest extends ScalingBackendContract {
  private final ManualClock clock = new ManualClock();

  @Override
  protected ScalingBackend newBackend() {
    return SimulatedCluster.builder("contract-web")
        .clock(clock)
        .startupDelay(Duration.ofSeconds(30))
        .maxReplicas(5)
        .build();
  }

  @Override
  protected void passTime() {
    clock.advance(Duration.ofSeconds(5));
  }
}
