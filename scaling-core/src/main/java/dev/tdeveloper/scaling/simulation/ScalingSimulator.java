package dev.tdeveloper.scaling.simulation;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.spi.ReplicaState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Replays a {@link WorkloadTrace} through any {@link Autoscaler} on a {@link SimulatedCluster} in
 * simulated time (never sleeping), one-second steps: each second the offered load is set from the
 * trace; every decision interval the autoscaler decides from {@link SimulatedCluster#observe()} and
 * the cluster is scaled to its answer (capped at the cluster's maximum); then the second is
 * accounted for. The initial replicas are ready at the start. A warm-up part (history for
 * predictive autoscalers) is replayed but left out of the {@link SimulationReport}.
 *
 * <p>14 days at 15-second decisions take well under a second with a simple autoscaler. Immutable
 * and thread-safe; each {@link #run} uses its own cluster, but the autoscaler passed must not be
 * shared with concurrent runs.
 */
public final class ScalingSimulator {
  /** Default decision interval, the HPA sync period: {@value} seconds. */
  public static final long DEFAULT_DECISION_SECONDS = 15;

  /** Default flap window: {@value} seconds. */
  public static final long DEFAULT_FLAP_WINDOW_SECONDS = 300;

  private final long decisionSeconds;
  private final Duration startupDelay;
  private final double capacity;
  private final double costPerReplicaHour;
  private final int initialReplicas;
  private final int maxReplicas;
  private final long flapWindowSeconds;
  private final long warmUpSeconds;

  private ScalingSimulator(Builder b) {
    this.decisionSeconds = b.decisionInterval.getSeconds();
    this.startupDelay = b.startupDelay;
    this.capacity = b.capacity;
    this.costPerReplicaHour = b.costPerReplicaHour;
    this.initialReplicas = b.initialReplicas;
    this.maxReplicas = b.maxReplicas;
    this.flapWindowSeconds = b.flapWindow.getSeconds();
    this.warmUpSeconds = b.warmUp.getSeconds();
  }

  /**
   * Starts a simulator configuration.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Replays the trace through the autoscaler.
   *
   * @param trace the offered load
   * @param autoscaler the autoscaler under test, fresh (its state is advanced by the replay)
   * @return what the reported part measured
   * @throws IllegalArgumentException when the warm-up is not shorter than the trace
   */
  public SimulationReport run(WorkloadTrace trace, Autoscaler autoscaler) {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(autoscaler, "autoscaler");
    long start = trace.start().getEpochSecond();
    long end = trace.end().getEpochSecond();
    long reportFrom = start + warmUpSeconds;
    if (reportFrom >= end) {
      throw new IllegalArgumentException(
          "warmUp: PT"
              + warmUpSeconds
              + "S is not shorter than the trace ("
              + trace.start()
              + " to "
              + trace.end()
              + "); allowed: a warm-up that leaves some of the trace to report");
    }
    SimClock clock = new SimClock(start);
    SimulatedCluster cluster =
        SimulatedCluster.builder("simulated")
            .clock(clock)
            .startupDelay(startupDelay)
            .capacityPerReplica(capacity)
            .maxReplicas(maxReplicas)
            .initialReplicas(initialReplicas)
            .build();
    Episodes episodes = new Episodes();
    long decisions = 0;
    long violationSeconds = 0;
    long replicaSeconds = 0;
    int flaps = 0;
    int peak = 0;
    int lastDirection = 0;
    long lastChange = Long.MIN_VALUE / 2;
    int point = 0;
    double load = trace.valueAtIndex(0);
    cluster.setLoad(load);
    ReplicaState state = cluster.state();
    long nextReady = Long.MAX_VALUE;
    for (long s = start; s < end; s++) {
      clock.set(s);
      // Load, readiness and counts change only at trace points, decisions and readiness times.
      boolean refresh = false;
      if (point + 1 < trace.size() && trace.secondAt(point + 1) == s) {
        point++;
        load = trace.valueAtIndex(point);
        cluster.setLoad(load);
      }
      if (s >= nextReady) {
        refresh = true;
      }
      boolean reported = s >= reportFrom;
      if ((s - start) % decisionSeconds == 0) {
        int before = state.desired();
        ScalingDecision d = autoscaler.decide(cluster.observe());
        int desired = Math.min(d.desiredReplicas(), maxReplicas);
        if (reported) {
          decisions++;
        }
        if (desired != before) {
          cluster.scale(desired);
          refresh = true;
          int direction = Integer.signum(desired - before);
          if (reported && direction == -lastDirection && s - lastChange <= flapWindowSeconds) {
            flaps++;
          }
          lastDirection = direction;
          lastChange = s;
        }
      }
      if (refresh) {
        state = cluster.state();
        nextReady = cluster.nextReadyAt().map(Instant::getEpochSecond).orElse(Long.MAX_VALUE);
      }
      if (reported) {
        replicaSeconds += state.current();
        peak = Math.max(peak, state.current());
        boolean violating = load > state.ready() * capacity;
        if (violating) {
          violationSeconds++;
        }
        episodes.second(s, violating);
      }
    }
    double replicaHours = replicaSeconds / 3600.0;
    return new SimulationReport(
        autoscaler.name(),
        Instant.ofEpochSecond(reportFrom).toString(),
        trace.end().toString(),
        end - reportFrom,
        decisions,
        violationSeconds / 60.0,
        replicaHours,
        replicaHours * costPerReplicaHour,
        episodes.summary(end),
        flaps,
        peak);
  }

  /** Violation episodes and their lengths. */
  private static final class Episodes {
    private long[] lengths = new long[16];
    private int count;
    private long openSince = -1;

    void second(long s, boolean violating) {
      if (violating && openSince < 0) {
        openSince = s;
      } else if (!violating && openSince >= 0) {
        add(s - openSince);
        openSince = -1;
      }
    }

    private void add(long length) {
      if (count == lengths.length) {
        lengths = Arrays.copyOf(lengths, count * 2);
      }
      lengths[count++] = length;
    }

    SimulationReport.ResponseTimes summary(long end) {
      int unresolved = 0;
      if (openSince >= 0) {
        add(end - openSince);
        unresolved = 1;
      }
      if (count == 0) {
        return new SimulationReport.ResponseTimes(0, 0, 0, 0);
      }
      long[] sorted = Arrays.copyOf(lengths, count);
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(0.95 * count) - 1;
      return new SimulationReport.ResponseTimes(count, sorted[count - 1], sorted[rank], unresolved);
    }
  }

  /** Configures a {@link ScalingSimulator}; not thread-safe. */
  public static final class Builder {
    private Duration decisionInterval = Duration.ofSeconds(DEFAULT_DECISION_SECONDS);
    private Duration startupDelay = Duration.ofSeconds(SimulatedCluster.DEFAULT_STARTUP_SECONDS);
    private double capacity = SimulatedCluster.DEFAULT_CAPACITY;
    private double costPerReplicaHour;
    private int initialReplicas = 1;
    private int maxReplicas = SimulatedCluster.DEFAULT_MAX_REPLICAS;
    private Duration flapWindow = Duration.ofSeconds(DEFAULT_FLAP_WINDOW_SECONDS);
    private Duration warmUp = Duration.ZERO;

    private Builder() {}

    /**
     * Sets how often the autoscaler decides; {@value #DEFAULT_DECISION_SECONDS} s by default.
     *
     * @param interval whole seconds, at least one
     * @return this builder
     */
    public Builder decisionInterval(Duration interval) {
      this.decisionInterval = wholeSeconds("decisionInterval", interval, 1);
      return this;
    }

    /**
     * Sets how long a new replica takes to become ready; 30 s by default.
     *
     * @param delay whole seconds, zero or more
     * @return this builder
     */
    public Builder startupDelay(Duration delay) {
      this.startupDelay = wholeSeconds("startupDelay", delay, 0);
      return this;
    }

    /**
     * Sets the requests per second one replica serves within the SLO; 100 by default.
     *
     * @param requestsPerSecond finite and above 0
     * @return this builder
     */
    public Builder capacityPerReplica(double requestsPerSecond) {
      this.capacity = ClusterLimits.capacityPerReplica(requestsPerSecond);
      return this;
    }

    /**
     * Sets the price of one replica for one hour; 0 by default.
     *
     * @param cost finite and {@code >= 0}, in any currency
     * @return this builder
     */
    public Builder costPerReplicaHour(double cost) {
      if (!Double.isFinite(cost) || cost < 0) {
        throw new IllegalArgumentException(
            "costPerReplicaHour: " + cost + "; allowed: a finite value >= 0");
      }
      this.costPerReplicaHour = cost;
      return this;
    }

    /**
     * Sets how many replicas run, ready, at the start; 1 by default.
     *
     * @param count zero or more, at most the maximum
     * @return this builder
     */
    public Builder initialReplicas(int count) {
      this.initialReplicas = ClusterLimits.initialReplicas(count);
      return this;
    }

    /**
     * Sets the cluster's replica limit; decisions above it are capped; 1000 by default.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxReplicas(int max) {
      this.maxReplicas = ClusterLimits.maxReplicas(max);
      return this;
    }

    /**
     * Sets the window within which a change of direction counts as a flap; 5 minutes by default.
     *
     * @param window whole seconds, zero or more
     * @return this builder
     */
    public Builder flapWindow(Duration window) {
      this.flapWindow = wholeSeconds("flapWindow", window, 0);
      return this;
    }

    /**
     * Sets the leading part of each trace that is replayed but not reported; none by default.
     *
     * @param warmUp whole seconds, zero or more
     * @return this builder
     */
    public Builder warmUp(Duration warmUp) {
      this.warmUp = wholeSeconds("warmUp", warmUp, 0);
      return this;
    }

    /**
     * Builds the simulator.
     *
     * @return the simulator
     * @throws IllegalStateException when the initial replicas exceed the maximum
     */
    public ScalingSimulator build() {
      ClusterLimits.initialWithinMax(initialReplicas, maxReplicas);
      return new ScalingSimulator(this);
    }

    private static Duration wholeSeconds(String field, Duration d, long min) {
      Objects.requireNonNull(d, field);
      if (d.getNano() != 0 || d.getSeconds() < min) {
        throw new IllegalArgumentException(
            field + ": " + d + "; allowed: whole seconds, at least " + min + " s");
      }
      return d;
    }
  }
}
