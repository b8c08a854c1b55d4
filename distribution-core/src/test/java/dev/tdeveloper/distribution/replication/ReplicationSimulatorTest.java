package dev.tdeveloper.distribution.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.region.RegionId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ReplicationSimulatorTest {
  static final RegionId EU_WEST = RegionId.of("eu-west-1");
  static final RegionId EU_CENTRAL = RegionId.of("eu-central-1");
  static final RegionId US_EAST = RegionId.of("us-east-1");
  static final RegionId AP_SOUTHEAST = RegionId.of("ap-southeast-1");
  static final RegionId SA_EAST = RegionId.of("sa-east-1");
  static final List<RegionId> FIVE = List.of(EU_WEST, EU_CENTRAL, US_EAST, AP_SOUTHEAST, SA_EAST);

  /** The proof: five regions, two overlapping partitions, a lossy network. */
  static SimulationSettings partitionAndHeal(long seed) {
    return SimulationSettings.builder(FIVE)
        .seed(seed)
        .latency(Duration.ofMillis(60), Duration.ofMillis(30))
        .latency(EU_WEST, EU_CENTRAL, Duration.ofMillis(12))
        .latency(US_EAST, SA_EAST, Duration.ofMillis(110))
        .latency(EU_WEST, AP_SOUTHEAST, Duration.ofMillis(160))
        .loss(0.1)
        .duplicates(0.05)
        .partition(Duration.ofSeconds(2), Duration.ofSeconds(6), Set.of(EU_WEST, EU_CENTRAL))
        .partition(Duration.ofSeconds(4), Duration.ofSeconds(8), Set.of(AP_SOUTHEAST))
        .workload(4, 2_000, Duration.ofSeconds(7))
        .build();
  }

  @Test
  void fiveRegionPartitionAndHealConvergesWithNoLostUpdate() {
    SimulationReport report = new ReplicationSimulator(partitionAndHeal(42)).run();
    assertThat(report.converged()).isTrue();
    assertThat(report.lostUpdates()).isZero();
    assertThat(report.lastHealAt()).isEqualTo(Duration.ofSeconds(8));
    assertThat(report.lastUpdateAt()).isLessThan(report.lastHealAt());
    assertThat(report.convergenceAfterHeal()).isPositive().isLessThan(Duration.ofSeconds(1));
    assertThat(report.conflictsResolved())
        .containsKeys("lww-register", "or-set", "mv-register")
        .allSatisfy((kind, count) -> assertThat(count).isPositive());
    assertThat(report.messagesLost()).isPositive();
    assertThat(report.messagesDuplicated()).isPositive();
    assertThat(report.messagesRedelivered()).isPositive();
    assertThat(report.acknowledgementsLost()).isPositive();
    assertThat(report.messagesDelivered()).isGreaterThanOrEqualTo(report.messagesSent());
  }

  @Test
  void sameSeedGivesTheSameReport() {
    SimulationReport a = new ReplicationSimulator(partitionAndHeal(7)).run();
    SimulationReport b = new ReplicationSimulator(partitionAndHeal(7)).run();
    SimulationReport c = new ReplicationSimulator(partitionAndHeal(8)).run();
    assertThat(a).isEqualTo(b);
    assertThat(c.stateDigest()).isNotEqualTo(a.stateDigest());
  }

  @Property(tries = 15)
  void anySeedConvergesWithNoLostUpdate(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int regions) {
    SimulationSettings settings =
        SimulationSettings.builder(FIVE.subList(0, regions))
            .seed(seed)
            .loss(0.2)
            .duplicates(0.2)
            .partition(Duration.ofSeconds(1), Duration.ofSeconds(3), Set.of(EU_WEST))
            .workload(2, 400, Duration.ofSeconds(4))
            .build();
    SimulationReport report = new ReplicationSimulator(settings).run();
    assertThat(report.converged()).isTrue();
    assertThat(report.lostUpdates()).isZero();
  }

  @Test
  void aQuietNetworkConvergesWithinAFewRoundTrips() {
    SimulationSettings settings =
        SimulationSettings.builder(FIVE)
            .latency(Duration.ofMillis(50), Duration.ZERO)
            .workload(1, 100, Duration.ofSeconds(1))
            .build();
    SimulationReport report = new ReplicationSimulator(settings).run();
    assertThat(report.converged()).isTrue();
    assertThat(report.lostUpdates()).isZero();
    assertThat(report.messagesLost()).isZero();
    assertThat(report.messagesRedelivered()).isZero();
    // the last flush (50 ms), one latency (50 ms), one poll (20 ms)
    assertThat(report.convergedAt().minus(report.lastUpdateAt()))
        .isLessThanOrEqualTo(Duration.ofMillis(140));
  }

  @Test
  void aPartitionThatNeverHealsBeforeTheLimitIsReportedAsNotConverged() {
    SimulationSettings settings =
        SimulationSettings.builder(FIVE)
            .partition(Duration.ZERO, Duration.ofHours(1), Set.of(SA_EAST))
            .workload(1, 50, Duration.ofSeconds(1))
            .maxDuration(Duration.ofSeconds(5))
            .build();
    SimulationReport report = new ReplicationSimulator(settings).run();
    assertThat(report.converged()).isFalse();
    assertThat(report.convergedAt()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void settingsNameTheBadValue() {
    assertThatThrownBy(() -> SimulationSettings.builder(List.of(EU_WEST)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed: 2 to 64");
    assertThatThrownBy(() -> SimulationSettings.builder(FIVE).loss(1.0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lossProbability 1.0");
    assertThatThrownBy(
            () ->
                SimulationSettings.builder(List.of(EU_WEST, US_EAST))
                    .partition(Duration.ZERO, Duration.ofSeconds(1), Set.of(SA_EAST))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sa-east-1");
    assertThatThrownBy(
            () ->
                SimulationSettings.builder(FIVE)
                    .partition(Duration.ofSeconds(2), Duration.ofSeconds(1), Set.of(SA_EAST)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start < end");
  }

  @Test
  void missingSettingsAreNamed() {
    assertThatThrownBy(() -> SimulationSettings.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("regions");
    assertThatThrownBy(
            () ->
                new SimulationSettings(
                    FIVE,
                    1,
                    Duration.ZERO,
                    Duration.ZERO,
                    null,
                    0,
                    0,
                    List.of(),
                    1,
                    0,
                    Duration.ofSeconds(1),
                    Duration.ofMillis(50),
                    Duration.ofMillis(20),
                    Duration.ZERO,
                    Duration.ofMinutes(1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("latencies");
  }
}
