package dev.tdeveloper.distribution.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.distribution.testkit.ReplicationChannelContract;
import org.junit.jupiter.api.Test;

class InProcessReplicationChannelTest extends ReplicationChannelContract {
  @Override
  protected ReplicationChannel newChannel() {
    return new InProcessReplicationChannel();
  }

  private InProcessReplicationChannel inProcess() {
    return (InProcessReplicationChannel) channel;
  }

  @Test
  void dropsAMessageOnceEveryTargetAcknowledgedIt() {
    for (int i = 0; i < 10; i++) {
      channel.publish(change(EU, "m" + i, US, AP));
    }
    assertThat(inProcess().retainedMessages()).isEqualTo(10);
    channel.acknowledge(US, EU, 10);
    assertThat(inProcess().retainedMessages()).as("AP has not acknowledged").isEqualTo(10);
    channel.acknowledge(AP, EU, 4);
    assertThat(inProcess().retainedMessages()).isEqualTo(6);
    channel.acknowledge(AP, EU, 10);
    assertThat(inProcess().retainedMessages()).isZero();
  }

  @Test
  void aSilentReceiverHoldsOnlyItsOwnMessages() {
    for (int i = 0; i < 1_000; i++) {
      channel.publish(change(EU, "to-us-" + i, US));
      channel.publish(change(EU, "to-ap-" + i, AP));
      channel.acknowledge(US, EU, channel.published(EU));
    }
    assertThat(inProcess().retainedMessages())
        .as("AP never polls: only the 1,000 messages targeted at it stay")
        .isEqualTo(1_000);
    assertThat(channel.poll(US, 10)).isEmpty();
  }

  @Test
  void refusesToAcknowledgeBeyondWhatWasPublished() {
    channel.publish(change(EU, "a", US));
    assertThatThrownBy(() -> channel.acknowledge(US, EU, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequence 2 from eu-west-1")
        .hasMessageContaining("0 to 1");
    assertThat(channel.acknowledged(US, EU)).isZero();
    assertThat(channel.poll(US, 10)).hasSize(1);
  }

  @Test
  void mergesOriginsByStamp() {
    channel.publish(change(EU, "first", AP));
    channel.publish(change(US, "second", AP));
    channel.publish(change(EU, "third", AP));
    assertThat(channel.poll(AP, 10))
        .extracting(m -> new String(m.change().payload(), java.nio.charset.StandardCharsets.UTF_8))
        .containsExactly("first", "second", "third");
  }
}
