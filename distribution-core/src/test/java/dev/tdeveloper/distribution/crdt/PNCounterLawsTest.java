package dev.tdeveloper.distribution.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Random;

class PNCounterLawsTest extends CrdtLaws<PNCounter> {
  @Override
  PNCounter empty() {
    return PNCounter.empty();
  }

  @Override
  PNCounter randomOp(PNCounter state, RegionId replica, Random random, History history) {
    long amount = random.nextInt(100);
    if (random.nextBoolean()) {
      history.record(replica, "inc", "c", amount);
      return state.increment(replica, amount);
    }
    history.record(replica, "dec", "c", amount);
    return state.decrement(replica, amount);
  }

  @Override
  void checkNothingLost(PNCounter converged, History history) {
    assertThat(converged.value()).isEqualTo(history.sum("inc") - history.sum("dec"));
  }

  @Override
  CrdtCodec<PNCounter> codec() {
    return CrdtCodec.pnCounter();
  }
}
