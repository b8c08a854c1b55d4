package dev.tdeveloper.distribution.replication;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * A {@link ReplicationChannel} in memory, for tests, simulations and single-process deployments.
 * Each receiver has a queue per origin of the messages targeted at it and not yet acknowledged; a
 * message is referenced only from the queues of its targets, so once every target acknowledged it
 * nothing holds it and memory stays bounded by the unacknowledged backlog ({@link
 * #retainedMessages()} counts it).
 *
 * <p>{@link #poll} merges the origins' queues by HLC stamp (then origin id), which keeps each
 * origin's sequence order and, when origins stamp with an {@link
 * dev.tdeveloper.distribution.clock.Hlc}, delivers causally related changes in causal order.
 *
 * <p>Thread-safe: one lock guards the channel.
 */
public final class InProcessReplicationChannel implements ReplicationChannel {
  private static final Comparator<ArrayDeque<Pending>> BY_HEAD =
      Comparator.<ArrayDeque<Pending>, Long>comparing(q -> q.peekFirst().stamp)
          .thenComparing(q -> q.peekFirst().message.change().origin());

  private final Map<RegionId, Long> published = new HashMap<>();
  private final Map<RegionId, Map<RegionId, Long>> acknowledged = new HashMap<>();
  private final Map<RegionId, Map<RegionId, ArrayDeque<Pending>>> queues = new HashMap<>();
  private long retained;

  /** Creates an empty channel. */
  public InProcessReplicationChannel() {}

  private static final class Pending {
    final ReplicationMessage message;
    final long stamp;
    int awaiting;

    Pending(ReplicationMessage message, int awaiting) {
      this.message = message;
      this.stamp = message.change().stamp().encode();
      this.awaiting = awaiting;
    }
  }

  @Override
  public synchronized ReplicationMessage publish(Change change) {
    Objects.requireNonNull(change, "change");
    RegionId origin = change.origin();
    long sequence = published.merge(origin, 1L, Long::sum);
    ReplicationMessage message = new ReplicationMessage(sequence, change);
    Pending pending = new Pending(message, change.targets().size());
    for (RegionId target : change.targets()) {
      queues
          .computeIfAbsent(target, t -> new TreeMap<>())
          .computeIfAbsent(origin, o -> new ArrayDeque<>())
          .addLast(pending);
    }
    retained++;
    return message;
  }

  @Override
  public synchronized List<ReplicationMessage> poll(RegionId receiver, int max) {
    Objects.requireNonNull(receiver, "receiver");
    if (max < 1) {
      throw new IllegalArgumentException("max " + max + " is invalid; allowed: 1+");
    }
    Map<RegionId, ArrayDeque<Pending>> byOrigin = queues.get(receiver);
    if (byOrigin == null) {
      return List.of();
    }
    // Merge by stamp over copies of the queues' heads: polling changes nothing.
    PriorityQueue<ArrayDeque<Pending>> heads = new PriorityQueue<>(BY_HEAD);
    for (ArrayDeque<Pending> queue : byOrigin.values()) {
      if (!queue.isEmpty()) {
        heads.add(new ArrayDeque<>(queue.size() <= max ? queue : firstOf(queue, max)));
      }
    }
    List<ReplicationMessage> result = new ArrayList<>(Math.min(max, 64));
    while (result.size() < max && !heads.isEmpty()) {
      ArrayDeque<Pending> queue = heads.poll();
      result.add(queue.pollFirst().message);
      if (!queue.isEmpty()) {
        heads.add(queue);
      }
    }
    return result;
  }

  private static List<Pending> firstOf(ArrayDeque<Pending> queue, int max) {
    List<Pending> first = new ArrayList<>(max);
    for (Pending p : queue) {
      if (first.size() == max) {
        break;
      }
      first.add(p);
    }
    return first;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code sequence} is negative or beyond what {@code origin}
   *     published (acknowledging it would lose the messages still to come)
   */
  @Override
  public synchronized void acknowledge(RegionId receiver, RegionId origin, long sequence) {
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(origin, "origin");
    long last = published.getOrDefault(origin, 0L);
    if (sequence < 0 || sequence > last) {
      throw new IllegalArgumentException(
          "sequence "
              + sequence
              + " from "
              + origin
              + " is invalid; allowed: 0 to "
              + last
              + " (the last published)");
    }
    Map<RegionId, Long> acks = acknowledged.computeIfAbsent(receiver, r -> new HashMap<>());
    if (sequence <= acks.getOrDefault(origin, 0L)) {
      return;
    }
    acks.put(origin, sequence);
    Map<RegionId, ArrayDeque<Pending>> byOrigin = queues.get(receiver);
    ArrayDeque<Pending> queue = byOrigin == null ? null : byOrigin.get(origin);
    while (queue != null && !queue.isEmpty() && queue.peekFirst().message.sequence() <= sequence) {
      Pending done = queue.pollFirst();
      if (--done.awaiting == 0) {
        retained--;
      }
    }
  }

  @Override
  public synchronized long acknowledged(RegionId receiver, RegionId origin) {
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(origin, "origin");
    Map<RegionId, Long> acks = acknowledged.get(receiver);
    return acks == null ? 0 : acks.getOrDefault(origin, 0L);
  }

  @Override
  public synchronized long published(RegionId origin) {
    Objects.requireNonNull(origin, "origin");
    return published.getOrDefault(origin, 0L);
  }

  /**
   * Returns how many messages the channel still holds: published, and not yet acknowledged by every
   * target.
   *
   * @return the count
   */
  public synchronized long retainedMessages() {
    return retained;
  }

  @Override
  public synchronized String toString() {
    return "InProcessReplicationChannel[published=" + published + ", retained=" + retained + "]";
  }
}
