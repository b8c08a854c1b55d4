package dev.tdeveloper.benchmarks.scaling;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.util.Arrays;
import java.util.Objects;

/**
 * Passes every decision through from the autoscaler it wraps and keeps its time and desired count,
 * so {@link StepResponses} can rebuild the ready capacity of a replay second by second. Not
 * thread-safe: one replay at a time.
 */
final class DecisionLog implements Autoscaler {
  private final Autoscaler delegate;
  private long[] seconds = new long[1024];
  private int[] desired = new int[1024];
  private int size;

  DecisionLog(Autoscaler delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public ScalingDecision decide(ScalingInput input) {
    ScalingDecision d = delegate.decide(input);
    if (size == seconds.length) {
      seconds = Arrays.copyOf(seconds, size * 2);
      desired = Arrays.copyOf(desired, size * 2);
    }
    seconds[size] = input.time().getEpochSecond();
    desired[size] = d.desiredReplicas();
    size++;
    return d;
  }

  int size() {
    return size;
  }

  long secondAt(int i) {
    return seconds[i];
  }

  int desiredAt(int i) {
    return desired[i];
  }
}
