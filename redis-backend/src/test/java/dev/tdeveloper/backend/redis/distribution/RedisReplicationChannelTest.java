package dev.tdeveloper.backend.redis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.redis.TestClient;
import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Redis channel adds to the contract: trimming, back-pressure, restarts, bad entries. */
@ExtendWith(LocalRedisExtension.class)
class RedisReplicationChannelTest {
  private static final RegionId EU = RegionId.of("eu-west-1");
  private static final RegionId US = RegionId.of("us-east-1");
  private static final RegionId AP = RegionId.of("ap-south-1");

  private static TestClient redis;
  private final AtomicLong clock = new AtomicLong(1_767_225_600_000L);

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  private static RedisReplicationChannel channel(String prefix, int maxBacklog) {
    return RedisReplicationChannel.builder(redis.client)
        .keyPrefix(prefix)
        .maxBacklog(maxBacklog)
        .commandTimeout(Duration.ofSeconds(30))
        .build();
  }

  private Change change(RegionId origin, String text, RegionId... targets) {
    return new Change(
        origin,
        Set.of(targets),
        Optional.of(TenantId.of("acme")),
        "notes/acme",
        new HlcTimestamp(clock.incrementAndGet(), 0),
        text.getBytes(StandardCharsets.UTF_8));
  }

  private static long retained(String prefix, RegionId origin) {
    return redis.redis().xlen(prefix + "{" + origin.value() + "}:stream");
  }

  @Test
  void keepsAnEntryUntilEveryTargetAcknowledgedIt() {
    String prefix = TestClient.freshPrefix("repl");
    try (RedisReplicationChannel channel = channel(prefix, 1000)) {
      for (int i = 1; i <= 3; i++) {
        channel.publish(change(EU, "m" + i, US, AP));
      }
      channel.acknowledge(US, EU, 3);
      assertThat(retained(prefix, EU)).isEqualTo(3);
      channel.acknowledge(AP, EU, 2);
      assertThat(retained(prefix, EU)).isEqualTo(1);
      assertThat(channel.poll(AP, 10)).extracting(ReplicationMessage::sequence).containsExactly(3L);
      channel.acknowledge(AP, EU, 3);
      assertThat(retained(prefix, EU)).isZero();
      assertThat(channel.published(EU)).isEqualTo(3);
    }
  }

  @Test
  void entriesForOthersNeverHoldBackTrimming() {
    String prefix = TestClient.freshPrefix("repl");
    try (RedisReplicationChannel channel = channel(prefix, 1000)) {
      channel.publish(change(EU, "for-ap", AP));
      for (int i = 0; i < 3; i++) {
        channel.publish(change(EU, "for-us", US));
      }
      channel.acknowledge(US, EU, 4);
      assertThat(retained(prefix, EU)).as("AP has not acknowledged entry 1").isEqualTo(4);
      channel.acknowledge(AP, EU, 1);
      assertThat(retained(prefix, EU)).as("2-4 were never AP's").isZero();

      channel.publish(change(EU, "for-us-again", US));
      channel.acknowledge(US, EU, 5);
      assertThat(retained(prefix, EU)).as("a caught-up AP moves past entries for US").isZero();
    }
  }

  @Test
  void refusesToPublishBeyondTheCapUntilTheSlowestReceiverAcknowledges() {
    String prefix = TestClient.freshPrefix("repl");
    try (RedisReplicationChannel channel = channel(prefix, 3)) {
      for (int i = 1; i <= 3; i++) {
        channel.publish(change(EU, "m" + i, US, AP));
      }
      channel.acknowledge(AP, EU, 3);
      assertThatThrownBy(() -> channel.publish(change(EU, "m4", US, AP)))
          .isInstanceOfSatisfying(
              ReplicationBacklogFullException.class,
              e -> {
                assertThat(e.origin()).isEqualTo(EU);
                assertThat(e.backlog()).isEqualTo(3);
                assertThat(e.slowestReceiver()).isEqualTo(US);
                assertThat(e.slowestAcknowledged()).isZero();
                assertThat(e.getStackTrace()).isEmpty();
              })
          .hasMessageContaining("eu-west-1")
          .hasMessageContaining("us-east-1")
          .hasMessageContaining("cap of 3");
      assertThat(channel.published(EU)).as("nothing was published").isEqualTo(3);
      assertThat(channel.poll(US, 10)).hasSize(3);

      channel.acknowledge(US, EU, 1);
      assertThat(channel.publish(change(EU, "m4", US, AP)).sequence()).isEqualTo(4);
    }
  }

  @Test
  void forgettingAReceiverReleasesWhatOnlyItWasOwed() {
    String prefix = TestClient.freshPrefix("repl");
    try (RedisReplicationChannel channel = channel(prefix, 2)) {
      channel.publish(change(EU, "a", AP));
      channel.publish(change(EU, "b", AP));
      assertThatThrownBy(() -> channel.publish(change(EU, "c", US)))
          .isInstanceOf(ReplicationBacklogFullException.class);
      channel.forgetReceiver(AP);
      assertThat(channel.acknowledged(AP, EU)).isZero();
      assertThat(channel.publish(change(EU, "c", US)).sequence()).isEqualTo(3);
      assertThat(channel.poll(US, 10)).extracting(ReplicationMessage::sequence).containsExactly(3L);
      assertThat(retained(prefix, EU)).isEqualTo(1);
    }
  }

  @Test
  void aForgottenReceiverTargetedAgainReceivesOnlyWhatFollows() {
    try (RedisReplicationChannel channel = channel(TestClient.freshPrefix("repl"), 1000)) {
      channel.publish(change(EU, "old", AP));
      channel.forgetReceiver(AP);
      assertThat(channel.poll(AP, 10)).isEmpty();
      channel.publish(change(EU, "new", AP));
      assertThat(channel.poll(AP, 10)).extracting(ReplicationMessage::sequence).containsExactly(2L);
    }
  }

  @Test
  void aNewInstanceResumesFromTheAcknowledgementsInRedis() {
    String prefix = TestClient.freshPrefix("repl");
    try (RedisReplicationChannel first = channel(prefix, 1000)) {
      for (int i = 1; i <= 5; i++) {
        first.publish(change(EU, "m" + i, US));
      }
      first.acknowledge(US, EU, 3);
    }
    try (RedisReplicationChannel restarted = channel(prefix, 1000)) {
      assertThat(restarted.published(EU)).isEqualTo(5);
      assertThat(restarted.acknowledged(US, EU)).isEqualTo(3);
      assertThat(restarted.poll(US, 10))
          .extracting(ReplicationMessage::sequence)
          .containsExactly(4L, 5L);
      assertThat(restarted.publish(change(EU, "m6", US)).sequence()).isEqualTo(6);
    }
  }

  @Test
  void instancesPublishingTheSameOriginGetGaplessSequences() throws Exception {
    String prefix = TestClient.freshPrefix("repl");
    try (RedisReplicationChannel a = channel(prefix, 10_000);
        RedisReplicationChannel b = channel(prefix, 10_000)) {
      ConcurrentLinkedQueue<Long> sequences = new ConcurrentLinkedQueue<>();
      Concurrently.run(
          4,
          thread -> {
            RedisReplicationChannel mine = thread % 2 == 0 ? a : b;
            for (int i = 0; i < 100; i++) {
              sequences.add(mine.publish(change(EU, thread + ":" + i, US)).sequence());
            }
          });
      assertThat(sequences)
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
      assertThat(b.published(EU)).isEqualTo(400);
    }
  }

  @Test
  void channelsWithDifferentPrefixesNeverSeeEachOther() {
    try (RedisReplicationChannel one = channel(TestClient.freshPrefix("repl"), 1000);
        RedisReplicationChannel two = channel(TestClient.freshPrefix("repl"), 1000)) {
      one.publish(change(EU, "one", US));
      assertThat(two.poll(US, 10)).isEmpty();
      assertThat(two.published(EU)).isZero();
      two.publish(change(EU, "two", US));
      two.acknowledge(US, EU, 1);
      assertThat(one.acknowledged(US, EU)).isZero();
      assertThat(one.poll(US, 10)).hasSize(1);
    }
  }

  @Test
  void aMalformedEntryIsAnErrorNamingTheStreamAndEntryNeverSkipped() {
    String prefix = TestClient.freshPrefix("repl");
    String stream = prefix + "{eu-west-1}:stream";
    try (RedisReplicationChannel channel = channel(prefix, 1000)) {
      channel.publish(change(EU, "fine", US));
      redis.redis().incr(prefix + "{eu-west-1}:seq");
      redis
          .redis()
          .xadd(stream, new io.lettuce.core.XAddArgs().id("2-0"), Map.of("t", ",us-east-1,"));
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> channel.poll(US, 10))
            .isInstanceOf(DistributionException.class)
            .hasMessageContaining("2-0")
            .hasMessageContaining(stream)
            .hasMessageContaining("'n' is missing");
      }
      assertThat(channel.poll(US, 1)).extracting(ReplicationMessage::sequence).containsExactly(1L);
    }
  }

  @Test
  void anAcknowledgementBeyondTheStreamIsReportedAsLostDataNotAnEmptyPoll() {
    String prefix = TestClient.freshPrefix("repl");
    try (RedisReplicationChannel channel = channel(prefix, 1000)) {
      channel.publish(change(EU, "a", US));
      // what a failover to a replica that missed writes leaves behind
      redis.redis().hset(prefix + "{eu-west-1}:acks", "us-east-1", "9");
      assertThatThrownBy(() -> channel.poll(US, 10))
          .isInstanceOf(DistributionException.class)
          .hasMessageContaining("us-east-1 acknowledged 9 from eu-west-1")
          .hasMessageContaining("ends at 1")
          .hasMessageContaining("Redis lost data");
    }
  }

  @Test
  void acknowledgingBeyondWhatWasPublishedIsRefusedAndChangesNothing() {
    try (RedisReplicationChannel channel = channel(TestClient.freshPrefix("repl"), 1000)) {
      channel.publish(change(EU, "a", US));
      assertThatThrownBy(() -> channel.acknowledge(US, EU, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("sequence 2 from eu-west-1")
          .hasMessageContaining("allowed: 0 to 1");
      assertThat(channel.acknowledged(US, EU)).isZero();
      assertThat(channel.poll(US, 10)).hasSize(1);
    }
  }

  @Test
  void deliversChangesWithoutATenantAndWithBinaryPayloads() {
    byte[] payload = new byte[256];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    Change change =
        new Change(
            EU, Set.of(US, AP), Optional.empty(), "config/global", HlcTimestamp.ZERO, payload);
    try (RedisReplicationChannel channel = channel(TestClient.freshPrefix("repl"), 1000)) {
      channel.publish(change);
      List<ReplicationMessage> got = channel.poll(AP, 10);
      assertThat(got).containsExactly(new ReplicationMessage(1, change));
    }
  }

  @Test
  void builderRejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> RedisReplicationChannel.builder(redis.client).maxBacklog(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBacklog is 0");
    assertThatThrownBy(() -> RedisReplicationChannel.builder(redis.client).keyPrefix("a{b}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a{b}");
    assertThatThrownBy(
            () -> RedisReplicationChannel.builder(redis.client).maxBacklog(5).maxBacklog(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxBacklog");
    assertThatThrownBy(
            () -> RedisReplicationChannel.builder(redis.client).commandTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commandTimeout");
    assertThatThrownBy(() -> RedisReplicationChannel.builder(null))
        .isInstanceOf(NullPointerException.class);
  }
}
