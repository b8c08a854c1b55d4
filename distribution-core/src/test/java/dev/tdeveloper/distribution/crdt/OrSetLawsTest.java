package dev.tdeveloper.distribution.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Random;

class OrSetLawsTest extends CrdtLaws<OrSet<String>> {
  @Override
  OrSet<String> empty() {
    return OrSet.empty();
  }

  @Override
  OrSet<String> randomOp(OrSet<String> state, RegionId replica, Random random, History history) {
    String element = "e" + random.nextInt(6);
    if (random.nextInt(3) == 0) {
      history.record(replica, "remove", element, 0);
      return state.remove(element);
    }
    history.record(replica, "add", element, 0);
    return state.add(replica, element);
  }

  /**
   * An element whose last operation was an add is present (no remove can have seen that add); one
   * whose last operation was a remove by a replica that had seen every add of it is absent.
   */
  @Override
  void checkNothingLost(OrSet<String> converged, History history) {
    for (String e : history.keys()) {
      History.Op last = history.last(e);
      if (last.kind().equals("add")) {
        assertThat(converged.contains(e)).as("added last: %s", e).isTrue();
      } else if (history.ops.stream()
          .filter(o -> o.key().equals(e) && o.kind().equals("add"))
          .allMatch(a -> last.seen().contains(a.id()))) {
        assertThat(converged.contains(e)).as("removed after every add: %s", e).isFalse();
      }
    }
    assertThat(history.keys()).containsAll(converged.elements());
  }

  @Override
  CrdtCodec<OrSet<String>> codec() {
    return CrdtCodec.orSet(ValueCodec.string());
  }
}
