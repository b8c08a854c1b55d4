package dev.tdeveloper.distribution.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Random;
import java.util.stream.Collectors;

class MvRegisterLawsTest extends CrdtLaws<MvRegister<Long>> {
  @Override
  MvRegister<Long> empty() {
    return MvRegister.empty();
  }

  @Override
  MvRegister<Long> randomOp(
      MvRegister<Long> state, RegionId replica, Random random, History history) {
    long value = history.ops.size();
    history.record(replica, "set", "r", value);
    return state.set(replica, value);
  }

  /**
   * The last write cannot have been overwritten, so it is present; every value present was written;
   * a write not seen by any later write stays; one seen by a later write is gone.
   */
  @Override
  void checkNothingLost(MvRegister<Long> converged, History history) {
    var expected =
        history.ops.stream()
            .filter(w -> history.ops.stream().noneMatch(later -> later.seen().contains(w.id())))
            .map(History.Op::value)
            .collect(Collectors.toSet());
    assertThat(converged.values()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Override
  CrdtCodec<MvRegister<Long>> codec() {
    return CrdtCodec.mvRegister(ValueCodec.int64());
  }
}
