package dev.tdeveloper.scaling.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingDirection;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/** Invariants of the HPA semantics over random configurations and input sequences. */
class HpaPropertiesTest {

  /** One step of a random run: seconds since the previous input, replicas, per-replica load. */
  record Step(int gapSeconds, int replicas, double utilization, int missing, int unready) {}

  @Provide
  Arbitrary<List<Step>> runs() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 120),
                Arbitraries.integers().between(1, 40),
                Arbitraries.doubles().between(0, 3),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(25);
  }

  @Provide
  Arbitrary<ScalingBehavior> behaviors() {
    Arbitrary<ScalingPolicy> policy =
        Combinators.combine(
                Arbitraries.of(ScalingPolicy.Type.values()),
                Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(1, 300))
            .as((t, v, p) -> new ScalingPolicy(t, v, Duration.ofSeconds(p)));
    Arbitrary<ScalingRules> rules =
        Combinators.combine(
                Arbitraries.integers().between(0, 600),
                Arbitraries.of(SelectPolicy.values()),
                policy.list().ofMinSize(1).ofMaxSize(3))
            .as((w, s, ps) -> new ScalingRules(Duration.ofSeconds(w), s, ps));
    return Combinators.combine(rules, rules).as(ScalingBehavior::new);
  }

  /** The run's steps as inputs, each {@code gapSeconds} after the one before, from 0 s. */
  private static List<ScalingInput> inputs(List<Step> run) {
    List<ScalingInput> inputs = new ArrayList<>(run.size());
    long t = 0;
    for (Step s : run) {
      t += s.gapSeconds();
      inputs.add(input(t, s));
    }
    return inputs;
  }

  private static ScalingInput input(long seconds, Step s) {
    ScalingInput.Builder b =
        ScalingInput.at(Inputs.at(seconds))
            .readyReplicas(s.replicas(), Metric.UTILIZATION, s.utilization());
    for (int i = 0; i < s.missing(); i++) {
      b.replica(new ReplicaSample("m" + i, true, Map.of()));
    }
    for (int i = 0; i < s.unready(); i++) {
      b.replica(new ReplicaSample("u" + i, false, Map.of(Metric.UTILIZATION, s.utilization())));
    }
    return b.build();
  }

  private static TargetTrackingAutoscaler autoscaler(
      ReplicaBounds bounds, double target, ScalingBehavior behavior, boolean legacy) {
    TargetTrackingAutoscaler.Builder b =
        TargetTrackingAutoscaler.builder().bounds(bounds).metric(MetricTarget.utilization(target));
    return legacy ? b.build() : b.behavior(behavior).build();
  }

  @Property
  void desiredIsAlwaysWithinMinAndMax(
      @ForAll("runs") List<Step> run,
      @ForAll("behaviors") ScalingBehavior behavior,
      @ForAll boolean legacy,
      @ForAll @IntRange(min = 1, max = 10) int min,
      @ForAll @IntRange(min = 0, max = 30) int span,
      @ForAll @DoubleRange(min = 0.1, max = 1.5) double target) {
    ReplicaBounds bounds = ReplicaBounds.of(min, min + span);
    TargetTrackingAutoscaler a = autoscaler(bounds, target, behavior, legacy);
    for (ScalingInput in : inputs(run)) {
      ScalingDecision d = a.decide(in);
      assertThat(bounds.contains(d.desiredReplicas())).as(d.toString()).isTrue();
    }
  }

  @Property
  void noChangeInsideTheTolerance(
      @ForAll("runs") List<Step> history,
      @ForAll("behaviors") ScalingBehavior behavior,
      @ForAll boolean legacy,
      @ForAll @IntRange(min = 1, max = 40) int replicas,
      @ForAll @DoubleRange(min = 0.905, max = 1.095) @Scale(3) double ratio,
      @ForAll @DoubleRange(min = 0.1, max = 1.5) double target) {
    ReplicaBounds bounds = ReplicaBounds.of(1, 50);
    TargetTrackingAutoscaler a = autoscaler(bounds, target, behavior, legacy);
    inputs(history).forEach(a::decide);
    long t = history.stream().mapToLong(Step::gapSeconds).sum();
    ScalingDecision d = a.decide(Inputs.util(t, replicas, ratio * target));
    if (!legacy) {
      assertThat(d.desiredReplicas()).as(d.toString()).isEqualTo(replicas);
    } else {
      // The legacy path keeps a 300 s maximum: it may only hold a count higher, never lower.
      assertThat(d.desiredReplicas()).as(d.toString()).isGreaterThanOrEqualTo(replicas);
    }
  }

  @Property
  void stabilizationNeverFlipsTheDirection(
      @ForAll("runs") @Size(min = 2) List<Step> run,
      @ForAll("behaviors") ScalingBehavior behavior,
      @ForAll @DoubleRange(min = 0.1, max = 1.5) double target) {
    ReplicaBounds bounds = ReplicaBounds.of(1, 50);
    TargetTrackingAutoscaler a = autoscaler(bounds, target, behavior, false);
    for (ScalingInput in : inputs(run)) {
      ScalingDecision d = a.decide(in);
      // A fresh autoscaler has no history: its direction is the raw recommendation's.
      ScalingDirection raw =
          autoscaler(bounds, target, Inputs.unlimited(), false).decide(in).direction();
      assertThat(d.direction()).as(d.toString()).isIn(ScalingDirection.NONE, raw);
    }
  }
}
