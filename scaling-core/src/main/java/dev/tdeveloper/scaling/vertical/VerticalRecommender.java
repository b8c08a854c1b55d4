package dev.tdeveloper.scaling.vertical;

import dev.tdeveloper.scaling.ScalingException;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * VPA-style CPU and memory recommendations per container, with the Kubernetes VPA recommender's
 * model: every CPU sample goes into a decaying histogram weighted by the container's CPU request;
 * memory goes in as one peak per aggregation window (24 hours by default); an OOM kill records
 * {@code max(usage + 100 MiB, usage x 1.2)} as memory. The target is the P90 plus a 15% safety
 * margin, the bounds are the P50 and P95 with the same margin widened by the confidence multipliers
 * ({@code x (1 + 1/confidence)} above, {@code x (1 + 0.001/confidence)^-2} below), and every value
 * is at least the configured minimum (25 millicores, 250 MiB).
 *
 * <p>Memory is bounded per workload, so one workload (one tenant's, typically) can never push
 * another's data out: at most {@link VerticalRecommenderBuilder#maxContainersPerWorkload}
 * containers of a workload are tracked, and a sample for a new container beyond that forgets the
 * same workload's container updated least recently (its samples, not a recommendation already
 * handed out); at most {@link VerticalRecommenderBuilder#maxWorkloads} workloads are tracked, and a
 * sample for a new workload beyond that is refused with a {@link ScalingException} until {@link
 * #forget(String)} makes room. Recommendations only ever read the container's own state, so one
 * workload's samples never change another's recommendation.
 *
 * <p>Thread-safe: one lock guards all containers.
 */
public final class VerticalRecommender {
  /** Weight floor of a CPU sample in cores, as the VPA's {@code minSampleWeight}. */
  public static final double MIN_CPU_SAMPLE_WEIGHT = 0.1;

  private static final double MIB = 1024.0 * 1024.0;
  private static final double CPU_CAP = 1000.0;
  private static final double MEMORY_CAP = 1e12;

  private final RecommenderConfig config;
  private final Map<String, LinkedHashMap<ContainerKey, ContainerState>> workloads =
      new HashMap<>();
  private final Object lock = new Object();

  VerticalRecommender(RecommenderConfig config) {
    this.config = config;
  }

  /**
   * A builder with the VPA's defaults.
   *
   * @return a new builder
   */
  public static VerticalRecommenderBuilder builder() {
    return new VerticalRecommenderBuilder();
  }

  /**
   * Records CPU usage with the container's CPU request, which weights the sample ({@code
   * max(request, 0.1)} cores), as the VPA does.
   *
   * @param key the container
   * @param time when the usage was measured
   * @param cores CPU in use, in cores, finite and at least 0
   * @param requestCores the container's CPU request in cores, finite and at least 0
   * @throws IllegalArgumentException naming a negative or non-finite value; nothing is recorded
   */
  public void addCpuSample(ContainerKey key, Instant time, double cores, double requestCores) {
    requireAmount("requestCores", requestCores);
    record(key, time, cores, OptionalDouble.of(requestCores));
  }

  /**
   * Records CPU usage of a container without a known request; the sample weighs as if 1 core were
   * requested.
   *
   * @param key the container
   * @param time when the usage was measured
   * @param cores CPU in use, in cores, finite and at least 0
   * @throws IllegalArgumentException naming a negative or non-finite value; nothing is recorded
   */
  public void addCpuSample(ContainerKey key, Instant time, double cores) {
    record(key, time, cores, OptionalDouble.empty());
  }

  private void record(ContainerKey key, Instant time, double cores, OptionalDouble request) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(time, "time");
    requireAmount("cores", cores);
    double weight = Math.max(request.orElse(1.0), MIN_CPU_SAMPLE_WEIGHT);
    synchronized (lock) {
      touch(key).addCpu(time, cores, weight);
    }
  }

  /**
   * Records memory in use; only the peak of each aggregation window counts, as in the VPA.
   *
   * @param key the container
   * @param time when the usage was measured, not before the container's current window
   * @param bytes memory in use, finite and at least 0
   * @throws IllegalArgumentException naming a bad value or a time before the current window;
   *     nothing is recorded
   */
  public void addMemorySample(ContainerKey key, Instant time, double bytes) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(time, "time");
    requireAmount("bytes", bytes);
    synchronized (lock) {
      checkMemoryTime(key, time);
      touch(key).addMemory(time, bytes, true);
    }
  }

  /**
   * Records an OOM kill: {@code max(bytes + 100 MiB, bytes x 1.2)} (by default) goes in as the
   * memory the container needed, so the next recommendation is above what killed it.
   *
   * @param key the container
   * @param time when it was killed, not before the container's current memory window
   * @param memoryBytes memory in use when killed (or its limit), finite and at least 0
   * @throws IllegalArgumentException naming a bad value or time; nothing is recorded
   */
  public void recordOom(ContainerKey key, Instant time, double memoryBytes) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(time, "time");
    requireAmount("memoryBytes", memoryBytes);
    double bumped =
        Math.max(memoryBytes + config.oomMinBumpBytes(), memoryBytes * config.oomBumpRatio());
    synchronized (lock) {
      checkMemoryTime(key, time);
      touch(key).recordOom(time, bumped);
    }
  }

  /**
   * Recommends requests for a container from what it recorded.
   *
   * @param key the container
   * @param now the time stamped on the recommendation
   * @return the recommendation, or empty when the container has no samples (never seen, or evicted)
   */
  public Optional<VerticalRecommendation> recommend(ContainerKey key, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(now, "now");
    synchronized (lock) {
      ContainerState s = state(key);
      return s == null ? Optional.empty() : Optional.of(estimate(key, s, now));
    }
  }

  /**
   * How many containers are tracked now, over every workload.
   *
   * @return the number of containers
   */
  public int size() {
    synchronized (lock) {
      int n = 0;
      for (Map<ContainerKey, ContainerState> c : workloads.values()) {
        n += c.size();
      }
      return n;
    }
  }

  /**
   * Forgets every container of a workload (a tenant offboarded, a deployment deleted).
   *
   * @param workload the workload's name
   * @return how many containers were forgotten
   */
  public int forget(String workload) {
    Objects.requireNonNull(workload, "workload");
    synchronized (lock) {
      Map<ContainerKey, ContainerState> removed = workloads.remove(workload);
      return removed == null ? 0 : removed.size();
    }
  }

  private ContainerState state(ContainerKey key) {
    Map<ContainerKey, ContainerState> c = workloads.get(key.workload());
    return c == null ? null : c.get(key);
  }

  private void checkMemoryTime(ContainerKey key, Instant time) {
    ContainerState s = state(key);
    if (s != null) {
      s.checkMemoryTime(time);
    }
  }

  /**
   * The container's state, moved to its workload's most recently updated end; evicts that
   * workload's oldest container if the workload is full, refuses a new workload if all are taken.
   */
  private ContainerState touch(ContainerKey key) {
    LinkedHashMap<ContainerKey, ContainerState> c = workloads.get(key.workload());
    if (c == null) {
      if (workloads.size() >= config.maxWorkloads()) {
        throw new ScalingException(
            "vertical recommender: workload '"
                + key.workload()
                + "' refused: "
                + workloads.size()
                + " workloads are tracked, the maximum (maxWorkloads); forget(workload) one or"
                + " raise the limit");
      }
      c = new LinkedHashMap<>();
      workloads.put(key.workload(), c);
    }
    ContainerState s = c.remove(key);
    if (s == null) {
      if (c.size() >= config.maxContainersPerWorkload()) {
        c.remove(c.keySet().iterator().next());
      }
      s = new ContainerState(config.halfLife(), config.memoryAggregationInterval());
    }
    c.put(key, s);
    return s;
  }

  private VerticalRecommendation estimate(ContainerKey key, ContainerState s, Instant now) {
    List<ScalingReason> reasons = new ArrayList<>();
    double confidence = s.confidence();
    double upperFactor = Math.pow(1 + 1.0 / confidence, 1.0);
    double lowerFactor = Math.pow(1 + 0.001 / confidence, -2.0);
    ResourceEstimate cpu =
        resource("cpu", s.cpu, config.minCpuCores(), CPU_CAP, upperFactor, lowerFactor, reasons);
    ResourceEstimate memory =
        resource(
            "memory",
            s.memory,
            config.minMemoryBytes(),
            MEMORY_CAP,
            upperFactor,
            lowerFactor,
            reasons);
    memory =
        new ResourceEstimate(
            Math.ceil(memory.lowerBound()),
            Math.ceil(memory.target()),
            Math.ceil(memory.upperBound()));
    reasons.add(
        ScalingReason.of(
            "vpa.confidence",
            String.format(
                Locale.ROOT,
                "confidence %.3f (min of days spanned and samples / 1440; %d CPU, %d memory samples):"
                    + " upper bound x %.3f, lower bound x %.4f",
                confidence,
                s.cpuSamples,
                s.memorySamples,
                upperFactor,
                lowerFactor)));
    if (s.ooms > 0) {
      reasons.add(
          ScalingReason.of(
              "vpa.oom",
              String.format(
                  Locale.ROOT,
                  "%d OOM kill(s), last at %s, each recorded as max(+%.0f MiB, x %.2f) of the usage",
                  s.ooms,
                  s.lastOom.orElseThrow(),
                  config.oomMinBumpBytes() / MIB,
                  config.oomBumpRatio())));
    }
    return new VerticalRecommendation(key, now, cpu, memory, confidence, reasons);
  }

  private ResourceEstimate resource(
      String name,
      DecayingHistogram h,
      double min,
      double cap,
      double upperFactor,
      double lowerFactor,
      List<ScalingReason> reasons) {
    if (h.isEmpty()) {
      reasons.add(
          ScalingReason.of(
              "vpa.nodata." + name, "no " + name + " samples; the minimum " + min + " applies"));
      return new ResourceEstimate(min, min, min);
    }
    double margin = 1 + config.safetyMargin();
    double p50 = h.percentile(config.lowerPercentile());
    double p90 = h.percentile(config.targetPercentile());
    double p95 = h.percentile(config.upperPercentile());
    double target = p90 * margin;
    double lower = p50 * margin * lowerFactor;
    // With no history the upper factor is infinite: the histogram's range is the honest cap.
    double upperRaw = Double.isInfinite(upperFactor) ? cap : p95 * margin * upperFactor;
    double upper = Math.max(target, Math.min(cap, upperRaw));
    reasons.add(
        ScalingReason.of(
            "vpa." + name,
            String.format(
                Locale.ROOT,
                "target P%.0f %.4g x %.2f margin = %.4g; lower P%.0f %.4g, upper P%.0f %.4g",
                config.targetPercentile() * 100,
                p90,
                margin,
                target,
                config.lowerPercentile() * 100,
                p50,
                config.upperPercentile() * 100,
                p95)));
    if (target < min || lower < min) {
      reasons.add(
          ScalingReason.of(
              "vpa.min." + name,
              String.format(Locale.ROOT, "raised to the minimum %.4g where below it", min)));
    }
    return new ResourceEstimate(Math.max(min, lower), Math.max(min, target), Math.max(min, upper));
  }

  private static void requireAmount(String field, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException(field + ": " + v + "; allowed: a finite value >= 0");
    }
  }
}
