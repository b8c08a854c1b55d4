package dev.tdeveloper.scaling.simulation;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.spi.ReplicaState;
import dev.tdeveloper.scaling.spi.ScalingBackend;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-process cluster that behaves like a deployment behind a load balancer: replicas become
 * ready a fixed startup delay after they are asked for, each serves up to a fixed capacity
 * (requests per second within the SLO), and the offered load set with {@link #setLoad} is split
 * evenly across the ready replicas.
 *
 * <p>Samples per ready replica: {@link Metric#UTILIZATION} = offered share / capacity, capped at
 * 1.0 (CPU cannot exceed 100%), and {@link Metric#REQUESTS_PER_SECOND} = requests served (the
 * offered share capped at the capacity). Unready replicas report no metrics. Workload metric:
 * {@link Metric#REQUESTS_PER_SECOND} = the whole offered load, present even at zero replicas (as
 * KEDA's scalers need). The cluster does not model a queue, so it reports no {@link
 * Metric#QUEUE_DEPTH}.
 *
 * <p>Scale-in removes the newest replicas first, so replicas still starting go before ready ones.
 * Replicas given by {@link Builder#initialReplicas} are ready at once. Time comes from the injected
 * {@link InstantSource}, which must not go backwards. Thread-safe.
 */
public final class SimulatedCluster implements ScalingBackend {
  /** Default startup delay: {@value} seconds. */
  public static final long DEFAULT_STARTUP_SECONDS = 30;

  /** Default capacity per replica: {@value} requests per second. */
  public static final double DEFAULT_CAPACITY = 100.0;

  /** Default replica limit: {@value}. */
  public static final int DEFAULT_MAX_REPLICAS = 1000;

  private final String workload;
  private final InstantSource clock;
  private final Duration startupDelay;
  private final double capacity;
  private final int maxReplicas;
  // Creation order; with a fixed startup delay and a forward clock, readyAt never decreases along
  // the list, so the ready replicas are always a prefix of it.
  private final List<Replica> replicas = new ArrayList<>();
  private int desired;
  private long nextId;
  private double load;

  private record Replica(String id, Instant readyAt) {}

  private SimulatedCluster(Builder b) {
    this.workload = b.workload;
    this.clock = b.clock;
    this.startupDelay = b.startupDelay;
    this.capacity = b.capacity;
    this.maxReplicas = b.maxReplicas;
    Instant now = clock.instant();
    for (int i = 0; i < b.initialReplicas; i++) {
      replicas.add(new Replica(workload + "-" + nextId++, now));
    }
    this.desired = b.initialReplicas;
  }

  /**
   * Starts a cluster for one workload.
   *
   * @param workload the workload's name, used as the prefix of replica ids
   * @return a builder
   */
  public static Builder builder(String workload) {
    return new Builder(workload);
  }

  @Override
  public String workload() {
    return workload;
  }

  /**
   * Sets the offered load, which holds until the next call.
   *
   * @param requestsPerSecond requests per second arriving at the workload, finite and {@code >= 0}
   * @throws IllegalArgumentException naming the value when it is negative or not finite
   */
  public synchronized void setLoad(double requestsPerSecond) {
    if (!Double.isFinite(requestsPerSecond) || requestsPerSecond < 0) {
      throw new IllegalArgumentException(
          "load: " + requestsPerSecond + " requests/s; allowed: a finite value >= 0");
    }
    this.load = requestsPerSecond;
  }

  /**
   * The offered load.
   *
   * @return requests per second arriving now
   */
  public synchronized double load() {
    return load;
  }

  /**
   * Requests per second one replica serves within the SLO.
   *
   * @return the capacity per replica
   */
  public double capacityPerReplica() {
    return capacity;
  }

  /**
   * The most replicas {@link #scale} accepts.
   *
   * @return the replica limit
   */
  public int maxReplicas() {
    return maxReplicas;
  }

  /**
   * Requests per second the ready replicas can serve now.
   *
   * @return ready replicas times the capacity per replica
   */
  public synchronized double readyCapacity() {
    return readyCount(clock.instant()) * capacity;
  }

  /**
   * When the next starting replica becomes ready.
   *
   * @return that time, or empty when no replica is starting
   */
  public synchronized Optional<Instant> nextReadyAt() {
    int ready = readyCount(clock.instant());
    return ready < replicas.size() ? Optional.of(replicas.get(ready).readyAt()) : Optional.empty();
  }

  @Override
  public synchronized ReplicaState state() {
    return new ReplicaState(desired, replicas.size(), readyCount(clock.instant()));
  }

  @Override
  public synchronized ScalingInput observe() {
    Instant now = clock.instant();
    int ready = readyCount(now);
    ScalingInput.Builder input = ScalingInput.at(now).workload(Metric.REQUESTS_PER_SECOND, load);
    double share = ready == 0 ? 0 : load / ready;
    Map<Metric, Double> served = new EnumMap<>(Metric.class);
    served.put(Metric.UTILIZATION, Math.min(1.0, share / capacity));
    served.put(Metric.REQUESTS_PER_SECOND, Math.min(share, capacity));
    for (int i = 0; i < replicas.size(); i++) {
      Replica r = replicas.get(i);
      input.replica(new ReplicaSample(r.id(), i < ready, i < ready ? served : Map.of()));
    }
    return input.build();
  }

  /**
   * Asks for a replica count: new replicas start now and are ready after the startup delay; extra
   * replicas go at once, newest (so unready) first.
   *
   * @param desiredReplicas the count wanted
   * @throws IllegalArgumentException naming the value when it is negative or above {@link
   *     #maxReplicas()}; nothing changes then
   */
  @Override
  public synchronized void scale(int desiredReplicas) {
    if (desiredReplicas < 0 || desiredReplicas > maxReplicas) {
      throw new IllegalArgumentException(
          "desiredReplicas: "
              + desiredReplicas
              + " for workload "
              + workload
              + "; allowed: 0 to maxReplicas "
              + maxReplicas);
    }
    desired = desiredReplicas;
    Instant readyAt = clock.instant().plus(startupDelay);
    while (replicas.size() < desiredReplicas) {
      replicas.add(new Replica(workload + "-" + nextId++, readyAt));
    }
    while (replicas.size() > desiredReplicas) {
      replicas.remove(replicas.size() - 1);
    }
  }

  private int readyCount(Instant now) {
    int lo = 0;
    int hi = replicas.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (replicas.get(mid).readyAt().isAfter(now)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  @Override
  public String toString() {
    return "SimulatedCluster[" + workload + ", " + state() + "]";
  }

  /** Configures a {@link SimulatedCluster}; not thread-safe. */
  public static final class Builder {
    private final String workload;
    private InstantSource clock = InstantSource.system();
    private Duration startupDelay = Duration.ofSeconds(DEFAULT_STARTUP_SECONDS);
    private double capacity = DEFAULT_CAPACITY;
    private int maxReplicas = DEFAULT_MAX_REPLICAS;
    private int initialReplicas;

    private Builder(String workload) {
      Objects.requireNonNull(workload, "workload");
      if (workload.isBlank()) {
        throw new IllegalArgumentException("workload: blank; allowed: a non-blank name");
      }
      this.workload = workload;
    }

    /**
     * Sets the wall clock replicas become ready by; the system clock by default.
     *
     * @param clock a clock that never goes backwards
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long a new replica takes to become ready; {@value #DEFAULT_STARTUP_SECONDS} s by
     * default.
     *
     * @param delay zero or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder startupDelay(Duration delay) {
      Objects.requireNonNull(delay, "startupDelay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException(
            "startupDelay: " + delay + " is negative; allowed: >= 0");
      }
      this.startupDelay = delay;
      return this;
    }

    /**
     * Sets the requests per second one replica serves within the SLO; {@value #DEFAULT_CAPACITY} by
     * default.
     *
     * @param requestsPerSecond finite and above 0
     * @return this builder
     * @throws IllegalArgumentException when not finite or not positive
     */
    public Builder capacityPerReplica(double requestsPerSecond) {
      this.capacity = ClusterLimits.capacityPerReplica(requestsPerSecond);
      return this;
    }

    /**
     * Sets the most replicas the cluster runs; {@value #DEFAULT_MAX_REPLICAS} by default.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxReplicas(int max) {
      this.maxReplicas = ClusterLimits.maxReplicas(max);
      return this;
    }

    /**
     * Sets how many replicas exist, ready, when the cluster is built; 0 by default.
     *
     * @param count 0 or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder initialReplicas(int count) {
      this.initialReplicas = ClusterLimits.initialReplicas(count);
      return this;
    }

    /**
     * Builds the cluster.
     *
     * @return the cluster, with no load
     * @throws IllegalStateException when the initial replicas exceed the maximum
     */
    public SimulatedCluster build() {
      ClusterLimits.initialWithinMax(initialReplicas, maxReplicas);
      return new SimulatedCluster(this);
    }
  }
}
