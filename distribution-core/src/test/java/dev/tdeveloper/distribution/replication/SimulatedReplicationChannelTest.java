package dev.tdeveloper.distribution.replication;

import static dev.tdeveloper.distribution.replication.ReplicationSimulatorTest.AP_SOUTHEAST;
import static dev.tdeveloper.distribution.replication.ReplicationSimulatorTest.EU_WEST;
import static dev.tdeveloper.distribution.replication.ReplicationSimulatorTest.US_EAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedReplicationChannelTest {
  private long now;

  private SimulatedReplicationChannel channel(SimulationSettings.Builder builder) {
    return new SimulatedReplicationChannel(builder.build(), () -> now);
  }

  private static SimulationSettings.Builder threeRegions() {
    return SimulationSettings.builder(List.of(EU_WEST, US_EAST, AP_SOUTHEAST))
        .latency(Duration.ofMillis(100), Duration.ZERO);
  }

  private static Change change(RegionId origin, Set<RegionId> targets, int n) {
    return new Change(
        origin, targets, Optional.empty(), "t/x", new HlcTimestamp(n, 0), new byte[] {(byte) n});
  }

  private static List<Long> sequences(List<ReplicationMessage> messages) {
    return messages.stream().map(ReplicationMessage::sequence).toList();
  }

  @Test
  void deliversInSequenceOrderAfterTheLatencyAndAgainUntilAcknowledged() {
    SimulatedReplicationChannel c = channel(threeRegions());
    for (int i = 1; i <= 3; i++) {
      assertThat(c.publish(change(EU_WEST, Set.of(US_EAST), i)).sequence()).isEqualTo(i);
    }
    assertThat(c.published(EU_WEST)).isEqualTo(3);
    now = 99;
    assertThat(c.poll(US_EAST, 10)).isEmpty();
    now = 100;
    assertThat(sequences(c.poll(US_EAST, 10))).containsExactly(1L, 2L, 3L);
    assertThat(sequences(c.poll(US_EAST, 2))).containsExactly(1L, 2L);
    c.acknowledge(US_EAST, EU_WEST, 2);
    c.acknowledge(US_EAST, EU_WEST, 1);
    assertThat(c.acknowledged(US_EAST, EU_WEST)).isEqualTo(2);
    assertThat(sequences(c.poll(US_EAST, 10))).containsExactly(3L);
    assertThat(c.redelivered()).isEqualTo(3);
  }

  @Test
  void aReceiverNeverSeesMessagesNotTargetedAtIt() {
    SimulatedReplicationChannel c = channel(threeRegions());
    c.publish(change(EU_WEST, Set.of(US_EAST), 1));
    c.publish(change(EU_WEST, Set.of(AP_SOUTHEAST), 2));
    now = 1_000;
    assertThat(sequences(c.poll(AP_SOUTHEAST, 10))).containsExactly(2L);
    assertThat(sequences(c.poll(US_EAST, 10))).containsExactly(1L);
    assertThat(c.poll(EU_WEST, 10)).isEmpty();
  }

  @Test
  void aPartitionHoldsMessagesUntilItHeals() {
    SimulatedReplicationChannel c =
        channel(threeRegions().partition(Duration.ZERO, Duration.ofSeconds(5), Set.of(US_EAST)));
    c.publish(change(EU_WEST, Set.of(US_EAST, AP_SOUTHEAST), 1));
    now = 4_999;
    assertThat(c.poll(US_EAST, 10)).isEmpty();
    assertThat(c.poll(AP_SOUTHEAST, 10)).hasSize(1);
    now = 5_000;
    assertThat(c.poll(US_EAST, 10)).hasSize(1);
  }

  @Test
  void keepsAMessageUntilEveryTargetAcknowledgedIt() {
    SimulatedReplicationChannel c = channel(threeRegions());
    c.publish(change(EU_WEST, Set.of(US_EAST, AP_SOUTHEAST), 1));
    c.acknowledge(US_EAST, EU_WEST, 1);
    assertThat(c.retained()).isEqualTo(1);
    c.acknowledge(AP_SOUTHEAST, EU_WEST, 1);
    assertThat(c.retained()).isZero();
  }

  @Test
  void lossDelaysButNeverReordersOrDropsForGood() {
    SimulatedReplicationChannel c = channel(threeRegions().loss(0.5).duplicates(0.3).seed(3));
    for (int i = 1; i <= 50; i++) {
      c.publish(change(EU_WEST, Set.of(US_EAST), i));
    }
    now = 1_000;
    long next = 1;
    for (int poll = 0; poll < 1_000 && next <= 50; poll++) {
      for (ReplicationMessage m : c.poll(US_EAST, 7)) {
        assertThat(m.sequence()).isBetween(next - 1, next);
        next = m.sequence() + 1;
      }
      c.acknowledge(US_EAST, EU_WEST, next - 1);
    }
    assertThat(next).isEqualTo(51);
    assertThat(c.lost()).isPositive();
    assertThat(c.duplicated()).isPositive();
  }

  @Test
  void refusesUnknownRegionsAndAcknowledgementsPastThePublished() {
    SimulatedReplicationChannel c = channel(threeRegions());
    assertThatThrownBy(() -> c.publish(change(RegionId.of("mars-1"), Set.of(US_EAST), 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mars-1");
    assertThatThrownBy(() -> c.acknowledge(US_EAST, EU_WEST, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("published 0");
    assertThatThrownBy(() -> c.poll(US_EAST, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutLatencyOrFaultsItIsAPlainInOrderQueue() {
    SimulatedReplicationChannel c = channel(threeRegions().latency(Duration.ZERO, Duration.ZERO));
    c.publish(change(US_EAST, Set.of(EU_WEST), 1));
    c.publish(change(AP_SOUTHEAST, Set.of(EU_WEST), 1));
    c.publish(change(US_EAST, Set.of(EU_WEST), 2));
    List<ReplicationMessage> got = c.poll(EU_WEST, 10);
    assertThat(got)
        .extracting(m -> m.change().origin())
        .containsExactly(US_EAST, US_EAST, AP_SOUTHEAST);
    assertThat(sequences(got)).containsExactly(1L, 2L, 1L);
  }
}
