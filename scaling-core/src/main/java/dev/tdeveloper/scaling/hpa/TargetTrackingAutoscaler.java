package dev.tdeveloper.scaling.hpa;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import dev.tdeveloper.scaling.internal.InputOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Target tracking with the semantics of the Kubernetes Horizontal Pod Autoscaler controller: per
 * metric a usage ratio (average over the reporting ready replicas / target), no change within the
 * tolerance, {@code desired = ceil(ratio x replicas)}; replicas missing the metric count as the
 * larger of 100% and the target (utilization) or as the target (average value) on scale-down and as
 * 0 on scale-up; unready replicas count as 0 on scale-up and are ignored on scale-down; if filling
 * them in flips the direction or lands within the tolerance, no change. Several metrics: the
 * largest proposal; invalid metrics are skipped, but all invalid, or some invalid while the others
 * propose a scale-down, means no change. The proposal is then stabilized and rate-limited by the
 * {@link ScalingBehavior} (or the legacy path when none is configured) and kept within the {@link
 * ReplicaBounds}. A count of 0 replicas is not scaled from unless {@code minReplicas} is 0; a count
 * outside the bounds is brought back to the nearest bound without looking at metrics.
 *
 * <p>Every decision is assumed to be applied: a change is recorded as a scale event for the
 * behavior's policy periods. The state (recommendations within the stabilization windows, scale
 * events within the longest policy period) is bounded. Thread-safe; inputs must come in
 * non-decreasing time.
 *
 * <p>Reason codes: {@code hpa.metric} (a metric's ratio and proposal), {@code hpa.missing}
 * (replicas without the metric filled in), {@code hpa.unready} (unready replicas counted as 0),
 * {@code hpa.tolerance} (ratio within the tolerance), {@code hpa.direction-flip} (the recomputed
 * ratio changed direction), {@code hpa.invalid} (a metric could not be computed, or the decision
 * was dropped for invalid metrics), {@code hpa.scaling-disabled} (0 replicas and {@code minReplicas
 * > 0}), {@code hpa.stabilization.up} / {@code hpa.stabilization.down} (held by the stabilization
 * window), {@code hpa.policy.up} / {@code hpa.policy.down} (limited by the rate policies), {@code
 * hpa.legacy-cap} (the legacy {@code max(2 x current, 4)} cap), {@code bounds.min} / {@code
 * bounds.max}.
 */
public final class TargetTrackingAutoscaler implements Autoscaler {
  /** The HPA's default tolerance in both directions: {@value}. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  private static final String NAME = "target-tracking";

  private final ReplicaBounds bounds;
  private final List<MetricTarget> targets;
  private final Optional<ScalingBehavior> behavior;
  private final double scaleUpTolerance;
  private final double scaleDownTolerance;
  private final ReplicaCalculator calculator;
  private final Object lock = new Object();
  private final Normalizer normalizer;
  private Instant origin;
  private long lastNanos;

  private TargetTrackingAutoscaler(Builder b) {
    this.bounds = b.bounds;
    this.targets = List.copyOf(b.targets);
    this.behavior = Optional.ofNullable(b.behavior);
    this.scaleUpTolerance = b.scaleUpTolerance;
    this.scaleDownTolerance = b.scaleDownTolerance;
    this.calculator = new ReplicaCalculator(targets, scaleUpTolerance, scaleDownTolerance);
    this.normalizer = new Normalizer(bounds, b.behavior);
  }

  /**
   * Starts a builder.
   *
   * @return a builder with the default tolerance and no behavior (the legacy path)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An autoscaler as an HPA with the documented defaults: tolerance 0.1 and {@link
   * ScalingBehavior#defaults()}.
   *
   * @param bounds min and max replicas
   * @param targets at least one metric target
   * @return the autoscaler
   * @throws IllegalArgumentException when no target is given or a metric repeats
   */
  public static TargetTrackingAutoscaler hpaDefaults(
      ReplicaBounds bounds, MetricTarget... targets) {
    Builder b = builder().bounds(bounds).behavior(ScalingBehavior.defaults());
    for (MetricTarget t : targets) {
      b.metric(t);
    }
    return b.build();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The replica bounds.
   *
   * @return min and max replicas
   */
  public ReplicaBounds bounds() {
    return bounds;
  }

  /**
   * The metric targets, in the order given.
   *
   * @return the targets
   */
  public List<MetricTarget> targets() {
    return targets;
  }

  /**
   * The behavior, when one is configured.
   *
   * @return the behavior, or empty on the legacy path
   */
  public Optional<ScalingBehavior> behavior() {
    return behavior;
  }

  /**
   * The tolerance above a ratio of 1 within which nothing scales up.
   *
   * @return the scale-up tolerance
   */
  public double scaleUpTolerance() {
    return scaleUpTolerance;
  }

  /**
   * The tolerance below a ratio of 1 within which nothing scales down.
   *
   * @return the scale-down tolerance
   */
  public double scaleDownTolerance() {
    return scaleDownTolerance;
  }

  @Override
  public ScalingDecision decide(ScalingInput input) {
    Objects.requireNonNull(input, "input");
    List<ScalingReason> reasons = new ArrayList<>(6);
    int current = input.currentReplicas();
    int desired;
    synchronized (lock) {
      long now = advance(input.time());
      if (current == 0 && bounds.min() != 0) {
        reasons.add(
            ScalingReason.of(
                "hpa.scaling-disabled",
                "0 replicas and minReplicas " + bounds.min() + ": the HPA does not scale from 0"));
        desired = 0;
      } else if (current > bounds.max()) {
        reasons.add(ScalingReason.of("bounds.max", current + " above maxReplicas " + bounds.max()));
        desired = bounds.max();
      } else if (current < bounds.min()) {
        reasons.add(ScalingReason.of("bounds.min", current + " below minReplicas " + bounds.min()));
        desired = bounds.min();
      } else {
        int proposal = calculator.propose(input, reasons);
        desired =
            proposal == ReplicaCalculator.INVALID
                ? current
                : normalizer.normalize(now, current, proposal, reasons);
      }
      normalizer.recordScale(now, current, desired);
    }
    return new ScalingDecision(input.time(), current, desired, NAME, reasons);
  }

  /** Checks the time against the previous input; the nanoseconds since the first input. */
  private long advance(Instant time) {
    if (origin == null) {
      origin = time;
      lastNanos = 0;
      return 0;
    }
    long nanos =
        Math.addExact(
            Math.multiplyExact(time.getEpochSecond() - origin.getEpochSecond(), 1_000_000_000L),
            time.getNano() - origin.getNano());
    if (nanos < lastNanos) {
      throw InputOrder.outOfOrder(time, origin.plusNanos(lastNanos));
    }
    lastNanos = nanos;
    return nanos;
  }

  /**
   * Configures a {@link TargetTrackingAutoscaler}; validates at {@link #build()}. Not thread-safe.
   */
  public static final class Builder {
    private ReplicaBounds bounds;
    private final List<MetricTarget> targets = new ArrayList<>();
    private ScalingBehavior behavior;
    private double scaleUpTolerance = DEFAULT_TOLERANCE;
    private double scaleDownTolerance = DEFAULT_TOLERANCE;

    private Builder() {}

    /**
     * Sets min and max replicas (required).
     *
     * @param bounds the bounds
     * @return this builder
     */
    public Builder bounds(ReplicaBounds bounds) {
      this.bounds = Objects.requireNonNull(bounds, "bounds");
      return this;
    }

    /**
     * Adds a metric target (at least one is required; one per metric and scope).
     *
     * @param target the target
     * @return this builder
     */
    public Builder metric(MetricTarget target) {
      targets.add(Objects.requireNonNull(target, "target"));
      return this;
    }

    /**
     * Sets the behavior; without one the HPA's legacy path applies.
     *
     * @param behavior the scale-up and scale-down rules
     * @return this builder
     */
    public Builder behavior(ScalingBehavior behavior) {
      this.behavior = Objects.requireNonNull(behavior, "behavior");
      return this;
    }

    /**
     * Sets the tolerance of both directions (default {@value #DEFAULT_TOLERANCE}).
     *
     * @param tolerance in {@code [0, 1)}
     * @return this builder
     */
    public Builder tolerance(double tolerance) {
      this.scaleUpTolerance = tolerance;
      this.scaleDownTolerance = tolerance;
      return this;
    }

    /**
     * Sets the scale-up tolerance: no scale-up while the ratio is at most {@code 1 + tolerance}
     * (the HPA's {@code behavior.scaleUp.tolerance}).
     *
     * @param tolerance in {@code [0, 1)}
     * @return this builder
     */
    public Builder scaleUpTolerance(double tolerance) {
      this.scaleUpTolerance = tolerance;
      return this;
    }

    /**
     * Sets the scale-down tolerance: no scale-down while the ratio is at least {@code 1 -
     * tolerance} (the HPA's {@code behavior.scaleDown.tolerance}).
     *
     * @param tolerance in {@code [0, 1)}
     * @return this builder
     */
    public Builder scaleDownTolerance(double tolerance) {
      this.scaleDownTolerance = tolerance;
      return this;
    }

    /**
     * Builds the autoscaler.
     *
     * @return the autoscaler
     * @throws IllegalStateException when the bounds are not set
     * @throws IllegalArgumentException naming the field and value when a tolerance is outside
     *     {@code [0, 1)}, no metric is given or a metric repeats within its scope
     */
    public TargetTrackingAutoscaler build() {
      if (bounds == null) {
        throw new IllegalStateException("bounds: not set; required: ReplicaBounds.of(min, max)");
      }
      checkTolerance("scaleUpTolerance", scaleUpTolerance);
      checkTolerance("scaleDownTolerance", scaleDownTolerance);
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("metrics: none; allowed: at least one MetricTarget");
      }
      for (int i = 0; i < targets.size(); i++) {
        for (int j = 0; j < i; j++) {
          MetricTarget a = targets.get(i);
          MetricTarget b = targets.get(j);
          if (a.metric() == b.metric() && a.kind().perReplica() == b.kind().perReplica()) {
            throw new IllegalArgumentException(
                "metrics: "
                    + a.metric().key()
                    + (a.kind().perReplica() ? " per replica" : " per workload")
                    + " appears twice ("
                    + b.kind()
                    + ", "
                    + a.kind()
                    + "); allowed: one target per metric and scope");
          }
        }
      }
      return new TargetTrackingAutoscaler(this);
    }

    private static void checkTolerance(String field, double value) {
      if (!(value >= 0 && value < 1)) {
        throw new IllegalArgumentException(field + ": " + value + "; allowed: [0, 1)");
      }
    }
  }
}
