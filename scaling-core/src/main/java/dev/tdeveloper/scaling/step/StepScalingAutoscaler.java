package dev.tdeveloper.scaling.step;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import dev.tdeveloper.scaling.internal.InputOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * AWS-style step scaling: a metric is compared with the alarm thresholds of a scale-out and a
 * scale-in {@link StepPolicy}; the step the breach falls in sets the adjustment. Thread-safe;
 * inputs must come in non-decreasing time.
 *
 * <p><b>Warm-up.</b> A replica first seen less than the warm-up ago (replicas of the very first
 * input count as warm) neither contributes to the metric average nor counts toward the capacity a
 * scale-out adjustment applies to; the result only raises the count, so a larger step alarm while
 * replicas warm adds only the difference (AWS's example: 10 warm + 1 warming, a +3 step asks for
 * 13, adding 2). <b>Cooldown.</b> After a decision that changed the count, scale-in is refused for
 * the cooldown; scale-out is not. Scale-in applies to the full current capacity. Decisions always
 * lie in the configured {@link ReplicaBounds}.
 *
 * <p>Reason codes: {@code step.breach}, {@code step.adjust}, {@code step.min-magnitude}, {@code
 * step.warmup}, {@code step.cooldown}, {@code step.no-breach}, {@code step.no-metric}, {@code
 * bounds.min}, {@code bounds.max}.
 */
public final class StepScalingAutoscaler implements Autoscaler {
  /** Default cooldown and warm-up, seconds: AWS's default cooldown ({@value}). */
  public static final long DEFAULT_SECONDS = 300;

  private static final Instant WARM = Instant.MIN;

  private final String name;
  private final Metric metric;
  private final boolean workloadMetric;
  private final Optional<StepPolicy> scaleOut;
  private final Optional<StepPolicy> scaleIn;
  private final ReplicaBounds bounds;
  private final Duration cooldown;
  private final Duration warmup;

  private Instant lastTime;
  private Instant lastActivity = Instant.MIN;
  private Map<String, Instant> firstSeen = Map.of();

  private StepScalingAutoscaler(Builder b) {
    this.name = b.name;
    this.metric = b.metric;
    this.workloadMetric = b.workloadMetric;
    this.scaleOut = b.scaleOut;
    this.scaleIn = b.scaleIn;
    this.bounds = b.bounds;
    this.cooldown = b.cooldown;
    this.warmup = b.warmup;
  }

  /**
   * Starts a builder.
   *
   * @return a builder with cooldown and warm-up of {@value #DEFAULT_SECONDS} s
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized ScalingDecision decide(ScalingInput input) {
    Instant now = InputOrder.timeOf(input, lastTime);
    List<ReplicaSample> replicas = input.replicas();
    Map<String, Instant> seen = new HashMap<>(Math.max(16, 2 * replicas.size()));
    List<ReplicaSample> warm = new ArrayList<>(replicas.size());
    List<String> warming = new ArrayList<>();
    // first + warmup > now  <=>  first > now - warmup: one subtraction instead of one per replica.
    Instant warmBefore = now.minus(warmup);
    for (ReplicaSample r : replicas) {
      Instant first = lastTime == null ? WARM : firstSeen.getOrDefault(r.id(), now);
      seen.put(r.id(), first);
      if (first != WARM && first.isAfter(warmBefore)) {
        warming.add(r.id());
      } else {
        warm.add(r);
      }
    }
    int current = input.currentReplicas();
    List<ScalingReason> reasons = new ArrayList<>();
    OptionalDouble value =
        workloadMetric
            ? input.workload(metric)
            : warming.isEmpty()
                ? input.averageOverReady(metric)
                : new ScalingInput(now, warm, input.workloadMetrics()).averageOverReady(metric);
    long desired = current;
    if (value.isEmpty()) {
      reasons.add(ScalingReason.of("step.no-metric", metric, source() + " has no value"));
    } else {
      double v = value.getAsDouble();
      Optional<StepAdjustment> out = scaleOut.flatMap(p -> p.stepFor(v));
      Optional<StepAdjustment> in = scaleIn.flatMap(p -> p.stepFor(v));
      if (out.isPresent()) {
        int capacity = current - warming.size();
        if (!warming.isEmpty()) {
          reasons.add(
              ScalingReason.of(
                  "step.warmup",
                  metric,
                  "capacity "
                      + capacity
                      + " excludes "
                      + warming.size()
                      + " warming replicas "
                      + warming));
        }
        long target = capacity + breach(scaleOut.orElseThrow(), out.get(), v, capacity, reasons);
        desired = Math.max(target, current);
      } else if (in.isPresent()) {
        long target =
            Math.max(0, current + breach(scaleIn.orElseThrow(), in.get(), v, current, reasons));
        if (target < current && lastActivity.plus(cooldown).isAfter(now)) {
          reasons.add(
              ScalingReason.of(
                  "step.cooldown",
                  "scale-in to " + target + " refused until " + lastActivity.plus(cooldown)));
        } else {
          desired = Math.min(target, current);
        }
      } else {
        reasons.add(
            ScalingReason.of(
                "step.no-breach", metric, source() + " " + fmt(v) + " breaches no alarm"));
      }
    }
    int clamped = bounds.clamp(desired);
    if (clamped != desired) {
      reasons.add(
          clamped > desired
              ? ScalingReason.of("bounds.min", desired + " raised to minReplicas " + bounds.min())
              : ScalingReason.of(
                  "bounds.max", desired + " lowered to maxReplicas " + bounds.max()));
    }
    if (clamped != current) {
      lastActivity = now;
    }
    firstSeen = seen;
    lastTime = now;
    return new ScalingDecision(now, current, clamped, name, reasons);
  }

  private long breach(
      StepPolicy policy, StepAdjustment step, double v, int capacity, List<ScalingReason> reasons) {
    String side = policy.scaleOut() ? "scale-out" : "scale-in";
    reasons.add(
        ScalingReason.of(
            "step.breach",
            metric,
            source()
                + " "
                + fmt(v)
                + " breaches the "
                + side
                + " threshold "
                + fmt(policy.threshold())
                + " in step "
                + step));
    long change = policy.adjustmentType().change(capacity, step.adjustment());
    int min = policy.minAdjustmentMagnitude();
    if (min > 0 && Math.abs(change) < min) {
      reasons.add(
          ScalingReason.of(
              "step.min-magnitude",
              "change " + change + " raised to the minimum magnitude " + min));
      change = change < 0 ? -min : min;
    }
    reasons.add(
        ScalingReason.of(
            "step.adjust",
            policy.adjustmentType()
                + " "
                + step.adjustment()
                + " on capacity "
                + capacity
                + ": "
                + capacity
                + (change < 0 ? " - " : " + ")
                + Math.abs(change)
                + " = "
                + Math.max(0, capacity + change)));
    return change;
  }

  private String source() {
    return (workloadMetric ? "workload " : "ready average ") + metric.key();
  }

  private static String fmt(double v) {
    return StepAdjustment.fmt(Math.round(v * 1e4) / 1e4);
  }

  /** Builds a {@link StepScalingAutoscaler}; not thread-safe. */
  public static final class Builder {
    private String name = "step";
    private Metric metric;
    private boolean workloadMetric;
    private Optional<StepPolicy> scaleOut = Optional.empty();
    private Optional<StepPolicy> scaleIn = Optional.empty();
    private ReplicaBounds bounds;
    private Duration cooldown = Duration.ofSeconds(DEFAULT_SECONDS);
    private Duration warmup = Duration.ofSeconds(DEFAULT_SECONDS);

    private Builder() {}

    /**
     * Names the autoscaler in decisions; default {@code "step"}.
     *
     * @param name a non-blank name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Acts on the mean of a metric over the ready, warm replicas.
     *
     * @param metric the metric
     * @return this builder
     */
    public Builder metric(Metric metric) {
      return source(metric, false);
    }

    /**
     * Acts on a workload-level metric ({@link ScalingInput#workload(Metric)}).
     *
     * @param metric the metric
     * @return this builder
     */
    public Builder workloadMetric(Metric metric) {
      return source(metric, true);
    }

    private Builder source(Metric m, boolean workload) {
      Objects.requireNonNull(m, "metric");
      if (metric != null) {
        throw new IllegalStateException("metric: already set to " + metric.key() + "; set it once");
      }
      this.metric = m;
      this.workloadMetric = workload;
      return this;
    }

    /**
     * Sets the scale-out policy.
     *
     * @param policy a policy built with {@link StepPolicy#scaleOut(double)}
     * @return this builder
     */
    public Builder scaleOut(StepPolicy policy) {
      if (!Objects.requireNonNull(policy, "scaleOut").scaleOut()) {
        throw new IllegalArgumentException(
            "scaleOut: a scale-in policy; allowed: one built with StepPolicy.scaleOut");
      }
      this.scaleOut = Optional.of(policy);
      return this;
    }

    /**
     * Sets the scale-in policy.
     *
     * @param policy a policy built with {@link StepPolicy#scaleIn(double)}
     * @return this builder
     */
    public Builder scaleIn(StepPolicy policy) {
      if (Objects.requireNonNull(policy, "scaleIn").scaleOut()) {
        throw new IllegalArgumentException(
            "scaleIn: a scale-out policy; allowed: one built with StepPolicy.scaleIn");
      }
      this.scaleIn = Optional.of(policy);
      return this;
    }

    /**
     * Sets the replica range (required).
     *
     * @param bounds the range decisions keep to
     * @return this builder
     */
    public Builder bounds(ReplicaBounds bounds) {
      this.bounds = Objects.requireNonNull(bounds, "bounds");
      return this;
    }

    /**
     * Sets how long after a scaling activity scale-in is refused; default {@value #DEFAULT_SECONDS}
     * s.
     *
     * @param cooldown zero or more
     * @return this builder
     */
    public Builder cooldown(Duration cooldown) {
      this.cooldown = nonNegative("cooldown", cooldown);
      return this;
    }

    /**
     * Sets how long a new replica warms up; default {@value #DEFAULT_SECONDS} s.
     *
     * @param warmup zero or more
     * @return this builder
     */
    public Builder warmup(Duration warmup) {
      this.warmup = nonNegative("warmup", warmup);
      return this;
    }

    private static Duration nonNegative(String field, Duration d) {
      if (Objects.requireNonNull(d, field).isNegative()) {
        throw new IllegalArgumentException(field + ": " + d + " is negative; allowed: >= 0");
      }
      return d;
    }

    /**
     * Builds the autoscaler.
     *
     * @return the autoscaler
     * @throws IllegalStateException when the metric, the bounds or both policies are missing, or
     *     the scale-in threshold is not below the scale-out threshold
     * @throws IllegalArgumentException when the name is blank
     */
    public StepScalingAutoscaler build() {
      if (name.isBlank()) {
        throw new IllegalArgumentException("name: blank; allowed: a non-blank name");
      }
      if (metric == null) {
        throw new IllegalStateException("metric: not set; call metric(...) or workloadMetric(...)");
      }
      if (bounds == null) {
        throw new IllegalStateException("bounds: not set; call bounds(ReplicaBounds.of(min, max))");
      }
      if (scaleOut.isEmpty() && scaleIn.isEmpty()) {
        throw new IllegalStateException("policies: none; set scaleOut(...) and/or scaleIn(...)");
      }
      if (scaleOut.isPresent()
          && scaleIn.isPresent()
          && scaleIn.get().threshold() >= scaleOut.get().threshold()) {
        throw new IllegalStateException(
            "scaleIn.threshold: "
                + fmt(scaleIn.get().threshold())
                + " is not below scaleOut.threshold "
                + fmt(scaleOut.get().threshold())
                + "; allowed: scale-in threshold < scale-out threshold");
      }
      return new StepScalingAutoscaler(this);
    }
  }
}
