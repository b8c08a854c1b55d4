package dev.tdeveloper.distribution.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Random;

class OrMapLawsTest extends CrdtLaws<OrMap<String, PNCounter>> {
  @Override
  OrMap<String, PNCounter> empty() {
    return OrMap.empty();
  }

  @Override
  OrMap<String, PNCounter> randomOp(
      OrMap<String, PNCounter> state, RegionId replica, Random random, History history) {
    String key = "k" + random.nextInt(4);
    if (random.nextInt(4) == 0) {
      history.record(replica, "remove", key, 0);
      return state.remove(key);
    }
    long amount = 1 + random.nextInt(9);
    history.record(replica, "inc", key, amount);
    return state.update(replica, key, PNCounter.empty(), c -> c.increment(replica, amount));
  }

  /**
   * A key whose last operation was an update is present; one never removed holds the sum of its
   * increments; one removed last by a replica that had seen every update of it is absent.
   */
  @Override
  void checkNothingLost(OrMap<String, PNCounter> converged, History history) {
    for (String k : history.keys()) {
      History.Op last = history.last(k);
      var ofKey = history.ops.stream().filter(o -> o.key().equals(k)).toList();
      if (last.kind().equals("inc")) {
        assertThat(converged.containsKey(k)).as("updated last: %s", k).isTrue();
      } else if (ofKey.stream()
          .filter(o -> o.kind().equals("inc"))
          .allMatch(u -> last.seen().contains(u.id()))) {
        assertThat(converged.containsKey(k)).as("removed after every update: %s", k).isFalse();
      }
      if (ofKey.stream().noneMatch(o -> o.kind().equals("remove"))) {
        assertThat(converged.get(k).orElseThrow().value())
            .isEqualTo(ofKey.stream().mapToLong(History.Op::value).sum());
      }
    }
  }

  @Override
  CrdtCodec<OrMap<String, PNCounter>> codec() {
    return CrdtCodec.orMap(ValueCodec.string(), CrdtCodec.pnCounter());
  }
}
