package dev.tdeveloper.distribution.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The laws every delta CRDT obeys, inherited by one test class per type: merge is commutative,
 * associative and idempotent; merging a delta equals merging the full state; replicas converge
 * after deltas delivered in random order with duplicates and drops, then anti-entropy, with nothing
 * lost; and both encodings round-trip and refuse corrupt input.
 */
abstract class CrdtLaws<C extends DeltaCrdt<C>> {
  static final List<RegionId> REGIONS =
      List.of(
          RegionId.of("eu-west-1"),
          RegionId.of("us-east-1"),
          RegionId.of("ap-south-1"),
          RegionId.of("sa-east-1"),
          RegionId.of("af-south-1"));

  abstract C empty();

  /** Applies one random operation of {@code replica} and records it in the history. */
  abstract C randomOp(C state, RegionId replica, Random random, History history);

  /** Checks the converged state against the history, per the type's semantics. */
  abstract void checkNothingLost(C converged, History history);

  abstract CrdtCodec<C> codec();

  /** A message in flight: a delta or a full state, and the operations it carries. */
  private record Message<C>(int to, C state, Set<Integer> ops) {}

  /** The states of {@code n} replicas after a random run with deltas and some full merges. */
  final List<C> run(Random random, int n, int steps, History history, boolean converge) {
    List<C> states = new ArrayList<>();
    List<Set<Integer>> unshipped = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      states.add(empty());
      unshipped.add(new HashSet<>());
    }
    List<Message<C>> inFlight = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      int choice = random.nextInt(20);
      if (choice < 10) {
        int r = random.nextInt(n);
        history.acting(r);
        int before = history.ops.size();
        states.set(r, randomOp(states.get(r), REGIONS.get(r), random, history));
        for (int id = before; id < history.ops.size(); id++) {
          unshipped.get(r).add(id);
        }
        if (random.nextInt(3) != 0) {
          ship(random, n, r, states, unshipped, inFlight);
        }
      } else if (choice < 19 && !inFlight.isEmpty()) {
        deliver(inFlight.remove(random.nextInt(inFlight.size())), states, history);
      } else if (n > 1) {
        int to = random.nextInt(n);
        int from = random.nextInt(n);
        states.set(to, states.get(to).merge(states.get(from)));
        history.seen.get(to).addAll(history.seen.get(from));
      }
    }
    if (converge) {
      for (int r = 0; r < n; r++) {
        ship(random, n, r, states, unshipped, inFlight);
      }
      while (!inFlight.isEmpty()) {
        deliver(inFlight.remove(random.nextInt(inFlight.size())), states, history);
      }
      for (int round = 0; round < 2; round++) {
        for (int to = 0; to < n; to++) {
          for (int from = 0; from < n; from++) {
            states.set(to, states.get(to).merge(states.get(from)));
          }
        }
      }
    }
    return states;
  }

  private void ship(
      Random random,
      int n,
      int r,
      List<C> states,
      List<Set<Integer>> unshipped,
      List<Message<C>> inFlight) {
    C state = states.get(r);
    if (state.delta().isEmpty()) {
      return;
    }
    C delta = state.delta().orElseThrow();
    for (int to = 0; to < n; to++) {
      if (to == r || random.nextInt(5) == 0) {
        continue; // dropped
      }
      Set<Integer> ops = Set.copyOf(unshipped.get(r));
      inFlight.add(new Message<>(to, delta, ops));
      if (random.nextInt(5) == 0) {
        inFlight.add(new Message<>(to, delta, ops)); // duplicated
      }
    }
    states.set(r, state.resetDelta());
    unshipped.get(r).clear();
  }

  private void deliver(Message<C> m, List<C> states, History history) {
    states.set(m.to(), states.get(m.to()).merge(m.state()));
    history.seen.get(m.to()).addAll(m.ops());
  }

  private List<C> threeStates(long seed) {
    Random random = new Random(seed);
    return run(random, 3, 5 + random.nextInt(40), new History(3), false);
  }

  @Property(tries = 200)
  void mergeIsCommutative(@ForAll long seed) {
    List<C> s = threeStates(seed);
    assertThat(s.get(0).merge(s.get(1))).isEqualTo(s.get(1).merge(s.get(0)));
  }

  @Property(tries = 200)
  void mergeIsAssociative(@ForAll long seed) {
    List<C> s = threeStates(seed);
    assertThat(s.get(0).merge(s.get(1)).merge(s.get(2)))
        .isEqualTo(s.get(0).merge(s.get(1).merge(s.get(2))));
  }

  @Property(tries = 200)
  void mergeIsIdempotent(@ForAll long seed) {
    List<C> s = threeStates(seed);
    assertThat(s.get(0).merge(s.get(0))).isEqualTo(s.get(0));
    C ab = s.get(0).merge(s.get(1));
    assertThat(ab.merge(s.get(1))).isEqualTo(ab);
  }

  @Property(tries = 200)
  void mergingTheDeltaEqualsMergingTheFullState(@ForAll long seed) {
    Random random = new Random(seed);
    History history = new History(3);
    List<C> s = run(random, 3, random.nextInt(30), history, false);
    C receiver = s.get(0).merge(s.get(1));
    C sender = s.get(1).resetDelta();
    history.acting(1);
    int ops = 1 + random.nextInt(6);
    for (int i = 0; i < ops; i++) {
      sender = randomOp(sender, REGIONS.get(1), random, history);
    }
    if (sender.delta().isPresent()) {
      assertThat(receiver.merge(sender.delta().orElseThrow())).isEqualTo(receiver.merge(sender));
    } else {
      assertThat(receiver.merge(sender)).isEqualTo(receiver);
    }
  }

  @Property(tries = 200)
  void replicasConvergeAfterRandomDeliveryAndAntiEntropyWithNothingLost(@ForAll long seed) {
    Random random = new Random(seed);
    int n = 3 + random.nextInt(3);
    History history = new History(n);
    List<C> states = run(random, n, 10 + random.nextInt(80), history, true);
    for (C s : states) {
      assertThat(s).isEqualTo(states.get(0));
    }
    checkNothingLost(states.get(0), history);
  }

  @Property(tries = 200)
  void encodingsRoundTrip(@ForAll long seed) {
    for (C s : threeStates(seed)) {
      C bare = s.resetDelta();
      assertThat(codec().decode(codec().encode(s))).isEqualTo(bare);
      assertThat(codec().fromJson(codec().toJson(s))).isEqualTo(bare);
      s.delta()
          .ifPresent(
              d -> {
                assertThat(codec().decode(codec().encode(d))).isEqualTo(d.resetDelta());
                assertThat(codec().fromJson(codec().toJson(d))).isEqualTo(d.resetDelta());
              });
    }
  }

  @Property(tries = 100)
  void decodingRefusesTruncatedInput(@ForAll long seed) {
    byte[] bytes = codec().encode(threeStates(seed).get(0));
    for (int length = 0; length < bytes.length; length++) {
      byte[] prefix = java.util.Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> codec().decode(prefix))
          .isInstanceOf(CrdtDecodingException.class)
          .hasMessageContaining("offset");
    }
  }

  @Property(tries = 200)
  void decodingCorruptInputFailsCleanlyOrGivesAValidState(@ForAll long seed) {
    Random random = new Random(seed);
    byte[] bytes = codec().encode(threeStates(seed).get(random.nextInt(3)));
    int flips = 1 + random.nextInt(3);
    for (int i = 0; i < flips; i++) {
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
    }
    try {
      C decoded = codec().decode(bytes);
      assertThat(codec().decode(codec().encode(decoded))).isEqualTo(decoded);
    } catch (CrdtDecodingException e) {
      assertThat(e.offset()).isBetween(0L, (long) bytes.length);
    }
  }
}
