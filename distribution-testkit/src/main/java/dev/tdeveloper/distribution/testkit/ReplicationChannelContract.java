package dev.tdeveloper.distribution.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ReplicationChannel} passes, as its Javadoc states it: gapless sequences
 * per origin, polls that return only a receiver's unacknowledged messages in order per origin,
 * at-least-once redelivery until acknowledged, cumulative acknowledgements that never move back,
 * concurrent publishers, and clear rejections of bad arguments. A subclass returns a new, empty
 * channel from {@link #newChannel()}.
 */
public abstract class ReplicationChannelContract {
  /** An origin region. */
  protected static final RegionId EU = RegionId.of("eu-west-1");

  /** Another origin and receiver. */
  protected static final RegionId US = RegionId.of("us-east-1");

  /** A third region. */
  protected static final RegionId AP = RegionId.of("ap-south-1");

  private static final TenantId ACME = TenantId.of("acme");
  private final AtomicLong clock = new AtomicLong(1_767_225_600_000L);

  /** The channel under test, new and empty for each test. */
  protected ReplicationChannel channel;

  /** Creates the kit. */
  protected ReplicationChannelContract() {}

  /**
   * Returns a new, empty channel.
   *
   * @return the channel
   */
  protected abstract ReplicationChannel newChannel();

  @BeforeEach
  void setUpChannel() {
    channel = newChannel();
  }

  /**
   * Returns a change from {@code origin} to {@code targets} whose payload is {@code text}, stamped
   * later than every change made before.
   *
   * @param origin the origin
   * @param text the payload, as UTF-8
   * @param targets the targets
   * @return the change
   */
  protected Change change(RegionId origin, String text, RegionId... targets) {
    return new Change(
        origin,
        Set.of(targets),
        Optional.of(ACME),
        "notes/acme",
        new HlcTimestamp(clock.incrementAndGet(), 0),
        text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(ReplicationMessage message) {
    return new String(message.change().payload(), StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<ReplicationMessage> messages) {
    return messages.stream().map(ReplicationChannelContract::text).toList();
  }

  @Test
  void startsWithNothingPublishedOrAcknowledged() {
    assertThat(channel.published(EU)).isZero();
    assertThat(channel.acknowledged(US, EU)).isZero();
    assertThat(channel.poll(US, 10)).isEmpty();
  }

  @Test
  void numbersEachOriginsStreamFromOneWithoutGaps() {
    List<Long> eu = new ArrayList<>();
    List<Long> us = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      eu.add(channel.publish(change(EU, "e" + i, US)).sequence());
      us.add(channel.publish(change(US, "u" + i, EU, AP)).sequence());
    }
    assertThat(eu).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(us).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(channel.published(EU)).isEqualTo(5);
    assertThat(channel.published(US)).isEqualTo(5);
    assertThat(channel.published(AP)).isZero();
  }

  @Test
  void deliversTheChangeAsPublished() {
    Change change = change(EU, "hello", US);
    ReplicationMessage published = channel.publish(change);
    assertThat(published.change()).isEqualTo(change);
    assertThat(channel.poll(US, 1)).containsExactly(new ReplicationMessage(1, change));
  }

  @Test
  void aReceiverSeesOnlyMessagesTargetedAtIt() {
    channel.publish(change(EU, "to-us", US));
    channel.publish(change(EU, "to-ap", AP));
    channel.publish(change(EU, "to-both", US, AP));
    channel.publish(change(US, "us-to-ap", AP));

    assertThat(texts(channel.poll(US, 10))).containsExactly("to-us", "to-both");
    assertThat(texts(channel.poll(AP, 10)))
        .containsExactlyInAnyOrder("to-ap", "to-both", "us-to-ap");
    assertThat(channel.poll(EU, 10)).as("the origin never receives its own").isEmpty();
    for (ReplicationMessage m : channel.poll(AP, 10)) {
      assertThat(m.change().targets()).contains(AP);
    }
  }

  @Test
  void pollingAgainWithoutAcknowledgingReturnsTheSameMessages() {
    channel.publish(change(EU, "a", US));
    channel.publish(change(EU, "b", US));
    List<ReplicationMessage> first = channel.poll(US, 10);
    assertThat(channel.poll(US, 10)).isEqualTo(first);
    assertThat(texts(first)).containsExactly("a", "b");
  }

  @Test
  void pollReturnsAtMostMaxInSequenceOrder() {
    for (int i = 1; i <= 5; i++) {
      channel.publish(change(EU, "m" + i, US));
    }
    assertThat(channel.poll(US, 2))
        .extracting(ReplicationMessage::sequence)
        .containsExactly(1L, 2L);
    channel.acknowledge(US, EU, 2);
    assertThat(channel.poll(US, 2))
        .extracting(ReplicationMessage::sequence)
        .containsExactly(3L, 4L);
  }

  @Test
  void acknowledgingIsCumulativeAndHidesWhatItCovers() {
    for (int i = 1; i <= 4; i++) {
      channel.publish(change(EU, "m" + i, US, AP));
    }
    channel.acknowledge(US, EU, 3);
    assertThat(channel.acknowledged(US, EU)).isEqualTo(3);
    assertThat(channel.poll(US, 10)).extracting(ReplicationMessage::sequence).containsExactly(4L);
    assertThat(channel.poll(AP, 10))
        .as("another receiver's acknowledgement changes nothing for AP")
        .extracting(ReplicationMessage::sequence)
        .containsExactly(1L, 2L, 3L, 4L);
    assertThat(channel.acknowledged(AP, EU)).isZero();
  }

  @Test
  void acknowledgementNeverMovesBack() {
    for (int i = 1; i <= 3; i++) {
      channel.publish(change(EU, "m" + i, US));
    }
    channel.acknowledge(US, EU, 3);
    channel.acknowledge(US, EU, 1);
    channel.acknowledge(US, EU, 0);
    assertThat(channel.acknowledged(US, EU)).isEqualTo(3);
    assertThat(channel.poll(US, 10)).isEmpty();
  }

  @Test
  void acknowledgementsArePerOrigin() {
    channel.publish(change(EU, "eu", AP));
    channel.publish(change(US, "us", AP));
    channel.acknowledge(AP, EU, 1);
    assertThat(channel.acknowledged(AP, US)).isZero();
    assertThat(texts(channel.poll(AP, 10))).containsExactly("us");
  }

  @Test
  void keepsEachOriginsOrderAcrossInterleavedOrigins() {
    for (int i = 1; i <= 20; i++) {
      channel.publish(change(i % 3 == 0 ? US : EU, "m" + i, AP));
    }
    Map<RegionId, List<Long>> seen = new HashMap<>();
    for (List<ReplicationMessage> batch = channel.poll(AP, 3);
        !batch.isEmpty();
        batch = channel.poll(AP, 3)) {
      for (ReplicationMessage m : batch) {
        seen.computeIfAbsent(m.change().origin(), o -> new ArrayList<>()).add(m.sequence());
        channel.acknowledge(AP, m.change().origin(), m.sequence());
      }
    }
    assertThat(seen.get(EU)).isSortedAccordingTo(Long::compare).hasSize(14);
    assertThat(seen.get(US)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void concurrentPublishersGetGaplessDistinctSequences() throws Exception {
    int threads = 8;
    int perThread = 200;
    Map<Integer, List<Long>> sequences = new java.util.concurrent.ConcurrentHashMap<>();
    Concurrently.run(
        threads,
        thread -> {
          List<Long> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            mine.add(channel.publish(change(EU, thread + ":" + i, US)).sequence());
          }
          sequences.put(thread, mine);
        });
    List<Long> all = sequences.values().stream().flatMap(List::stream).sorted().toList();
    assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates();
    assertThat(all.get(0)).isEqualTo(1);
    assertThat(all.get(all.size() - 1)).isEqualTo((long) threads * perThread);
    assertThat(channel.published(EU)).isEqualTo((long) threads * perThread);
    for (List<Long> mine : sequences.values()) {
      assertThat(mine).as("each publisher's own sequences increase").isSorted();
    }

    List<ReplicationMessage> delivered = new ArrayList<>();
    for (List<ReplicationMessage> batch = channel.poll(US, 100);
        !batch.isEmpty();
        batch = channel.poll(US, 100)) {
      delivered.addAll(batch);
      channel.acknowledge(US, EU, batch.get(batch.size() - 1).sequence());
    }
    assertThat(delivered)
        .extracting(ReplicationMessage::sequence)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, (long) threads * perThread)
                .boxed()
                .toList());
  }

  @Test
  void aConsumerPollingDuringPublishingSeesEveryMessageOnceInOrder() throws Exception {
    int publishers = 4;
    int perPublisher = 250;
    int total = publishers * perPublisher;
    List<Long> consumed = java.util.Collections.synchronizedList(new ArrayList<>());
    Concurrently.run(
        publishers + 1,
        thread -> {
          if (thread < publishers) {
            for (int i = 0; i < perPublisher; i++) {
              channel.publish(change(thread % 2 == 0 ? EU : AP, thread + ":" + i, US));
            }
            return;
          }
          // Concurrently's timeout interrupts a consumer that never sees every message.
          while (consumed.size() < total && !Thread.currentThread().isInterrupted()) {
            for (ReplicationMessage m : channel.poll(US, 7)) {
              consumed.add(m.change().origin().equals(EU) ? m.sequence() : -m.sequence());
              channel.acknowledge(US, m.change().origin(), m.sequence());
            }
          }
        });
    assertThat(consumed).hasSize(total);
    assertThat(consumed.stream().filter(s -> s > 0).toList()).isSorted().doesNotHaveDuplicates();
    assertThat(consumed.stream().filter(s -> s < 0).map(s -> -s).toList())
        .isSorted()
        .doesNotHaveDuplicates();
  }

  @Test
  void rejectsBadArgumentsWithClearMessages() {
    channel.publish(change(EU, "a", US));
    assertThatThrownBy(() -> channel.poll(US, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> channel.poll(US, -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-5");
    assertThatThrownBy(() -> channel.publish(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> channel.poll(null, 1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> channel.acknowledge(null, EU, 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> channel.acknowledge(US, null, 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> channel.acknowledge(US, EU, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThat(channel.published(EU)).isEqualTo(1);
    assertThat(channel.acknowledged(US, EU)).isZero();
    assertThat(texts(channel.poll(US, 10))).containsExactly("a");
  }
}
