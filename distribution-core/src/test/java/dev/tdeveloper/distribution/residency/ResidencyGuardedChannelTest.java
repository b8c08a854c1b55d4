package dev.tdeveloper.distribution.residency;

import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.ACME;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.BUNDESBANK;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.FRANKFURT;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.IRELAND;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.OREGON;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.VIRGINIA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResidencyGuardedChannelTest {
  /** Records what reaches it. */
  static final class Recording implements ReplicationChannel {
    final List<Change> published = new ArrayList<>();

    @Override
    public synchronized ReplicationMessage publish(Change change) {
      published.add(change);
      return new ReplicationMessage(published.size(), change);
    }

    @Override
    public List<ReplicationMessage> poll(RegionId receiver, int max) {
      return List.of();
    }

    @Override
    public void acknowledge(RegionId receiver, RegionId origin, long sequence) {}

    @Override
    public long acknowledged(RegionId receiver, RegionId origin) {
      return 7;
    }

    @Override
    public long published(RegionId origin) {
      return published.size();
    }
  }

  final List<ResidencyViolationEvent> events = new ArrayList<>();
  final ResidencyEnforcer enforcer =
      ResidencyEnforcer.builder(ResidencyEnforcerTest.sample()).listener(events::add).build();
  final Recording inner = new Recording();
  final ResidencyGuardedChannel channel = new ResidencyGuardedChannel(inner, enforcer);

  static Change change(Optional<TenantId> tenant, RegionId origin, RegionId... targets) {
    return new Change(
        origin, Set.of(targets), tenant, "notes/x", new HlcTimestamp(1, 0), new byte[] {1});
  }

  @Test
  void publishesWhatThePolicyAllows() {
    Change ok = change(Optional.of(ACME), IRELAND, FRANKFURT);
    assertThat(channel.publish(ok).change()).isEqualTo(ok);
    assertThat(inner.published).containsExactly(ok);
    assertThat(events).isEmpty();
  }

  @Test
  void refusesAReplicaOutsideThePolicyAndPublishesNothing() {
    Change bad = change(Optional.of(ACME), IRELAND, FRANKFURT, VIRGINIA, OREGON);

    assertThatThrownBy(() -> channel.publish(bad))
        .isInstanceOf(ResidencyViolationException.class)
        .hasMessageContaining("tenant acme may not use region us-east-1 for replica")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(inner.published).isEmpty();
    assertThat(events)
        .extracting(ResidencyViolationEvent::region)
        .containsExactly(VIRGINIA, OREGON);
    assertThat(events.get(0).operation())
        .isEqualTo("replicate notes/x from eu-west-1 to [eu-central-1, us-east-1, us-west-2]");
    assertThat(events.get(0).purpose()).isEqualTo(DataPurpose.REPLICA);
  }

  @Test
  void checksTheOriginForStorage() {
    // de-sovereign: stored only in Germany, replicas only in Frankfurt
    Change fromIreland = change(Optional.of(BUNDESBANK), IRELAND, FRANKFURT);

    assertThatThrownBy(() -> channel.publish(fromIreland))
        .isInstanceOf(ResidencyViolationException.class)
        .hasMessageContaining("may not use region eu-west-1 for storage");
    assertThat(inner.published).isEmpty();
    assertThat(events)
        .singleElement()
        .extracting(ResidencyViolationEvent::purpose)
        .isEqualTo(DataPurpose.STORAGE);
  }

  @Test
  void changesWithoutATenantAndOtherCallsPassThrough() {
    Change global = change(Optional.empty(), IRELAND, VIRGINIA);
    channel.publish(global);
    assertThat(inner.published).containsExactly(global);
    assertThat(channel.published(IRELAND)).isEqualTo(1);
    assertThat(channel.acknowledged(VIRGINIA, IRELAND)).isEqualTo(7);
    assertThat(channel.poll(VIRGINIA, 10)).isEmpty();
    channel.acknowledge(VIRGINIA, IRELAND, 1);
    assertThat(events).isEmpty();
  }
}
