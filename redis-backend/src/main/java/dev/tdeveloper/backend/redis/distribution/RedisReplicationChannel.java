package dev.tdeveloper.backend.redis.distribution;

import static dev.tdeveloper.backend.redis.distribution.RedisLink.bytes;

import dev.tdeveloper.backend.redis.internal.LuaScript;
import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import io.lettuce.core.RedisClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link ReplicationChannel} on Redis Streams, one stream per origin, shared by every instance on
 * the same server; a restarted instance resumes from the acknowledgements kept in Redis. It passes
 * {@code ReplicationChannelContract}.
 *
 * <p><b>Keys.</b> Origin {@code o}'s keys are {@code <prefix>{o}:seq} (its last sequence), {@code
 * :stream} (entries with ids {@code <sequence>-0}), {@code :acks} (receiver to acknowledged
 * sequence) and {@code :floors} (see trimming); default prefix {@value
 * RedisReplicationChannelBuilder#DEFAULT_KEY_PREFIX}. The hash tag is the origin, so each origin's
 * keys share a Redis Cluster slot and each operation is one Lua script on them, while different
 * origins spread over the cluster. {@code <prefix>origins} lists the origins that published. A
 * publish is {@code SADD} to that set, then one script that assigns the next sequence ({@code
 * INCR}) and appends the entry ({@code XADD} with that id) atomically, so sequences are gapless
 * however many instances publish. The entry format is {@link StreamEntries}'s.
 *
 * <p><b>Receivers and trimming.</b> The receivers of an origin are the regions its changes ever
 * targeted, registered by the publish script itself; no configuration is needed. Each has a floor:
 * every entry up to it is acknowledged by that receiver or not targeted at it (a receiver's floor
 * moves over entries for others when it acknowledges, and when an entry for others is published
 * while it is caught up). The stream is trimmed below the lowest floor, so nothing is removed
 * before every target acknowledged it. {@link #forgetReceiver} drops a decommissioned region.
 *
 * <p><b>Back-pressure.</b> When an origin's stream holds {@code maxBacklog} entries, {@link
 * #publish} throws {@link ReplicationBacklogFullException} naming the slowest receiver and
 * publishes nothing; publishing resumes as soon as it acknowledges.
 *
 * <p><b>Polling.</b> {@link #poll} runs one read-only script per origin that starts after the
 * receiver's floor and skips entries for other receivers on the server, then merges the origins by
 * HLC stamp (then origin), keeping each origin's sequence order, as the in-process channel does. A
 * stored entry that does not decode is a {@link DistributionException} naming the stream and entry
 * id; it is never skipped.
 *
 * <p><b>Failures.</b> Redis failures throw {@link RedisDistributionException}. A failed publish may
 * have happened: retrying it can publish the change twice, which at-least-once receivers tolerate.
 * Without Redis persistence a Redis restart loses the streams and acknowledgements and sequences
 * start again from 1; run Redis with AOF for replication.
 *
 * <p>Thread-safe: one multiplexed connection serves every thread. Close to release the connection
 * (the client stays the caller's).
 */
public final class RedisReplicationChannel implements ReplicationChannel, AutoCloseable {
  private static final LuaScript SCRIPT =
      LuaScript.load(RedisReplicationChannel.class, "replication.lua");

  private final String keyPrefix;
  private final int maxBacklog;
  private final byte[] originsKey;
  private final RedisLink redis;

  RedisReplicationChannel(RedisReplicationChannelBuilder b) {
    this.keyPrefix = b.settings.keyPrefix();
    this.maxBacklog = b.maxBacklog;
    this.originsKey = bytes(keyPrefix + "origins");
    this.redis = new RedisLink(b.settings, "Redis replication channel '" + keyPrefix + "'");
  }

  /**
   * Returns a builder of a channel on {@code client}.
   *
   * @param client the client, which stays the caller's to shut down
   * @return the builder
   * @throws NullPointerException if {@code client} is null
   */
  public static RedisReplicationChannelBuilder builder(RedisClient client) {
    return new RedisReplicationChannelBuilder(Objects.requireNonNull(client, "client"), false);
  }

  /**
   * {@inheritDoc}
   *
   * @throws ReplicationBacklogFullException if the origin's stream is at its cap
   * @throws RedisDistributionException if Redis fails (the change may have been published)
   */
  @Override
  public ReplicationMessage publish(Change change) {
    Objects.requireNonNull(change, "change");
    RegionId origin = change.origin();
    Set<RegionId> targets = change.targets();
    byte[][] args = new byte[7 + targets.size()][];
    args[0] = bytes("publish");
    args[1] = bytes(maxBacklog);
    args[2] = bytes(StreamEntries.targetsField(targets));
    args[3] = bytes(change.tenant().map(t -> t.value()).orElse(""));
    args[4] = bytes(change.topic());
    args[5] = bytes(change.stamp().encode());
    args[6] = change.payload();
    int i = 7;
    for (RegionId target : targets) {
      args[i++] = bytes(target.value());
    }
    redis.call("publish", r -> r.sadd(originsKey, bytes(origin.value())));
    List<Object> answer = redis.run("publish", SCRIPT, keys(origin), args);
    if ((Long) answer.get(0) == 0) {
      throw new ReplicationBacklogFullException(
          origin,
          (Long) answer.get(1),
          maxBacklog,
          RedisLink.text(answer.get(2)),
          (Long) answer.get(3));
    }
    return new ReplicationMessage((Long) answer.get(1), change);
  }

  /**
   * {@inheritDoc}
   *
   * @throws RedisDistributionException if Redis fails
   * @throws DistributionException if a stored entry does not decode, naming the stream and id, or
   *     if an acknowledgement is beyond the stream (Redis lost data)
   */
  @Override
  public List<ReplicationMessage> poll(RegionId receiver, int max) {
    Objects.requireNonNull(receiver, "receiver");
    if (max < 1) {
      throw new IllegalArgumentException("max " + max + " is invalid; allowed: 1+");
    }
    Set<byte[]> origins = redis.call("poll", r -> r.smembers(originsKey));
    PriorityQueue<ArrayDeque<ReplicationMessage>> heads =
        new PriorityQueue<>(
            Comparator.<ArrayDeque<ReplicationMessage>, Long>comparing(
                    q -> q.peekFirst().change().stamp().encode())
                .thenComparing(q -> q.peekFirst().change().origin()));
    for (RegionId origin : regions(origins)) {
      if (origin.equals(receiver)) {
        continue;
      }
      List<Object> answer =
          redis.run(
              "poll", SCRIPT, keys(origin), bytes("poll"), bytes(receiver.value()), bytes(max));
      if ((Long) answer.get(0) < 0) {
        throw new DistributionException(
            receiver
                + " acknowledged "
                + answer.get(1)
                + " from "
                + origin
                + " but the stream '"
                + key(origin, "stream")
                + "' ends at "
                + answer.get(2)
                + ": Redis lost data (run it with persistence)");
      }
      ArrayDeque<ReplicationMessage> queue = new ArrayDeque<>();
      for (Object entry : answer.subList(1, answer.size())) {
        queue.add(StreamEntries.decode(entry, origin, key(origin, "stream")));
      }
      if (!queue.isEmpty()) {
        heads.add(queue);
      }
    }
    List<ReplicationMessage> result = new ArrayList<>(Math.min(max, 64));
    while (result.size() < max && !heads.isEmpty()) {
      ArrayDeque<ReplicationMessage> queue = heads.poll();
      result.add(queue.pollFirst());
      if (!queue.isEmpty()) {
        heads.add(queue);
      }
    }
    return result;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code sequence} is negative or beyond what {@code origin}
   *     published
   * @throws RedisDistributionException if Redis fails (retrying is safe)
   */
  @Override
  public void acknowledge(RegionId receiver, RegionId origin, long sequence) {
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(origin, "origin");
    if (sequence < 0) {
      throw new IllegalArgumentException(
          "sequence " + sequence + " from " + origin + " is invalid; allowed: 0 or more");
    }
    List<Object> answer =
        redis.run(
            "acknowledge",
            SCRIPT,
            keys(origin),
            bytes("ack"),
            bytes(receiver.value()),
            bytes(sequence));
    if ((Long) answer.get(0) < 0) {
      throw new IllegalArgumentException(
          "sequence "
              + sequence
              + " from "
              + origin
              + " is invalid; allowed: 0 to "
              + answer.get(1)
              + " (the last published)");
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws RedisDistributionException if Redis fails
   */
  @Override
  public long acknowledged(RegionId receiver, RegionId origin) {
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(origin, "origin");
    return number(
        redis.call(
            "acknowledged", r -> r.hget(bytes(key(origin, "acks")), bytes(receiver.value()))));
  }

  /**
   * {@inheritDoc}
   *
   * @throws RedisDistributionException if Redis fails
   */
  @Override
  public long published(RegionId origin) {
    Objects.requireNonNull(origin, "origin");
    return number(redis.call("published", r -> r.get(bytes(key(origin, "seq")))));
  }

  /**
   * Forgets a receiver for good (a decommissioned region): its acknowledgements and floors are
   * removed from every origin, so it no longer holds back trimming; entries targeted only at it go
   * with the next trim. Should it be targeted again, it receives what is published from then on.
   *
   * @param receiver the region to forget
   * @throws RedisDistributionException if Redis fails (retrying is safe)
   */
  public void forgetReceiver(RegionId receiver) {
    Objects.requireNonNull(receiver, "receiver");
    byte[] field = bytes(receiver.value());
    for (RegionId origin : regions(redis.call("forgetReceiver", r -> r.smembers(originsKey)))) {
      redis.call(
          "forgetReceiver",
          r ->
              r.hdel(bytes(key(origin, "floors")), field)
                  + r.hdel(bytes(key(origin, "acks")), field));
    }
  }

  private byte[][] keys(RegionId origin) {
    return new byte[][] {
      bytes(key(origin, "seq")),
      bytes(key(origin, "stream")),
      bytes(key(origin, "acks")),
      bytes(key(origin, "floors"))
    };
  }

  private String key(RegionId origin, String name) {
    return keyPrefix + "{" + origin.value() + "}:" + name;
  }

  private Set<RegionId> regions(Set<byte[]> stored) {
    Set<RegionId> regions = new TreeSet<>();
    for (byte[] value : stored) {
      String text = RedisLink.text(value);
      if (!RegionId.isValid(text)) {
        throw new DistributionException(
            "the set '" + keyPrefix + "origins' holds '" + text + "', not a region id");
      }
      regions.add(RegionId.of(text));
    }
    return regions;
  }

  private long number(byte[] stored) {
    if (stored == null) {
      return 0;
    }
    String text = RedisLink.text(stored);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new DistributionException(
          "a replication key under '" + keyPrefix + "' holds '" + text + "', not a sequence", e);
    }
  }

  /** Closes the connection, and the client if the provider made it. Idempotent. */
  @Override
  public void close() {
    redis.close();
  }

  @Override
  public String toString() {
    return "RedisReplicationChannel[" + keyPrefix + ", maxBacklog=" + maxBacklog + "]";
  }
}
