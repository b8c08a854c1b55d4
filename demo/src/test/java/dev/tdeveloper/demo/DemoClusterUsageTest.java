package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cluster's replica history: exact replica-seconds over any period, and its samples. */
class DemoClusterUsageTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private final ClusterUsage usage = new ClusterUsage("demo", DemoCost.REGION);

  @Test
  void replicaSecondsIntegrateEveryChangeWithinThePeriod() {
    usage.note(T0.plusSeconds(600), 1, 0.5);
    usage.note(T0.plusSeconds(1800), 3, 2.0);
    usage.note(T0.plusSeconds(1815), 3, 2.5);
    usage.note(T0.plusSeconds(3000), 2, 1.0);

    assertThat(usage.replicaSeconds(T0, T0.plusSeconds(3600)))
        .as("0 before the first note, then 1 x 1200 s, 3 x 1200 s, 2 x 600 s")
        .isEqualTo(1200 + 3600 + 1200);
    assertThat(usage.replicaSeconds(T0.plusSeconds(2000), T0.plusSeconds(2100))).isEqualTo(300);
    assertThat(usage.replicaSeconds(T0.plusSeconds(7200), T0.plusSeconds(10800)))
        .as("the last count holds until the next change")
        .isEqualTo(2 * 3600);
  }

  @Test
  void samplesAreTakenAtMostOnceAMinuteWithTheReplicasRequested() {
    usage.note(T0, 2, 1.0);
    usage.note(T0.plusSeconds(15), 2, 2.0);
    usage.note(T0.plusSeconds(60), 4, 2.0);

    assertThat(usage.samples()).hasSize(2);
    assertThat(usage.samples().get(0).cpuCoresUsed()).isEqualByComparingTo("0.25");
    assertThat(usage.samples().get(1).cpuCoresRequested()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(usage.samples().get(1).memoryBytesRequested())
        .isEqualTo(4 * ClusterUsage.MEMORY_PER_REPLICA);
    assertThat(usage.samples().get(0).tenant()).isEqualTo(ClusterUsage.OWNER);
  }

  @Test
  void historyOlderThanTheHorizonIsDroppedButTheCountInForceIsKept() {
    usage.note(T0, 2, 0);
    usage.note(T0.plus(Duration.ofDays(100)), 2, 0);
    usage.note(T0.plus(Duration.ofDays(100)).plusSeconds(60), 5, 0);

    Instant day100 = T0.plus(Duration.ofDays(100));
    assertThat(usage.replicaSeconds(day100.minusSeconds(3600), day100)).isEqualTo(2 * 3600);
    assertThat(usage.replicaSeconds(T0, T0.plusSeconds(3600)))
        .as("before the horizon nothing is known any more")
        .isZero();
    assertThat(usage.samples()).allMatch(s -> s.time().isAfter(day100.minus(Duration.ofDays(16))));
  }
}
