package dev.tdeveloper.distribution.replication;

import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.crdt.LwwRegister;
import dev.tdeveloper.distribution.crdt.MvRegister;
import dev.tdeveloper.distribution.crdt.OrSet;
import dev.tdeveloper.distribution.crdt.PNCounter;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.SimulatedHistory.Op;
import dev.tdeveloper.distribution.replication.SimulatedTopic.Kind;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs N regions replicating delta CRDTs through a {@link SimulatedReplicationChannel}, in virtual
 * time (no real sleeps) and from a seed, so a run is repeatable.
 *
 * <p>The workload makes random updates, per tenant, to four topics: a {@link PNCounter} ({@code
 * tenant-N/hits}), an {@link OrSet} ({@code tenant-N/tags}), an {@link LwwRegister} stamped by each
 * region's hybrid logical clock ({@code tenant-N/owner}) and an {@link MvRegister} ({@code
 * tenant-N/status}). Each region publishes its accumulated deltas every flush interval as {@link
 * Change}s to every other region, polls the channel every poll interval, merges what it receives
 * and acknowledges it (the network may lose the acknowledgement, which makes the channel
 * redeliver). The run ends when, after the last update and the last partition's heal, every replica
 * holds the same state with nothing left to ship.
 *
 * <p>Beside the replicas the simulator keeps the causal history of every update (which updates each
 * one had seen), from which it counts the conflicts merges resolved and checks that the converged
 * state is what the updates imply. Not thread-safe: one run at a time.
 */
public final class ReplicationSimulator {
  private static final int POLL_BATCH = 256;
  private static final int TAGS = 8;

  /** What a published change carries: a topic and the origin's updates of it up to {@code k}. */
  private record Carried(int topic, int lastK) {}

  private record Event(long at, long order, int type, int region) {}

  private static final int UPDATE = 0;
  private static final int FLUSH = 1;
  private static final int POLL = 2;

  private final SimulationSettings settings;
  private final List<RegionId> regions;
  private final List<SimulatedTopic> topics = new ArrayList<>();
  private final Random random;
  private long now;

  private SimulatedReplica<?>[][] slots;
  private long[] hlc;
  private long[] skew;
  private SimulatedHistory history;
  private final Map<Long, Carried> carried = new HashMap<>();
  private long[][] applied;
  private long acksLost;

  /**
   * Creates a simulator.
   *
   * @param settings what to simulate
   */
  public ReplicationSimulator(SimulationSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.regions = settings.regions();
    this.random = new Random(settings.seed());
    for (int t = 0; t < settings.tenants(); t++) {
      TenantId tenant = TenantId.of("tenant-" + t);
      for (Kind kind : Kind.values()) {
        topics.add(new SimulatedTopic(tenant + "/" + kind.suffix, tenant, kind, topics.size()));
      }
    }
  }

  /**
   * Runs the simulation.
   *
   * @return what it observed
   */
  public SimulationReport run() {
    int n = regions.size();
    int m = topics.size();
    slots = new SimulatedReplica<?>[n][m];
    hlc = new long[n];
    skew = new long[n];
    applied = new long[n][n];
    history = new SimulatedHistory(regions, topics);
    long maxSkew = settings.maxClockSkew().toMillis();
    for (int r = 0; r < n; r++) {
      skew[r] = maxSkew == 0 ? 0 : random.nextLong(-maxSkew, maxSkew + 1);
      for (int t = 0; t < m; t++) {
        slots[r][t] = topics.get(t).emptyReplica();
      }
    }
    SimulatedReplicationChannel channel = new SimulatedReplicationChannel(settings, () -> now);

    PriorityQueue<Event> queue =
        new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    long[] order = {0};
    long window = settings.workloadDuration().toMillis();
    long lastUpdate = 0;
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < settings.updates(); i++) {
      times.add(random.nextLong(window));
    }
    times.sort(null);
    for (long at : times) {
      queue.add(new Event(at, order[0]++, UPDATE, random.nextInt(n)));
      lastUpdate = at;
    }
    long flush = settings.flushInterval().toMillis();
    long poll = settings.pollInterval().toMillis();
    for (int r = 0; r < n; r++) {
      queue.add(new Event(random.nextLong(flush), order[0]++, FLUSH, r));
      queue.add(new Event(random.nextLong(poll), order[0]++, POLL, r));
    }
    long lastHeal = settings.lastHeal().toMillis();
    long settleFrom = Math.max(lastHeal, lastUpdate);
    long limit = settings.maxDuration().toMillis();
    long convergedAt = -1;
    while (!queue.isEmpty()) {
      Event e = queue.poll();
      if (e.at > limit) {
        break;
      }
      now = e.at;
      switch (e.type) {
        case UPDATE -> update(e.region);
        case FLUSH -> {
          flush(channel, e.region);
          queue.add(new Event(now + flush, order[0]++, FLUSH, e.region));
        }
        default -> {
          receive(channel, e.region);
          queue.add(new Event(now + poll, order[0]++, POLL, e.region));
          if (now >= settleFrom && converged()) {
            convergedAt = now;
            queue.clear();
          }
        }
      }
    }
    boolean converged = convergedAt >= 0;
    long end = converged ? convergedAt : limit;
    TreeMap<String, String> values = new TreeMap<>();
    long lost = converged ? history.check(t -> slots[0][t].state, values) : -1;
    return new SimulationReport(
        settings.seed(),
        n,
        settings.updates(),
        converged,
        Duration.ofMillis(lastHeal),
        Duration.ofMillis(lastUpdate),
        Duration.ofMillis(end),
        Duration.ofMillis(end - lastHeal),
        channel.sent(),
        channel.delivered(),
        channel.lost(),
        channel.duplicated(),
        channel.redelivered(),
        acksLost,
        history.conflicts(),
        history.tieBreaks(),
        lost,
        digest(values));
  }

  /** The HLC send rule: the larger of the physical clock and one past the last stamp. */
  private long tick(int r) {
    long physical = Math.max(0, now + skew[r]);
    hlc[r] = Math.max(physical << 16, hlc[r] + 1);
    return hlc[r];
  }

  @SuppressWarnings("unchecked")
  private void update(int r) {
    SimulatedTopic topic = topics.get(random.nextInt(topics.size()));
    RegionId region = regions.get(r);
    int t = topic.index();
    long[] known = history.seen(r, t);
    int k = (int) known[r] + 1;
    SimulatedReplica<?> slot = slots[r][t];
    String value = region + "#" + k;
    Op op;
    switch (topic.kind()) {
      case COUNTER -> {
        SimulatedReplica<PNCounter> s = (SimulatedReplica<PNCounter>) slot;
        long amount = random.nextInt(4) == 0 ? -(1 + random.nextInt(5)) : 1 + random.nextInt(10);
        s.state =
            amount > 0 ? s.state.increment(region, amount) : s.state.decrement(region, -amount);
        op = new Op(r, k, "inc", "", amount, 0, known.clone());
      }
      case SET -> {
        SimulatedReplica<OrSet<String>> s = (SimulatedReplica<OrSet<String>>) slot;
        List<String> present = new ArrayList<>(new TreeSet<>(s.state.elements()));
        if (!present.isEmpty() && random.nextInt(100) < 35) {
          String e = present.get(random.nextInt(present.size()));
          s.state = s.state.remove(e);
          op = new Op(r, k, "remove", e, 0, 0, known.clone());
        } else {
          String e = "tag-" + random.nextInt(TAGS);
          s.state = s.state.add(region, e);
          op = new Op(r, k, "add", e, 0, 0, known.clone());
        }
      }
      case LWW -> {
        SimulatedReplica<LwwRegister<String>> s = (SimulatedReplica<LwwRegister<String>>) slot;
        long stamp = tick(r);
        s.state = s.state.set(region, HlcTimestamp.decode(stamp), value);
        op = new Op(r, k, "set", value, 0, stamp, known.clone());
      }
      default -> {
        SimulatedReplica<MvRegister<String>> s = (SimulatedReplica<MvRegister<String>>) slot;
        s.state = s.state.set(region, value);
        op = new Op(r, k, "set", value, 0, 0, known.clone());
      }
    }
    history.record(t, op);
  }

  private void flush(SimulatedReplicationChannel channel, int r) {
    RegionId origin = regions.get(r);
    Set<RegionId> targets = new TreeSet<>(regions);
    targets.remove(origin);
    for (SimulatedTopic topic : topics) {
      Optional<byte[]> delta = slots[r][topic.index()].flush();
      if (delta.isPresent()) {
        Change change =
            new Change(
                origin,
                targets,
                Optional.of(topic.tenant()),
                topic.name(),
                HlcTimestamp.decode(tick(r)),
                delta.orElseThrow());
        ReplicationMessage sent = channel.publish(change);
        carried.put(
            key(r, sent.sequence()),
            new Carried(topic.index(), (int) history.seen(r, topic.index())[r]));
      }
    }
  }

  private void receive(SimulatedReplicationChannel channel, int r) {
    RegionId receiver = regions.get(r);
    List<ReplicationMessage> batch = channel.poll(receiver, POLL_BATCH);
    Map<Integer, Long> last = new TreeMap<>();
    for (ReplicationMessage message : batch) {
      Change change = message.change();
      int o = regions.indexOf(change.origin());
      Carried c = carried.get(key(o, message.sequence()));
      if (message.sequence() > applied[r][o]) {
        applied[r][o] = message.sequence();
        history.merged(r, o, c.topic(), c.lastK());
      }
      slots[r][c.topic()].apply(change.payload());
      hlc[r] = Math.max(hlc[r], change.stamp().encode());
      last.merge(o, message.sequence(), Math::max);
    }
    for (Map.Entry<Integer, Long> e : last.entrySet()) {
      if (random.nextDouble() < settings.lossProbability()) {
        acksLost++;
      } else {
        channel.acknowledge(receiver, regions.get(e.getKey()), e.getValue());
      }
    }
  }

  private boolean converged() {
    for (int t = 0; t < topics.size(); t++) {
      Object first = slots[0][t].state;
      for (int r = 0; r < regions.size(); r++) {
        SimulatedReplica<?> s = slots[r][t];
        if (s.state.delta().isPresent() || !s.state.equals(first)) {
          return false;
        }
      }
    }
    return true;
  }

  private static long key(int origin, long sequence) {
    return ((long) origin << 48) | sequence;
  }

  private static String digest(Map<String, String> values) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      values.forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
