package dev.tdeveloper.distribution.replication;

import static dev.tdeveloper.distribution.replication.SimulationChecks.nonNegative;
import static dev.tdeveloper.distribution.replication.SimulationChecks.positive;
import static dev.tdeveloper.distribution.replication.SimulationChecks.probability;

import dev.tdeveloper.distribution.region.RegionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a {@link ReplicationSimulator} run simulates: the regions, the network between them (one-way
 * latency with jitter, loss, duplication, partitions), the workload, and the seed that makes the
 * run repeatable. All times are virtual, in milliseconds from the start of the run.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(List)}.
 *
 * @param regions the replicas, one per region, at least 2
 * @param seed the seed of every random choice
 * @param defaultLatency the one-way latency of a link without its own, 0 or more (0 with no jitter,
 *     loss or duplication makes the channel a plain in-order queue)
 * @param jitter the most added to a message's latency, uniformly, 0 or more
 * @param latencies one-way latencies of particular links, 0 or more
 * @param lossProbability the chance a message is not delivered on a poll (it is redelivered on a
 *     later one, not being acknowledged), and that an acknowledgement is lost; 0 to 0.9
 * @param duplicateProbability the chance a delivered message is delivered twice, 0 to 0.9
 * @param partitions time windows in which some regions cannot reach the others
 * @param tenants how many tenants the workload writes for; each has a counter, a set, an LWW
 *     register and an MV register topic; 1 to 1000
 * @param updates how many updates the workload makes, 0 or more
 * @param workloadDuration the window over which the updates are spread, 1 ms or more
 * @param flushInterval how often each region publishes its accumulated deltas, 1 ms or more
 * @param pollInterval how often each region polls the channel, 1 ms or more
 * @param maxClockSkew the most a region's physical clock is off, 0 or more
 * @param maxDuration when the run gives up if the replicas have not converged
 */
public record SimulationSettings(
    List<RegionId> regions,
    long seed,
    Duration defaultLatency,
    Duration jitter,
    Map<Link, Duration> latencies,
    double lossProbability,
    double duplicateProbability,
    List<Partition> partitions,
    int tenants,
    int updates,
    Duration workloadDuration,
    Duration flushInterval,
    Duration pollInterval,
    Duration maxClockSkew,
    Duration maxDuration) {

  /** A directed link between two regions. */
  public record Link(RegionId from, RegionId to) implements Comparable<Link> {
    /** Validates the link. */
    public Link {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.equals(to)) {
        throw new IllegalArgumentException("link from " + from + " to itself");
      }
    }

    @Override
    public int compareTo(Link o) {
      int c = from.compareTo(o.from);
      return c != 0 ? c : to.compareTo(o.to);
    }
  }

  /**
   * A partition: from {@code start} (inclusive) to {@code end} (exclusive), no message passes
   * between a region of {@code side} and a region outside it.
   *
   * @param start when the partition begins
   * @param end when it heals, after {@code start}
   * @param side the regions cut off from the rest, at least one
   */
  public record Partition(Duration start, Duration end, Set<RegionId> side) {
    /** Validates the partition. */
    public Partition {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      side = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(side, "side")));
      if (start.isNegative() || end.compareTo(start) <= 0) {
        throw new IllegalArgumentException(
            "partition window " + start + " to " + end + " is invalid; allowed: 0 <= start < end");
      }
      if (side.isEmpty()) {
        throw new IllegalArgumentException("partition side is empty; allowed: 1+ regions");
      }
    }

    /**
     * Returns whether this partition separates {@code a} and {@code b} at {@code millis}.
     *
     * @param a one region
     * @param b another region
     * @param millis the virtual time
     * @return true when the link is cut
     */
    public boolean cuts(RegionId a, RegionId b, long millis) {
      return millis >= start.toMillis()
          && millis < end.toMillis()
          && side.contains(a) != side.contains(b);
    }
  }

  /** Validates the settings. */
  public SimulationSettings {
    regions = SimulationChecks.regions(regions);
    nonNegative("defaultLatency", defaultLatency);
    nonNegative("jitter", jitter);
    latencies = SimulationChecks.latencies(regions, latencies);
    probability("lossProbability", lossProbability);
    probability("duplicateProbability", duplicateProbability);
    partitions = SimulationChecks.partitions(regions, partitions);
    SimulationChecks.workload(tenants, updates);
    positive("workloadDuration", workloadDuration);
    positive("flushInterval", flushInterval);
    positive("pollInterval", pollInterval);
    nonNegative("maxClockSkew", maxClockSkew);
    positive("maxDuration", maxDuration);
  }

  /**
   * Returns a builder for the given regions, with the defaults documented on its setters.
   *
   * @param regions the regions, at least 2
   * @return the builder
   */
  public static Builder builder(List<RegionId> regions) {
    return new Builder(regions);
  }

  /**
   * Returns the one-way latency from {@code from} to {@code to}, before jitter.
   *
   * @param from the sender
   * @param to the receiver
   * @return the link's latency, else the default
   */
  public Duration latency(RegionId from, RegionId to) {
    return latencies.getOrDefault(new Link(from, to), defaultLatency);
  }

  /**
   * Returns whether a partition cuts {@code a} from {@code b} at {@code millis}.
   *
   * @param a one region
   * @param b another region
   * @param millis the virtual time
   * @return true when no message passes
   */
  public boolean partitioned(RegionId a, RegionId b, long millis) {
    for (Partition p : partitions) {
      if (p.cuts(a, b, millis)) {
        return true;
      }
    }
    return false;
  }

  /** Returns when the last partition heals, {@link Duration#ZERO} when there is none. */
  public Duration lastHeal() {
    return partitions.stream().map(Partition::end).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** Builds {@link SimulationSettings}; not thread-safe. */
  public static final class Builder {
    private final List<RegionId> regions;
    private long seed = 1;
    private Duration defaultLatency = Duration.ofMillis(80);
    private Duration jitter = Duration.ofMillis(20);
    private final Map<Link, Duration> latencies = new TreeMap<>();
    private double loss;
    private double duplicate;
    private final List<Partition> partitions = new ArrayList<>();
    private int tenants = 3;
    private int updates = 500;
    private Duration workloadDuration = Duration.ofSeconds(10);
    private Duration flushInterval = Duration.ofMillis(50);
    private Duration pollInterval = Duration.ofMillis(20);
    private Duration maxClockSkew = Duration.ofMillis(5);
    private Duration maxDuration = Duration.ofMinutes(10);

    private Builder(List<RegionId> regions) {
      this.regions = List.copyOf(Objects.requireNonNull(regions, "regions"));
    }

    /**
     * Sets the seed (default 1).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the default one-way latency (default 80 ms) and jitter (default 20 ms).
     *
     * @param latency the latency
     * @param jitter the most added at random
     * @return this builder
     */
    public Builder latency(Duration latency, Duration jitter) {
      this.defaultLatency = latency;
      this.jitter = jitter;
      return this;
    }

    /**
     * Sets the one-way latency between two regions, both ways.
     *
     * @param a one region
     * @param b another region
     * @param latency the latency
     * @return this builder
     */
    public Builder latency(RegionId a, RegionId b, Duration latency) {
      latencies.put(new Link(a, b), latency);
      latencies.put(new Link(b, a), latency);
      return this;
    }

    /**
     * Sets the loss probability (default 0).
     *
     * @param probability 0 to 0.9
     * @return this builder
     */
    public Builder loss(double probability) {
      this.loss = probability;
      return this;
    }

    /**
     * Sets the duplication probability (default 0).
     *
     * @param probability 0 to 0.9
     * @return this builder
     */
    public Builder duplicates(double probability) {
      this.duplicate = probability;
      return this;
    }

    /**
     * Adds a partition.
     *
     * @param start when it begins
     * @param end when it heals
     * @param side the regions cut off from the others
     * @return this builder
     */
    public Builder partition(Duration start, Duration end, Set<RegionId> side) {
      partitions.add(new Partition(start, end, side));
      return this;
    }

    /**
     * Sets the workload: tenants (default 3), updates (default 500) spread over a duration (default
     * 10 s).
     *
     * @param tenants how many tenants
     * @param updates how many updates
     * @param over the window of the updates
     * @return this builder
     */
    public Builder workload(int tenants, int updates, Duration over) {
      this.tenants = tenants;
      this.updates = updates;
      this.workloadDuration = over;
      return this;
    }

    /**
     * Sets how often regions publish deltas (default 50 ms) and poll (default 20 ms).
     *
     * @param flush the flush interval
     * @param poll the poll interval
     * @return this builder
     */
    public Builder intervals(Duration flush, Duration poll) {
      this.flushInterval = flush;
      this.pollInterval = poll;
      return this;
    }

    /**
     * Sets the largest clock skew of a region (default 5 ms).
     *
     * @param skew the skew
     * @return this builder
     */
    public Builder maxClockSkew(Duration skew) {
      this.maxClockSkew = skew;
      return this;
    }

    /**
     * Sets when the run gives up (default 10 minutes of virtual time).
     *
     * @param max the limit
     * @return this builder
     */
    public Builder maxDuration(Duration max) {
      this.maxDuration = max;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws IllegalArgumentException naming the setting, value and allowed range
     */
    public SimulationSettings build() {
      return new SimulationSettings(
          regions,
          seed,
          defaultLatency,
          jitter,
          latencies,
          loss,
          duplicate,
          partitions,
          tenants,
          updates,
          workloadDuration,
          flushInterval,
          pollInterval,
          maxClockSkew,
          maxDuration);
    }
  }
}
