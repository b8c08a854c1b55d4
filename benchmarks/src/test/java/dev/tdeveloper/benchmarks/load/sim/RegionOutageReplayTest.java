package dev.tdeveloper.benchmarks.load.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegionOutageReplayTest {
  // 1,000 req/s: 20 tenants per region at 10 req/s each. Replayed once for both tests.
  private static final RegionOutageReplay.Result REPLAY =
      RegionOutageReplay.replay(SimFixtures.inputs(100, 10, Duration.ofSeconds(3)));

  @Test
  void everyOneOfTheFiveRegionsFailsOverAfterThreeFailedProbeRounds() {
    assertThat(REPLAY.regions()).isEqualTo(5);
    assertThat(REPLAY.policy()).isEqualTo("nearest");
    assertThat(REPLAY.outages()).hasSize(5);
    for (RegionOutageReplay.Outage o : REPLAY.outages()) {
      // Failure on a probe: that probe and two more, 10 s apart. One second after a probe: 9 s
      // more to wait for the first failing one.
      assertThat(o.detectionBestSeconds()).as(o.region()).isEqualTo(20);
      assertThat(o.detectionWorstSeconds()).as(o.region()).isEqualTo(29);
      assertThat(o.rerouteWorstSeconds()).as(o.region()).isEqualTo(29);
    }
    assertThat(REPLAY.rerouteWorstSeconds()).isEqualTo(29);
  }

  @Test
  void requestsFailOnlyUntilTheRouterMovesTheRegionsClientsAway() {
    for (RegionOutageReplay.Outage o : REPLAY.outages()) {
      assertThat(o.failedRequestsWorst()).as(o.region()).isEqualTo(20 * 10 * 29);
      // Over the offsets 0..9 s: 20 s, then 29, 28, ... 21 s of failed requests; mean 24.5 s.
      assertThat(o.failedRequestsMean()).as(o.region()).isEqualTo(20 * 10 * 24.5);
      assertThat(o.movedTo()).as(o.region()).isNotEmpty().doesNotContain(o.region());
    }
  }
}
