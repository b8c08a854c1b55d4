package dev.tdeveloper.scaling.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The state stays bounded and concurrent callers see consistent decisions. */
class HistoryBoundsTest {

  @Test
  void recommendationHistoryHoldsAtMostOneEntryPerDistinctValue() {
    SlidingExtremum max = new SlidingExtremum(true);
    for (int i = 0; i < 100_000; i++) {
      max.evict(i - 1_000_000, false); // a window far longer than the run
      max.add(i, i % 7);
    }
    assertThat(max.size()).isLessThanOrEqualTo(7);
    assertThat(max.extremum(0)).isEqualTo(6);
  }

  @Test
  void windowExtremumForgetsEntriesOutsideTheWindow() {
    SlidingExtremum min = new SlidingExtremum(false);
    min.add(0, 1);
    min.add(10, 5);
    min.evict(0, false);
    assertThat(min.extremum(9)).isEqualTo(5);
  }

  @Test
  void scaleEventsOutsideTheLongestPeriodAreForgotten() {
    ScaleEventLog log = new ScaleEventLog(60);
    log.record(0, 3);
    log.record(30, 2);
    log.record(30, 1);
    assertThat(log.changesWithin(30, 60)).isEqualTo(6);
    assertThat(log.changesWithin(70, 60)).isEqualTo(3);
  }

  @Test
  void concurrentDecisionsSeeEachOthersScaleEvents() throws Exception {
    TargetTrackingAutoscaler a =
        TargetTrackingAutoscaler.hpaDefaults(
            ReplicaBounds.of(1, 30), MetricTarget.utilization(0.5));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ScalingDecision>> futures = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        futures.add(pool.submit(() -> a.decide(Inputs.util(0, 10, 1.0))));
      }
      // The first decision scales 10 -> 20 and is recorded as applied: within the same 15 s
      // period every later one counts it, so exactly one decision scales and the rest hold.
      int scaled = 0;
      for (Future<ScalingDecision> f : futures) {
        int desired = f.get().desiredReplicas();
        assertThat(desired).isIn(10, 20);
        scaled += desired == 20 ? 1 : 0;
      }
      assertThat(scaled).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
