package dev.tdeveloper.scaling.control;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingDirection;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Watches decisions for three conditions and reports them as {@link ScalingEvent.AlertRaised} and
 * {@link ScalingEvent.AlertResolved} events, on transitions only:
 *
 * <ul>
 *   <li>{@link ScalingAlert.Kind#AT_MAX_REPLICAS}: the decisions have wanted the maximum (the
 *       configured {@code maxReplicas}, or a reason code ending in {@code "bounds.max"}) for more
 *       than {@code atMaxFor} (10 minutes by default);
 *   <li>{@link ScalingAlert.Kind#FLAPPING}: more than {@code maxReversals} (2) changes of direction
 *       within {@code flapWindow} (10 minutes);
 *   <li>{@link ScalingAlert.Kind#METRICS_MISSING}: no ready replica and no workload value carries
 *       any of the watched metrics (any metric when none is configured) for {@code
 *       missingDecisions} (3) decisions in a row, or a decision has a reason whose code ends in
 *       {@code ".invalid"} or {@code ".missing"}.
 * </ul>
 *
 * Time comes from the injected clock. Thread-safe.
 */
public final class ScalingAlerts {
  private final InstantSource clock;
  private final int maxReplicas;
  private final Duration atMaxFor;
  private final int maxReversals;
  private final Duration flapWindow;
  private final int missingDecisions;
  private final Set<Metric> metrics;

  private final Map<ScalingAlert.Kind, ScalingAlert> active =
      new EnumMap<>(ScalingAlert.Kind.class);
  private final Deque<Instant> reversals = new ArrayDeque<>();
  private Instant atMaxSince;
  private ScalingDirection lastChange = ScalingDirection.NONE;
  private int missingInARow;

  private ScalingAlerts(Builder b) {
    this.clock = b.clock;
    this.maxReplicas = b.maxReplicas;
    this.atMaxFor = b.atMaxFor;
    this.maxReversals = b.maxReversals;
    this.flapWindow = b.flapWindow;
    this.missingDecisions = b.missingDecisions;
    this.metrics = b.metrics.isEmpty() ? EnumSet.allOf(Metric.class) : EnumSet.copyOf(b.metrics);
  }

  /**
   * Starts a configuration.
   *
   * @param clock the wall clock alerts are timed by
   * @return a builder with the defaults
   */
  public static Builder builder(InstantSource clock) {
    return new Builder(clock);
  }

  /**
   * Takes one decision into account.
   *
   * @param workload the workload, named in the events
   * @param input what the autoscaler decided from
   * @param decision its decision
   * @return the alerts raised and resolved by this decision, often none
   */
  public synchronized List<ScalingEvent> evaluate(
      String workload, ScalingInput input, ScalingDecision decision) {
    Instant now = clock.instant();
    List<ScalingEvent> events = new ArrayList<>(2);

    boolean atMax = decision.desiredReplicas() >= maxReplicas || endsWith(decision, "bounds.max");
    atMaxSince = atMax ? (atMaxSince == null ? now : atMaxSince) : null;
    boolean stuck = atMax && Duration.between(atMaxSince, now).compareTo(atMaxFor) > 0;
    transition(
        events,
        workload,
        now,
        ScalingAlert.Kind.AT_MAX_REPLICAS,
        stuck,
        "at " + decision.desiredReplicas() + " replicas (the maximum) since " + atMaxSince);

    ScalingDirection d = decision.direction();
    if (d != ScalingDirection.NONE) {
      if (lastChange != ScalingDirection.NONE && d != lastChange) {
        reversals.addLast(now);
      }
      lastChange = d;
    }
    while (!reversals.isEmpty() && reversals.peekFirst().isBefore(now.minus(flapWindow))) {
      reversals.removeFirst();
    }
    transition(
        events,
        workload,
        now,
        ScalingAlert.Kind.FLAPPING,
        reversals.size() > maxReversals,
        reversals.size()
            + " direction reversals within "
            + flapWindow
            + " (allowed "
            + maxReversals
            + ")");

    missingInARow = hasMetrics(input) ? 0 : missingInARow + 1;
    String invalid = invalidReason(decision);
    boolean missing = missingInARow >= missingDecisions || invalid != null;
    transition(
        events,
        workload,
        now,
        ScalingAlert.Kind.METRICS_MISSING,
        missing,
        invalid != null
            ? "decision reason " + invalid
            : "no " + metrics + " for " + missingInARow + " decisions in a row");
    return events;
  }

  /**
   * The alerts active now.
   *
   * @return the alerts, by kind
   */
  public synchronized List<ScalingAlert> active() {
    return List.copyOf(active.values());
  }

  private void transition(
      List<ScalingEvent> events,
      String workload,
      Instant now,
      ScalingAlert.Kind kind,
      boolean on,
      String detail) {
    ScalingAlert current = active.get(kind);
    if (on && current == null) {
      ScalingAlert alert = new ScalingAlert(kind, now, detail);
      active.put(kind, alert);
      events.add(new ScalingEvent.AlertRaised(now, workload, alert));
    } else if (!on && current != null) {
      active.remove(kind);
      events.add(new ScalingEvent.AlertResolved(now, workload, current));
    }
  }

  private boolean hasMetrics(ScalingInput input) {
    for (Metric m : metrics) {
      if (input.workload(m).isPresent()) {
        return true;
      }
      for (ReplicaSample r : input.replicas()) {
        if (r.ready() && r.metrics().containsKey(m)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean endsWith(ScalingDecision decision, String suffix) {
    for (ScalingReason r : decision.reasons()) {
      if (r.rule().endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static String invalidReason(ScalingDecision decision) {
    for (ScalingReason r : decision.reasons()) {
      if (r.rule().endsWith(".invalid") || r.rule().endsWith(".missing")) {
        return r.toString();
      }
    }
    return null;
  }

  /** Configures {@link ScalingAlerts}; not thread-safe. */
  public static final class Builder {
    private final InstantSource clock;
    private int maxReplicas = Integer.MAX_VALUE;
    private Duration atMaxFor = Duration.ofMinutes(10);
    private int maxReversals = 2;
    private Duration flapWindow = Duration.ofMinutes(10);
    private int missingDecisions = 3;
    private Set<Metric> metrics = EnumSet.noneOf(Metric.class);

    private Builder(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sets the workload's maximum replicas; without it only a {@code "bounds.max"} reason counts.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxReplicas(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxReplicas: " + max + "; allowed: >= 1");
      }
      this.maxReplicas = max;
      return this;
    }

    /**
     * Sets how long the workload may want its maximum before the alert; 10 minutes by default.
     *
     * @param duration zero or more
     * @return this builder
     */
    public Builder atMaxFor(Duration duration) {
      this.atMaxFor = notNegative("atMaxFor", duration);
      return this;
    }

    /**
     * Sets the reversals allowed within the flap window; more raise the alert; 2 by default.
     *
     * @param reversals zero or more
     * @param window above zero; 10 minutes by default
     * @return this builder
     */
    public Builder flapping(int reversals, Duration window) {
      if (reversals < 0) {
        throw new IllegalArgumentException("maxReversals: " + reversals + "; allowed: >= 0");
      }
      notNegative("flapWindow", window);
      if (window.isZero()) {
        throw new IllegalArgumentException("flapWindow: PT0S; allowed: above zero");
      }
      this.maxReversals = reversals;
      this.flapWindow = window;
      return this;
    }

    /**
     * Sets how many decisions in a row without metrics raise the alert; 3 by default.
     *
     * @param decisions at least 1
     * @return this builder
     */
    public Builder missingDecisions(int decisions) {
      if (decisions < 1) {
        throw new IllegalArgumentException("missingDecisions: " + decisions + "; allowed: >= 1");
      }
      this.missingDecisions = decisions;
      return this;
    }

    /**
     * Sets the metrics the autoscaler uses; any metric counts when none is set.
     *
     * @param used the metrics
     * @return this builder
     */
    public Builder metrics(Collection<Metric> used) {
      this.metrics = used.isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(used);
      return this;
    }

    /**
     * Builds the alerts, none active.
     *
     * @return the alerts
     */
    public ScalingAlerts build() {
      return new ScalingAlerts(this);
    }

    private static Duration notNegative(String field, Duration d) {
      Objects.requireNonNull(d, field);
      if (d.isNegative()) {
        throw new IllegalArgumentException(field + ": " + d + "; allowed: >= 0");
      }
      return d;
    }
  }
}
