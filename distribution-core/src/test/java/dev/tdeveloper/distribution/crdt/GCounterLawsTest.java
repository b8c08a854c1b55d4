package dev.tdeveloper.distribution.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Random;

class GCounterLawsTest extends CrdtLaws<GCounter> {
  @Override
  GCounter empty() {
    return GCounter.empty();
  }

  @Override
  GCounter randomOp(GCounter state, RegionId replica, Random random, History history) {
    long amount = random.nextInt(4) == 0 ? random.nextInt(1_000_000) : random.nextInt(5);
    history.record(replica, "inc", "c", amount);
    return state.increment(replica, amount);
  }

  @Override
  void checkNothingLost(GCounter converged, History history) {
    assertThat(converged.value()).isEqualTo(history.sum("inc"));
  }

  @Override
  CrdtCodec<GCounter> codec() {
    return CrdtCodec.gCounter();
  }
}
