package dev.tdeveloper.distribution.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.Comparator;
import java.util.Random;

class LwwRegisterLawsTest extends CrdtLaws<LwwRegister<String>> {
  @Override
  LwwRegister<String> empty() {
    return LwwRegister.empty();
  }

  /** Stamps rise per replica (as an HLC's do) and often tie across replicas. */
  @Override
  LwwRegister<String> randomOp(
      LwwRegister<String> state, RegionId replica, Random random, History history) {
    long mine = history.ops.stream().filter(o -> o.replica().equals(replica)).count();
    HlcTimestamp stamp = new HlcTimestamp(10 * (mine + 1) + random.nextInt(3), random.nextInt(2));
    String value = "v" + history.ops.size();
    history.record(replica, "set:" + stamp.encode(), "r", history.ops.size());
    return state.set(replica, stamp, value);
  }

  @Override
  void checkNothingLost(LwwRegister<String> converged, History history) {
    History.Op winner =
        history.ops.stream()
            .max(
                Comparator.comparingLong((History.Op o) -> Long.parseLong(o.kind().substring(4)))
                    .thenComparing(History.Op::replica))
            .orElse(null);
    if (winner == null) {
      assertThat(converged.value()).isEmpty();
    } else {
      assertThat(converged.value()).contains("v" + winner.value());
      assertThat(converged.writer()).contains(winner.replica());
    }
  }

  @Override
  CrdtCodec<LwwRegister<String>> codec() {
    return CrdtCodec.lwwRegister(ValueCodec.string());
  }
}
