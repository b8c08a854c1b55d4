package dev.tdeveloper.distribution.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class OrSetReplicaTest {
  private static final List<RegionId> REGIONS =
      List.of(RegionId.of("eu-west"), RegionId.of("us-east"), RegionId.of("ap-south"));

  /**
   * Random adds, removes and deliveries (single deltas, out of order, twice, or whole states) on
   * three replicas, done both on immutable {@link OrSet}s and on {@link OrSetReplica}s: after every
   * step each replica equals its immutable twin, and each delta equals the one {@link OrSet} makes.
   */
  @Property(tries = 300)
  void aReplicaAnswersExactlyWhatTheImmutableSetAnswers(@ForAll long seed) {
    Random random = new Random(seed);
    List<OrSet<String>> model = new ArrayList<>();
    List<OrSetReplica<String>> real = new ArrayList<>();
    List<List<OrSet<String>>> sent = new ArrayList<>();
    for (int i = 0; i < REGIONS.size(); i++) {
      model.add(OrSet.empty());
      real.add(new OrSetReplica<>());
      sent.add(new ArrayList<>());
    }
    for (int step = 0; step < 60; step++) {
      int i = random.nextInt(REGIONS.size());
      String element = "n" + random.nextInt(8);
      switch (random.nextInt(5)) {
        case 0, 1 -> {
          OrSet<String> twin = model.get(i).add(REGIONS.get(i), element);
          OrSet<String> delta = real.get(i).add(REGIONS.get(i), element);
          assertThat(delta).isEqualTo(model.get(i).add(REGIONS.get(i), element).delta().get());
          model.set(i, twin.resetDelta());
          sent.get(i).add(delta);
        }
        case 2 -> {
          OrSet<String> twin = model.get(i).remove(element);
          OrSet<String> delta = real.get(i).remove(element);
          assertThat(delta).isEqualTo(twin.delta().orElse(OrSet.empty()));
          model.set(i, twin.resetDelta());
          sent.get(i).add(delta);
        }
        case 3 -> {
          int from = random.nextInt(REGIONS.size());
          List<OrSet<String>> deltas = sent.get(from);
          if (!deltas.isEmpty()) {
            OrSet<String> delta = deltas.get(random.nextInt(deltas.size()));
            model.set(i, model.get(i).merge(delta));
            real.get(i).join(delta);
          }
        }
        default -> {
          int from = random.nextInt(REGIONS.size());
          OrSet<String> state = real.get(from).snapshot();
          model.set(i, model.get(i).merge(state));
          real.get(i).join(state);
        }
      }
      for (int r = 0; r < REGIONS.size(); r++) {
        assertThat(real.get(r).snapshot()).isEqualTo(model.get(r));
        assertThat(real.get(r).size()).isEqualTo(model.get(r).size());
      }
    }
  }

  @Test
  void anAddSeenByAnotherReplicaAndRemovedThereIsRemovedHereByTheRemovalsDelta() {
    OrSetReplica<Long> here = new OrSetReplica<>();
    OrSetReplica<Long> there = new OrSetReplica<>();
    there.join(here.add(REGIONS.get(0), 7L));
    assertThat(there.contains(7L)).isTrue();
    here.join(there.remove(7L));
    assertThat(here.contains(7L)).isFalse();
    assertThat(here.size()).isZero();
  }

  @Test
  void aConcurrentAddWinsOverARemoveThatDidNotSeeIt() {
    OrSetReplica<Long> a = new OrSetReplica<>();
    OrSetReplica<Long> b = new OrSetReplica<>();
    OrSet<Long> first = a.add(REGIONS.get(0), 1L);
    b.join(first);
    OrSet<Long> removal = b.remove(1L);
    OrSet<Long> again = a.add(REGIONS.get(0), 1L);
    a.join(removal);
    b.join(again);
    assertThat(a.contains(1L)).isTrue();
    assertThat(b.contains(1L)).isTrue();
    assertThat(a.snapshot()).isEqualTo(b.snapshot());
  }

  @Test
  void removingAnAbsentElementChangesNothingAndSendsAnEmptyDelta() {
    OrSetReplica<String> replica = new OrSetReplica<>();
    replica.add(REGIONS.get(1), "kept");
    OrSet<String> before = replica.snapshot();
    assertThat(replica.remove("absent")).isEqualTo(OrSet.empty());
    assertThat(replica.snapshot()).isEqualTo(before);
  }

  @Test
  void nullsAreRefusedByName() {
    OrSetReplica<String> replica = new OrSetReplica<>();
    assertThatThrownBy(() -> replica.add(null, "x")).hasMessage("replica");
    assertThatThrownBy(() -> replica.add(REGIONS.get(0), null)).hasMessage("element");
    assertThatThrownBy(() -> replica.join(null)).hasMessage("delta");
    assertThat(replica.size()).isZero();
  }
}
