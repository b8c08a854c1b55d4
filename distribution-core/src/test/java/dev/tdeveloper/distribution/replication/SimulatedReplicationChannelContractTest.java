package dev.tdeveloper.distribution.replication;

import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.distribution.testkit.ReplicationChannelContract;
import java.time.Duration;
import java.util.List;

/** Without latency, jitter, loss or duplication the simulated channel passes the SPI contract. */
class SimulatedReplicationChannelContractTest extends ReplicationChannelContract {
  @Override
  protected ReplicationChannel newChannel() {
    return new SimulatedReplicationChannel(
        SimulationSettings.builder(List.of(EU, US, AP))
            .latency(Duration.ZERO, Duration.ZERO)
            .build(),
        () -> 0L);
  }
}
