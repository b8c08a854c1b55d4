package dev.tdeveloper.benchmarks.load.sim;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.config.ScalingConfig;
import dev.tdeveloper.scaling.hpa.MetricTarget;
import dev.tdeveloper.scaling.hpa.ScalingBehavior;
import dev.tdeveloper.scaling.hpa.TargetTrackingAutoscaler;
import dev.tdeveloper.scaling.simulation.ScalingSimulator;
import dev.tdeveloper.scaling.simulation.SimulationReport;
import dev.tdeveloper.scaling.simulation.WorkloadTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Point 5's scale response: scaling-core's {@link ScalingSimulator} replays the run's measured rate
 * for {@value #BEFORE_SECONDS} s, then {@value #STEP_FACTOR} times that rate for {@value
 * #AFTER_SECONDS} s, on a fleet of instances each serving the measured capacity per instance and
 * ready the measured demo start-up (rounded up to whole seconds) after it is asked for. The fleet
 * starts with the instances the demo's utilization target needs for the measured rate. The answer
 * is the time from the step until the ready instances can serve the offered load (the simulator's
 * violation episode), for every phase of the step against the decision interval: best and worst.
 *
 * <p>Three autoscalers, each with the demo's {@code scaling.yaml} {@code demo-floor}'s tolerances,
 * its target as a share of the simulated capacity and its decision interval: {@code demo} as
 * configured (the offered load per instance, a workload metric as a load balancer counts it, and a
 * scale-up policy that allows a 10x step in one decision); {@code served-per-instance-hpa-defaults}
 * tracking each ready instance's served requests per second instead, with the Kubernetes HPA's
 * default behavior (served requests saturate at the capacity, so one decision scales by at most
 * 1/target: what the demo ran until the fifth session); and {@code offered-load-hpa-defaults}, the
 * offered load with the HPA's default behavior (at most 2x or 4 instances per 15 s). Stateless; a
 * replay allocates its own autoscalers and clocks.
 */
public final class ScaleStepReplay {
  /** The traffic step: {@value}x the measured rate. */
  public static final int STEP_FACTOR = 10;

  /** The plan's goal for the time to enough ready capacity: {@value} seconds. */
  public static final long GOAL_SECONDS = 30;

  /** Steady load before the step, so the fleet has settled: {@value} seconds. */
  static final long BEFORE_SECONDS = 600;

  /** Load after the step: {@value} seconds. */
  static final long AFTER_SECONDS = 600;

  private static final String FLOOR = "demo-floor";
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  private ScaleStepReplay() {}

  /**
   * What the replay assumed.
   *
   * @param capacityPerInstance requests per second one instance serves, measured
   * @param readySeconds from asking for an instance to it serving: the measured demo start-up
   * @param decisionSeconds the autoscaler's decision interval, from the demo's scaling.yaml
   * @param targetUtilization the share of capacity the autoscaler aims for, from the demo's file
   * @param provisioning what is and is not modelled
   */
  public record Assumptions(
      double capacityPerInstance,
      long readySeconds,
      long decisionSeconds,
      double targetUtilization,
      String provisioning) {}

  /**
   * One autoscaler's response to the step.
   *
   * @param autoscaler its name
   * @param bestSeconds the shortest time to enough ready capacity over the step's phases
   * @param worstSeconds the longest
   * @param resolved whether enough capacity was ready before the replay ended in every phase
   * @param peakInstances the most instances it held
   */
  public record Response(
      String autoscaler, long bestSeconds, long worstSeconds, boolean resolved, int peakInstances) {
    /** Returns whether the worst phase met {@link #GOAL_SECONDS}. */
    public boolean meetsGoal() {
      return resolved && worstSeconds < GOAL_SECONDS;
    }
  }

  /**
   * The replay's result.
   *
   * @param fromRate requests per second before the step: the run's measured rate
   * @param toRate requests per second after it
   * @param instancesBefore instances at the start, sized by the target utilization
   * @param instancesNeeded instances whose capacity covers the load after the step
   * @param steadyInstances average instances the {@code demo} autoscaler holds at the measured rate
   *     (an hour's replay), the fleet the cost is computed for
   * @param assumptions what was assumed
   * @param responses one per autoscaler
   */
  public record Result(
      double fromRate,
      double toRate,
      int instancesBefore,
      int instancesNeeded,
      double steadyInstances,
      Assumptions assumptions,
      List<Response> responses) {
    /** Copies. */
    public Result {
      Objects.requireNonNull(assumptions, "assumptions");
      responses = List.copyOf(responses);
    }
  }

  /**
   * Replays the step with the demo's bundled {@code scaling.yaml}.
   *
   * @param in the run's measurements
   * @return the responses
   */
  public static Result replay(SimInputs in) {
    return replay(in, DemoConfigs.scaling());
  }

  /**
   * Replays the step with {@code config}'s {@code demo-floor} autoscaler and simulation settings.
   *
   * @param in the run's measurements
   * @param config a scaling configuration with a target-tracking autoscaler {@code demo-floor}
   * @return the responses
   * @throws IllegalArgumentException when {@code demo-floor} is missing or not target tracking
   */
  public static Result replay(SimInputs in, ScalingConfig config) {
    if (!(config.autoscaler(FLOOR) instanceof TargetTrackingAutoscaler floor)) {
      throw new IllegalArgumentException(
          FLOOR + " in " + config.source() + " is not target-tracking; allowed: target-tracking");
    }
    double capacity = in.capacityPerInstance();
    double rescale = capacity / config.simulation().capacityPerReplica();
    double utilization =
        floor.targets().get(0).kind() == MetricTarget.Kind.UTILIZATION
            ? floor.targets().get(0).target()
            : floor.targets().get(0).target() / config.simulation().capacityPerReplica();
    Duration decision = config.simulation().decisionInterval();
    long ready = (in.startup().toMillis() + 999) / 1000;
    double rate = in.requestsPerSecond();
    int before = (int) Math.max(1, Math.ceil(rate / (utilization * capacity)));
    int needed = (int) Math.ceil(STEP_FACTOR * rate / capacity);
    ReplicaBounds bounds = ReplicaBounds.of(1, Math.max(before, 2 * needed) + 10);
    ScalingBehavior behavior = floor.behavior().orElse(ScalingBehavior.defaults());
    List<MetricTarget> asConfigured = new ArrayList<>();
    for (MetricTarget t : floor.targets()) {
      asConfigured.add(
          t.kind() == MetricTarget.Kind.UTILIZATION
              ? t
              : new MetricTarget(t.kind(), t.metric(), t.target() * rescale));
    }
    MetricTarget offered =
        MetricTarget.workloadAverageValue(Metric.REQUESTS_PER_SECOND, utilization * capacity);
    MetricTarget served =
        MetricTarget.averageValue(Metric.REQUESTS_PER_SECOND, utilization * capacity);
    ScalingSimulator.Builder sim =
        ScalingSimulator.builder()
            .decisionInterval(decision)
            .startupDelay(Duration.ofSeconds(ready))
            .capacityPerReplica(capacity)
            .initialReplicas(before)
            .maxReplicas(bounds.max());
    List<Response> responses = new ArrayList<>();
    responses.add(
        respond("demo", sim, rate, decision, () -> build(floor, bounds, behavior, asConfigured)));
    responses.add(
        respond(
            "served-per-instance-hpa-defaults",
            sim,
            rate,
            decision,
            () -> build(floor, bounds, ScalingBehavior.defaults(), List.of(served))));
    responses.add(
        respond(
            "offered-load-hpa-defaults",
            sim,
            rate,
            decision,
            () -> build(floor, bounds, ScalingBehavior.defaults(), List.of(offered))));
    SimulationReport steady =
        sim.warmUp(Duration.ofSeconds(BEFORE_SECONDS))
            .build()
            .run(trace(rate, rate, 3600, 3600), build(floor, bounds, behavior, asConfigured));
    return new Result(
        rate,
        STEP_FACTOR * rate,
        before,
        needed,
        steady.replicaHours() * 3600 / steady.simulatedSeconds(),
        new Assumptions(
            capacity,
            ready,
            decision.toSeconds(),
            utilization,
            "an instance is asked for on a node with room and the image cached (no node boot,"
                + " no image pull) and is ready one measured demo start-up later; metrics are"
                + " fresh at each decision; enough = ready instances x capacity >= offered load"),
        responses);
  }

  private static Response respond(
      String name,
      ScalingSimulator.Builder sim,
      double rate,
      Duration decision,
      Supplier<TargetTrackingAutoscaler> autoscaler) {
    long best = Long.MAX_VALUE;
    long worst = 0;
    boolean resolved = true;
    int peak = 0;
    for (long phase = 0; phase < decision.toSeconds(); phase++) {
      SimulationReport r =
          sim.warmUp(Duration.ofSeconds(BEFORE_SECONDS + phase))
              .build()
              .run(
                  trace(rate, STEP_FACTOR * rate, BEFORE_SECONDS + phase, AFTER_SECONDS),
                  autoscaler.get());
      SimulationReport.ResponseTimes times = r.scaleResponse();
      long seconds = times.episodes() == 0 ? 0 : times.maxSeconds();
      best = Math.min(best, seconds);
      worst = Math.max(worst, seconds);
      resolved &= times.unresolved() == 0;
      peak = Math.max(peak, r.peakReplicas());
    }
    return new Response(name, best, worst, resolved, peak);
  }

  /** {@code from} requests/s for {@code beforeSeconds}, then {@code to} for twice afterSeconds. */
  private static WorkloadTrace trace(double from, double to, long beforeSeconds, long after) {
    Instant step = T0.plusSeconds(beforeSeconds);
    return WorkloadTrace.of(
        List.of(
            new WorkloadTrace.Point(T0, from),
            new WorkloadTrace.Point(step, to),
            new WorkloadTrace.Point(step.plusSeconds(after), to)));
  }

  private static TargetTrackingAutoscaler build(
      TargetTrackingAutoscaler floor,
      ReplicaBounds bounds,
      ScalingBehavior behavior,
      List<MetricTarget> targets) {
    TargetTrackingAutoscaler.Builder b =
        TargetTrackingAutoscaler.builder()
            .bounds(bounds)
            .behavior(behavior)
            .scaleUpTolerance(floor.scaleUpTolerance())
            .scaleDownTolerance(floor.scaleDownTolerance());
    targets.forEach(b::metric);
    return b.build();
  }
}
