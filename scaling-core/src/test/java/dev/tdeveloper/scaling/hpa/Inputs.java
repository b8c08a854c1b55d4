package dev.tdeveloper.scaling.hpa;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Builds test inputs at times relative to a fixed origin. */
final class Inputs {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private Inputs() {}

  static Instant at(long seconds) {
    return T0.plus(Duration.ofSeconds(seconds));
  }

  /** {@code n} ready replicas at utilization {@code u}, at {@code seconds}. */
  static ScalingInput util(long seconds, int n, double u) {
    return ScalingInput.at(at(seconds)).readyReplicas(n, Metric.UTILIZATION, u).build();
  }

  static ReplicaSample missing(String id) {
    return new ReplicaSample(id, true, Map.of());
  }

  static ReplicaSample unready(String id, double u) {
    return new ReplicaSample(id, false, Map.of(Metric.UTILIZATION, u));
  }

  /** A behavior without stabilization and with policies that never bind. */
  static ScalingBehavior unlimited() {
    ScalingRules r =
        ScalingRules.of(
            Duration.ZERO, SelectPolicy.MAX, ScalingPolicy.pods(100_000, Duration.ofSeconds(15)));
    return new ScalingBehavior(r, r);
  }
}
