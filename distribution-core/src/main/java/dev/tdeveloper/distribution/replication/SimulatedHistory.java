package dev.tdeveloper.distribution.replication;

import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.crdt.LwwRegister;
import dev.tdeveloper.distribution.crdt.MvRegister;
import dev.tdeveloper.distribution.crdt.OrSet;
import dev.tdeveloper.distribution.crdt.PNCounter;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.SimulatedTopic.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The causal history of a {@link ReplicationSimulator} run, kept beside the replicas: every update
 * and which updates each region had merged. From it the simulator counts the conflicts merges
 * resolved and checks the converged state against what the updates imply. Not thread-safe.
 */
final class SimulatedHistory {
  /**
   * One update: its origin (region index) and position {@code k} among the origin's updates of the
   * topic (1, 2, ...), and {@code seen}: per region, how many of that region's updates of the topic
   * the origin had merged before this one.
   */
  record Op(int origin, int k, String kind, String element, long amount, long stamp, long[] seen) {
    boolean saw(Op other) {
      return seen[other.origin] >= other.k;
    }

    boolean concurrentWith(Op other) {
      return origin != other.origin && !saw(other) && !other.saw(this);
    }
  }

  private final List<RegionId> regions;
  private final List<SimulatedTopic> topics;

  /** Per topic, per origin: the origin's updates in order. */
  private final List<List<List<Op>>> ops = new ArrayList<>();

  /** Per region, per topic, per origin: how many of the origin's updates the region merged. */
  private final long[][][] seen;

  private final Map<String, Long> conflicts = new TreeMap<>();
  private long tieBreaks;

  SimulatedHistory(List<RegionId> regions, List<SimulatedTopic> topics) {
    this.regions = regions;
    this.topics = topics;
    int n = regions.size();
    seen = new long[n][topics.size()][n];
    for (int t = 0; t < topics.size(); t++) {
      List<List<Op>> perOrigin = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        perOrigin.add(new ArrayList<>());
      }
      ops.add(perOrigin);
    }
  }

  /** Returns what region {@code r} has merged of topic {@code t}, per origin (a live view). */
  long[] seen(int r, int t) {
    return seen[r][t];
  }

  /** Records region {@code op.origin()}'s next update of topic {@code t}. */
  void record(int t, Op op) {
    ops.get(t).get(op.origin()).add(op);
    seen[op.origin()][t][op.origin()] = op.k();
  }

  /**
   * Records that region {@code r} merged origin {@code o}'s updates of topic {@code t} up to {@code
   * lastK}, counting a conflict if an incoming update races one the receiver has.
   */
  void merged(int r, int o, int t, int lastK) {
    countConflicts(r, o, t, lastK);
    seen[r][t][o] = Math.max(seen[r][t][o], lastK);
  }

  Map<String, Long> conflicts() {
    return conflicts;
  }

  long tieBreaks() {
    return tieBreaks;
  }

  private void countConflicts(int r, int o, int t, int lastK) {
    SimulatedTopic topic = topics.get(t);
    if (topic.kind() == Kind.COUNTER) {
      return;
    }
    long[] known = seen[r][t];
    List<List<Op>> byOrigin = ops.get(t);
    boolean conflict = false;
    List<Op> incoming = byOrigin.get(o).subList((int) known[o], lastK);
    for (Op w : incoming) {
      for (int other = 0; other < known.length; other++) {
        for (Op l : byOrigin.get(other).subList(0, (int) known[other])) {
          if (!w.concurrentWith(l)) {
            continue;
          }
          switch (topic.kind()) {
            case SET -> conflict |= w.element().equals(l.element()) && !w.kind().equals(l.kind());
            case LWW -> {
              conflict = true;
              if ((w.stamp() >>> 16) == (l.stamp() >>> 16)
                  && (w.stamp() & 0xFFFF) == (l.stamp() & 0xFFFF)) {
                tieBreaks++;
              }
            }
            default -> conflict = true;
          }
        }
      }
    }
    if (conflict) {
      String kind =
          switch (topic.kind()) {
            case SET -> "or-set";
            case LWW -> "lww-register";
            default -> "mv-register";
          };
      conflicts.merge(kind, 1L, Long::sum);
    }
  }

  /**
   * Compares the converged state with what the history implies and fills {@code values} with the
   * canonical value of each topic.
   *
   * @param states the converged state of each topic, by topic index
   * @return the number of differences
   */
  @SuppressWarnings("unchecked")
  long check(IntFunction<Object> states, Map<String, String> values) {
    long differences = 0;
    for (SimulatedTopic topic : topics) {
      List<Op> all = new ArrayList<>();
      ops.get(topic.index()).forEach(all::addAll);
      Object state = states.apply(topic.index());
      String actual;
      String expected;
      switch (topic.kind()) {
        case COUNTER -> {
          actual = Long.toString(((PNCounter) state).value());
          expected = Long.toString(all.stream().mapToLong(Op::amount).sum());
        }
        case SET -> {
          Set<String> want = new TreeSet<>();
          for (Op a : all) {
            if (a.kind().equals("add")
                && all.stream()
                    .noneMatch(b -> b != a && b.element().equals(a.element()) && b.saw(a))) {
              want.add(a.element());
            }
          }
          Set<String> have = new TreeSet<>(((OrSet<String>) state).elements());
          Set<String> diff = new HashSet<>(want);
          diff.addAll(have);
          Set<String> both = new HashSet<>(want);
          both.retainAll(have);
          diff.removeAll(both);
          differences += diff.size();
          actual = have.toString();
          expected = actual;
        }
        case LWW -> {
          LwwRegister<String> reg = (LwwRegister<String>) state;
          actual = reg.value().orElse("") + "@" + reg.stamp() + "/" + reg.writer().orElse(null);
          Op winner = null;
          for (Op w : all) {
            if (winner == null
                || w.stamp() > winner.stamp()
                || (w.stamp() == winner.stamp()
                    && regions.get(w.origin()).compareTo(regions.get(winner.origin())) > 0)) {
              winner = w;
            }
          }
          expected =
              winner == null
                  ? "@" + HlcTimestamp.ZERO + "/null"
                  : winner.element()
                      + "@"
                      + HlcTimestamp.decode(winner.stamp())
                      + "/"
                      + regions.get(winner.origin());
        }
        default -> {
          Set<String> want = new TreeSet<>();
          for (Op w : all) {
            if (all.stream().noneMatch(b -> b != w && b.saw(w))) {
              want.add(w.element());
            }
          }
          actual = new TreeSet<>(((MvRegister<String>) state).values()).toString();
          expected = want.toString();
        }
      }
      if (!actual.equals(expected)) {
        differences++;
      }
      values.put(topic.name(), actual);
    }
    return differences;
  }
}
