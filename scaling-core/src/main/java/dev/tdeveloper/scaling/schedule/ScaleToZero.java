package dev.tdeveloper.scaling.schedule;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import dev.tdeveloper.scaling.internal.InputOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Scale to zero with KEDA's semantics around any autoscaler, meant for one tenant's workers: a
 * workload metric (arrival rate, queue depth) is compared with an activation threshold. At the idle
 * count (0, or {@code idleReplicaCount}) the workload activates to {@code max(minReplicaCount, 1)}
 * when the metric is strictly above the threshold. While active, the inner autoscaler decides,
 * never below {@code max(minReplicaCount, 1)} nor above {@code maxReplicaCount}, until the metric
 * has stayed at or below the threshold for the whole cooldown period; then the workload goes back
 * to the idle count. When the metric is missing for {@code failureThreshold} consecutive decisions
 * and a fallback is set, the count goes to the fallback replicas; without one, it is kept.
 *
 * <p>Each instance holds its own state only, so one instance per tenant keeps tenants apart.
 * Thread-safe; inputs must come in non-decreasing time. Reason codes: {@code keda.activate}, {@code
 * keda.idle}, {@code keda.cooldown}, {@code keda.fallback}, {@code keda.metric-missing}, {@code
 * bounds.min}, {@code bounds.max}, and the inner decision's reasons when it decides.
 */
public final class ScaleToZero implements Autoscaler {
  /** KEDA's default cooldown period, seconds ({@value}). */
  public static final long DEFAULT_COOLDOWN_SECONDS = 300;

  /** KEDA's default maximum replica count ({@value}). */
  public static final int DEFAULT_MAX_REPLICAS = 100;

  private final String name;
  private final Autoscaler inner;
  private final Metric metric;
  private final double activation;
  private final int idleCount;
  private final int activeFloor;
  private final int max;
  private final Duration cooldown;
  private final Optional<Fallback> fallback;

  private Instant lastTime;
  private Optional<Instant> quietSince = Optional.empty();
  private int failures;

  /**
   * KEDA's {@code fallback}: the replicas to run once the metric has been missing {@code
   * failureThreshold} decisions in a row.
   *
   * @param failureThreshold consecutive missing decisions before falling back, at least 1
   * @param replicas the replica count to fall back to, at least 1
   */
  public record Fallback(int failureThreshold, int replicas) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the field and value when either is below 1
     */
    public Fallback {
      if (failureThreshold < 1) {
        throw new IllegalArgumentException(
            "fallback.failureThreshold: " + failureThreshold + "; allowed: >= 1");
      }
      if (replicas < 1) {
        throw new IllegalArgumentException("fallback.replicas: " + replicas + "; allowed: >= 1");
      }
    }
  }

  private ScaleToZero(Builder b, int idleCount) {
    this.name = b.name;
    this.inner = b.inner;
    this.metric = b.metric;
    this.activation = b.activation;
    this.idleCount = idleCount;
    this.activeFloor = Math.max(b.min, 1);
    this.max = b.max;
    this.cooldown = b.cooldown;
    this.fallback = b.fallback;
  }

  /**
   * Starts a builder.
   *
   * @param inner the autoscaler that decides while the workload is active
   * @param metric the workload metric ({@link ScalingInput#workload(Metric)}) that activates it
   * @return a builder
   */
  public static Builder around(Autoscaler inner, Metric metric) {
    return new Builder(inner, metric);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized ScalingDecision decide(ScalingInput input) {
    Instant now = InputOrder.timeOf(input, lastTime);
    int current = input.currentReplicas();
    boolean idle = idleCount < activeFloor && current <= idleCount;
    OptionalDouble value = input.workload(metric);
    List<ScalingReason> reasons = new ArrayList<>();
    long desired;
    if (value.isEmpty()) {
      int missing = failures + 1;
      if (fallback.isPresent() && missing >= fallback.get().failureThreshold()) {
        desired = fallback.get().replicas();
        reasons.add(
            ScalingReason.of(
                "keda.fallback",
                metric,
                "missing for " + missing + " consecutive decisions; fallback to " + desired));
      } else {
        desired = current;
        reasons.add(
            ScalingReason.of(
                "keda.metric-missing",
                metric,
                "missing for "
                    + missing
                    + " consecutive decisions"
                    + fallback.map(f -> " of " + f.failureThreshold()).orElse("")
                    + "; keeping "
                    + current));
      }
      lastTime = now;
      failures = missing;
      return decision(input, desired, idle ? idleCount : activeFloor, reasons);
    }
    double v = value.getAsDouble();
    boolean above = v > activation;
    String vs = metric.key() + " " + v + (above ? " > " : " <= ") + "activation " + activation;
    Optional<Instant> quiet = above ? Optional.empty() : Optional.of(quietSince.orElse(now));
    int floor = activeFloor;
    if (idle) {
      floor = idleCount;
      if (above) {
        desired = activeFloor;
        reasons.add(ScalingReason.of("keda.activate", metric, vs + ": activate to " + desired));
      } else {
        desired = idleCount;
        reasons.add(ScalingReason.of("keda.idle", metric, vs + ": stay at " + desired));
      }
    } else if (idleCount < activeFloor
        && quiet.isPresent()
        && !quiet.get().plus(cooldown).isAfter(now)) {
      desired = idleCount;
      floor = idleCount;
      reasons.add(
          ScalingReason.of(
              "keda.idle",
              metric,
              vs + " since " + quiet.get() + " (cooldown " + cooldown + "): to " + desired));
    } else {
      ScalingDecision d = inner.decide(input);
      desired = d.desiredReplicas();
      reasons.addAll(d.reasons());
      if (quiet.isPresent() && idleCount < activeFloor) {
        reasons.add(
            ScalingReason.of(
                "keda.cooldown",
                metric,
                vs + " since " + quiet.get() + "; idle after " + quiet.get().plus(cooldown)));
      }
    }
    lastTime = now;
    failures = 0;
    quietSince = quiet;
    return decision(input, desired, floor, reasons);
  }

  private ScalingDecision decision(
      ScalingInput input, long desired, int floor, List<ScalingReason> reasons) {
    long clamped = Math.max(floor, Math.min(max, desired));
    if (clamped > desired) {
      reasons.add(ScalingReason.of("bounds.min", desired + " raised to " + clamped));
    } else if (clamped < desired) {
      reasons.add(ScalingReason.of("bounds.max", desired + " lowered to maxReplicaCount " + max));
    }
    return new ScalingDecision(input.time(), input.currentReplicas(), (int) clamped, name, reasons);
  }

  /** Builds a {@link ScaleToZero}; not thread-safe. */
  public static final class Builder {
    private final Autoscaler inner;
    private final Metric metric;
    private String name = "scale-to-zero";
    private double activation;
    private int min;
    private int max = DEFAULT_MAX_REPLICAS;
    private OptionalInt idle = OptionalInt.empty();
    private Duration cooldown = Duration.ofSeconds(DEFAULT_COOLDOWN_SECONDS);
    private Optional<Fallback> fallback = Optional.empty();

    private Builder(Autoscaler inner, Metric metric) {
      this.inner = Objects.requireNonNull(inner, "inner");
      this.metric = Objects.requireNonNull(metric, "metric");
    }

    /**
     * Names the autoscaler in decisions; default {@code "scale-to-zero"}.
     *
     * @param name a non-blank name, the tenant's id for example
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets KEDA's {@code activationThreshold}; default 0 (any load activates).
     *
     * @param threshold finite and at least 0
     * @return this builder
     */
    public Builder activationThreshold(double threshold) {
      if (!Double.isFinite(threshold) || threshold < 0) {
        throw new IllegalArgumentException(
            "activationThreshold: " + threshold + "; allowed: a finite value >= 0");
      }
      this.activation = threshold;
      return this;
    }

    /**
     * Sets KEDA's {@code minReplicaCount}; default 0. Active workloads run at least {@code max(min,
     * 1)}.
     *
     * @param min at least 0
     * @return this builder
     */
    public Builder minReplicaCount(int min) {
      this.min = min;
      return this;
    }

    /**
     * Sets KEDA's {@code maxReplicaCount}; default {@value #DEFAULT_MAX_REPLICAS}.
     *
     * @param max at least 1 and at least the minimum
     * @return this builder
     */
    public Builder maxReplicaCount(int max) {
      this.max = max;
      return this;
    }

    /**
     * Sets KEDA's {@code idleReplicaCount}: the count when idle instead of {@code minReplicaCount}.
     *
     * @param idle at least 0 and below {@code minReplicaCount}
     * @return this builder
     */
    public Builder idleReplicaCount(int idle) {
      this.idle = OptionalInt.of(idle);
      return this;
    }

    /**
     * Sets KEDA's {@code cooldownPeriod}; default {@value #DEFAULT_COOLDOWN_SECONDS} s.
     *
     * @param cooldown zero or more
     * @return this builder
     */
    public Builder cooldownPeriod(Duration cooldown) {
      if (Objects.requireNonNull(cooldown, "cooldownPeriod").isNegative()) {
        throw new IllegalArgumentException(
            "cooldownPeriod: " + cooldown + " is negative; allowed: >= 0");
      }
      this.cooldown = cooldown;
      return this;
    }

    /**
     * Sets KEDA's {@code fallback}.
     *
     * @param failureThreshold consecutive missing decisions before falling back
     * @param replicas the count to fall back to, at most {@code maxReplicaCount}
     * @return this builder
     */
    public Builder fallback(int failureThreshold, int replicas) {
      this.fallback = Optional.of(new Fallback(failureThreshold, replicas));
      return this;
    }

    /**
     * Builds the autoscaler.
     *
     * @return the autoscaler
     * @throws IllegalArgumentException naming the field, value and what is allowed when the counts
     *     are inconsistent or the name is blank
     */
    public ScaleToZero build() {
      if (name.isBlank()) {
        throw new IllegalArgumentException("name: blank; allowed: a non-blank name");
      }
      if (min < 0) {
        throw new IllegalArgumentException("minReplicaCount: " + min + "; allowed: >= 0");
      }
      if (max < Math.max(min, 1)) {
        throw new IllegalArgumentException(
            "maxReplicaCount: " + max + "; allowed: >= 1 and >= minReplicaCount " + min);
      }
      if (idle.isPresent() && (idle.getAsInt() < 0 || idle.getAsInt() >= min)) {
        throw new IllegalArgumentException(
            "idleReplicaCount: "
                + idle.getAsInt()
                + "; allowed: >= 0 and below minReplicaCount "
                + min);
      }
      if (fallback.isPresent() && fallback.get().replicas() > max) {
        throw new IllegalArgumentException(
            "fallback.replicas: "
                + fallback.get().replicas()
                + "; allowed: <= maxReplicaCount "
                + max);
      }
      return new ScaleToZero(this, idle.orElse(min));
    }
  }
}
