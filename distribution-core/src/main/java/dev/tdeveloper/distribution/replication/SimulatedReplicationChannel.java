package dev.tdeveloper.distribution.replication;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * A {@link ReplicationChannel} over a simulated network, in virtual time: a message reaches a
 * target after the link's one-way latency plus jitter (in order per link), never while a partition
 * cuts the link, and each poll may lose it (it stays unacknowledged, so a later poll redelivers it)
 * or deliver it twice.
 *
 * <p>It honours the SPI's contract: sequences 1, 2, ... per origin; a poll returns, per origin and
 * in sequence order, the unacknowledged messages targeted at the receiver that have arrived,
 * stopping at the first one still in flight, cut off or lost (so a receiver never sees a gap);
 * acknowledgements are cumulative; a message is dropped once every target has acknowledged it.
 *
 * <p>Thread-safe (synchronized); deterministic for a given seed and sequence of calls.
 */
public final class SimulatedReplicationChannel implements ReplicationChannel {
  private final SimulationSettings settings;
  private final LongSupplier nowMillis;
  private final Random random;

  private final Map<RegionId, TreeMap<Long, Stored>> streams = new HashMap<>();
  private final Map<RegionId, Long> published = new HashMap<>();
  private final Map<RegionId, Map<RegionId, Long>> acked = new HashMap<>();
  private final Map<SimulationSettings.Link, Long> lastArrival = new HashMap<>();

  private long sent;
  private long delivered;
  private long lost;
  private long duplicated;
  private long redelivered;

  private static final class Stored {
    final ReplicationMessage message;
    final Map<RegionId, Long> arrival = new HashMap<>();
    final Set<RegionId> unacknowledged;
    final Set<RegionId> attempted = new HashSet<>();

    Stored(ReplicationMessage message) {
      this.message = message;
      this.unacknowledged = new HashSet<>(message.change().targets());
    }
  }

  /**
   * Creates a channel.
   *
   * @param settings the regions and network: latencies, jitter, loss, duplication, partitions, and
   *     the seed of the channel's random choices
   * @param nowMillis the virtual time in milliseconds
   */
  public SimulatedReplicationChannel(SimulationSettings settings, LongSupplier nowMillis) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.nowMillis = Objects.requireNonNull(nowMillis, "nowMillis");
    this.random = new Random(settings.seed() * 0x9E3779B97F4A7C15L + 1);
  }

  @Override
  public synchronized ReplicationMessage publish(Change change) {
    Objects.requireNonNull(change, "change");
    requireRegion(change.origin(), "origin");
    change.targets().forEach(t -> requireRegion(t, "target"));
    long sequence = published.merge(change.origin(), 1L, Long::sum);
    ReplicationMessage message = new ReplicationMessage(sequence, change);
    Stored stored = new Stored(message);
    long now = nowMillis.getAsLong();
    long jitter = settings.jitter().toMillis();
    for (RegionId target : change.targets()) {
      SimulationSettings.Link link = new SimulationSettings.Link(change.origin(), target);
      long at =
          now
              + settings.latency(change.origin(), target).toMillis()
              + (jitter == 0 ? 0 : random.nextLong(jitter + 1));
      at = Math.max(at, lastArrival.getOrDefault(link, 0L));
      lastArrival.put(link, at);
      stored.arrival.put(target, at);
      sent++;
    }
    streams.computeIfAbsent(change.origin(), o -> new TreeMap<>()).put(sequence, stored);
    return message;
  }

  @Override
  public synchronized List<ReplicationMessage> poll(RegionId receiver, int max) {
    requireRegion(receiver, "receiver");
    if (max < 1) {
      throw new IllegalArgumentException("max " + max + " is invalid; allowed: 1+");
    }
    long now = nowMillis.getAsLong();
    List<ReplicationMessage> out = new ArrayList<>();
    for (RegionId origin : settings.regions()) {
      TreeMap<Long, Stored> stream = streams.get(origin);
      if (origin.equals(receiver) || stream == null) {
        continue;
      }
      long from = acknowledged(receiver, origin) + 1;
      for (Stored s : stream.tailMap(from, true).values()) {
        if (out.size() >= max) {
          return out;
        }
        if (!s.message.change().targets().contains(receiver)) {
          continue;
        }
        if (s.arrival.get(receiver) > now || settings.partitioned(origin, receiver, now)) {
          break;
        }
        boolean again = !s.attempted.add(receiver);
        if (random.nextDouble() < settings.lossProbability()) {
          lost++;
          break;
        }
        out.add(s.message);
        delivered++;
        if (again) {
          redelivered++;
        }
        if (out.size() < max && random.nextDouble() < settings.duplicateProbability()) {
          out.add(s.message);
          duplicated++;
        }
      }
    }
    return out;
  }

  @Override
  public synchronized void acknowledge(RegionId receiver, RegionId origin, long sequence) {
    requireRegion(receiver, "receiver");
    requireRegion(origin, "origin");
    long top = published(origin);
    if (sequence < 0) {
      throw new IllegalArgumentException(
          "sequence " + sequence + " acknowledged by " + receiver + " is invalid; allowed: 0+");
    }
    if (sequence > top) {
      throw new IllegalArgumentException(
          receiver
              + " acknowledges sequence "
              + sequence
              + " of "
              + origin
              + ", which published "
              + top);
    }
    Map<RegionId, Long> mine = acked.computeIfAbsent(receiver, r -> new HashMap<>());
    long before = mine.getOrDefault(origin, 0L);
    if (sequence <= before) {
      return;
    }
    mine.put(origin, sequence);
    TreeMap<Long, Stored> stream = streams.get(origin);
    if (stream == null) {
      return;
    }
    var it = stream.headMap(sequence, true).entrySet().iterator();
    while (it.hasNext()) {
      Stored s = it.next().getValue();
      s.unacknowledged.remove(receiver);
      if (s.unacknowledged.isEmpty()) {
        it.remove();
      }
    }
  }

  @Override
  public synchronized long acknowledged(RegionId receiver, RegionId origin) {
    return acked.getOrDefault(receiver, Map.of()).getOrDefault(origin, 0L);
  }

  @Override
  public synchronized long published(RegionId origin) {
    return published.getOrDefault(origin, 0L);
  }

  /** Returns how many (message, target) pairs were published. */
  public synchronized long sent() {
    return sent;
  }

  /** Returns how many messages polls delivered, not counting duplicates. */
  public synchronized long delivered() {
    return delivered;
  }

  /** Returns how many times a poll lost a message that had arrived. */
  public synchronized long lost() {
    return lost;
  }

  /** Returns how many extra copies polls delivered. */
  public synchronized long duplicated() {
    return duplicated;
  }

  /** Returns how many deliveries repeated a message after a loss or an unacknowledged delivery. */
  public synchronized long redelivered() {
    return redelivered;
  }

  /** Returns how many messages are kept because a target has not acknowledged them. */
  public synchronized int retained() {
    return streams.values().stream().mapToInt(Map::size).sum();
  }

  private void requireRegion(RegionId region, String what) {
    if (!settings.regions().contains(Objects.requireNonNull(region, what))) {
      throw new IllegalArgumentException(
          what + " " + region + " is not a simulated region; allowed: " + settings.regions());
    }
  }
}
