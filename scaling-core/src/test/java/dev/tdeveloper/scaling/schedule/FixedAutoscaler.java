package dev.tdeveloper.scaling.schedule;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An inner autoscaler for tests: asks for a settable count and counts its calls. */
final class FixedAutoscaler implements Autoscaler {
  final AtomicInteger desired = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();

  FixedAutoscaler(int desired) {
    this.desired.set(desired);
  }

  @Override
  public ScalingDecision decide(ScalingInput input) {
    calls.incrementAndGet();
    return new ScalingDecision(
        input.time(),
        input.currentReplicas(),
        desired.get(),
        name(),
        List.of(ScalingReason.of("fixed", "asks for " + desired.get())));
  }

  @Override
  public String name() {
    return "fixed";
  }
}
