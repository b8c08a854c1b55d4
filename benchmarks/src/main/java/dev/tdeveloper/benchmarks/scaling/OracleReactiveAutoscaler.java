package dev.tdeveloper.benchmarks.scaling;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The physical floor of a reactive autoscaler, for the benchmark only: at each decision it reads
 * the true offered load (the workload's {@link Metric#REQUESTS_PER_SECOND}, which a real cluster
 * only approximates) and asks at once for {@code ceil(load / (capacity x target))} replicas: no
 * tolerance, no scale-up stabilization, no rate limit. So an unannounced load step is covered after
 * at most one decision interval plus the replica startup, and nothing reactive can do better. Scale
 * in keeps the HPA's 300 s down-stabilization (the most replicas recommended in the window), so the
 * floor does not win on cost by dropping capacity the HPA would keep.
 *
 * <p>Not thread-safe: one replay at a time, as the simulator requires.
 */
public final class OracleReactiveAutoscaler implements Autoscaler {
  /** This autoscaler's {@link #name()}: {@value}. */
  public static final String NAME = "oracle-reactive";

  /** Scale-in stabilization window, the HPA default: {@value} s. */
  public static final long SCALE_IN_WINDOW_SECONDS = 300;

  private final double perReplica;
  private final ReplicaBounds bounds;
  private final long windowSeconds;
  private final Deque<long[]> recommendations = new ArrayDeque<>();

  /**
   * Sets up the floor for a cluster.
   *
   * @param profile capacity per replica, target utilization and bounds
   */
  public OracleReactiveAutoscaler(ClusterProfile profile) {
    Objects.requireNonNull(profile, "profile");
    this.perReplica = profile.capacityPerReplica() * profile.targetUtilization();
    this.bounds = profile.bounds();
    this.windowSeconds = Duration.ofSeconds(SCALE_IN_WINDOW_SECONDS).getSeconds();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScalingDecision decide(ScalingInput input) {
    int current = input.currentReplicas();
    OptionalDouble load = input.workload(Metric.REQUESTS_PER_SECOND);
    if (load.isEmpty()) {
      return ScalingDecision.unchanged(
          input,
          NAME,
          List.of(
              ScalingReason.of(
                  "oracle.load.missing", Metric.REQUESTS_PER_SECOND, "no offered load")));
    }
    long now = input.time().getEpochSecond();
    int wanted = bounds.clamp((long) Math.ceil(load.getAsDouble() / perReplica - 1e-9));
    while (!recommendations.isEmpty() && recommendations.peekFirst()[0] <= now - windowSeconds) {
      recommendations.removeFirst();
    }
    recommendations.addLast(new long[] {now, wanted});
    long down = wanted;
    for (long[] r : recommendations) {
      down = Math.max(down, r[1]);
    }
    int desired = wanted >= current ? wanted : (int) Math.min(current, down);
    return new ScalingDecision(
        input.time(),
        current,
        desired,
        NAME,
        List.of(
            ScalingReason.of(
                "oracle.load",
                Metric.REQUESTS_PER_SECOND,
                "offered "
                    + load.getAsDouble()
                    + " req/s / "
                    + perReplica
                    + " = "
                    + wanted
                    + " replicas; max over the last "
                    + windowSeconds
                    + " s "
                    + down)));
  }
}
