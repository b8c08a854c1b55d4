package dev.tdeveloper.scaling.vertical;

import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link VerticalRecommender}; every default is the Kubernetes VPA recommender's. Each
 * setter checks its own value; {@link #build()} checks that the percentiles are ordered. Not
 * thread-safe.
 */
public final class VerticalRecommenderBuilder {
  /** Default {@link #maxContainersPerWorkload(int)}. */
  public static final int DEFAULT_MAX_CONTAINERS_PER_WORKLOAD = 1_000;

  /** Default {@link #maxWorkloads(int)}. */
  public static final int DEFAULT_MAX_WORKLOADS = 10_000;

  private static final double MIB = 1024.0 * 1024.0;

  private Duration halfLife = Duration.ofHours(24);
  private Duration memoryAggregationInterval = Duration.ofHours(24);
  private double lowerPercentile = 0.5;
  private double targetPercentile = 0.9;
  private double upperPercentile = 0.95;
  private double safetyMargin = 0.15;
  private double minCpuCores = 0.025;
  private double minMemoryBytes = 250 * MIB;
  private double oomMinBumpBytes = 100 * MIB;
  private double oomBumpRatio = 1.2;
  private int maxContainersPerWorkload = DEFAULT_MAX_CONTAINERS_PER_WORKLOAD;
  private int maxWorkloads = DEFAULT_MAX_WORKLOADS;

  VerticalRecommenderBuilder() {}

  /**
   * How fast old samples fade: a sample's weight halves every half-life. Default 24 hours.
   *
   * @param halfLife at least 1 ms
   * @return this builder
   * @throws IllegalArgumentException when below 1 ms
   */
  public VerticalRecommenderBuilder halfLife(Duration halfLife) {
    this.halfLife = positive("halfLife", halfLife);
    return this;
  }

  /**
   * The window over which one memory peak is kept. Default 24 hours.
   *
   * @param interval at least 1 ms
   * @return this builder
   * @throws IllegalArgumentException when below 1 ms
   */
  public VerticalRecommenderBuilder memoryAggregationInterval(Duration interval) {
    this.memoryAggregationInterval = positive("memoryAggregationInterval", interval);
    return this;
  }

  /**
   * The percentiles of the lower bound, the target and the upper bound. Defaults 0.5, 0.9, 0.95.
   *
   * @param lower in (0, 1)
   * @param target in (0, 1)
   * @param upper in (0, 1)
   * @return this builder
   * @throws IllegalArgumentException naming a value outside (0, 1)
   */
  public VerticalRecommenderBuilder percentiles(double lower, double target, double upper) {
    fraction("lowerPercentile", lower);
    fraction("targetPercentile", target);
    fraction("upperPercentile", upper);
    this.lowerPercentile = lower;
    this.targetPercentile = target;
    this.upperPercentile = upper;
    return this;
  }

  /**
   * The fraction added on top of every estimate. Default 0.15.
   *
   * @param margin finite and at least 0
   * @return this builder
   * @throws IllegalArgumentException when negative or not finite
   */
  public VerticalRecommenderBuilder safetyMargin(double margin) {
    this.safetyMargin = amount("safetyMargin", margin);
    return this;
  }

  /**
   * The least CPU and memory ever recommended. Defaults 0.025 cores and 250 MiB.
   *
   * @param cpuCores finite and at least 0
   * @param memoryBytes finite and at least 0
   * @return this builder
   * @throws IllegalArgumentException when negative or not finite
   */
  public VerticalRecommenderBuilder minimums(double cpuCores, double memoryBytes) {
    amount("minCpuCores", cpuCores);
    amount("minMemoryBytes", memoryBytes);
    this.minCpuCores = cpuCores;
    this.minMemoryBytes = memoryBytes;
    return this;
  }

  /**
   * What an OOM kill records: {@code max(usage + minBumpBytes, usage x ratio)}. Defaults 100 MiB
   * and 1.2.
   *
   * @param minBumpBytes finite and at least 0
   * @param ratio finite and at least 1
   * @return this builder
   * @throws IllegalArgumentException naming a bad value
   */
  public VerticalRecommenderBuilder oomBump(double minBumpBytes, double ratio) {
    amount("oomMinBumpBytes", minBumpBytes);
    if (!Double.isFinite(ratio) || ratio < 1) {
      throw new IllegalArgumentException(
          "oomBumpRatio: " + ratio + "; allowed: a finite value >= 1");
    }
    this.oomMinBumpBytes = minBumpBytes;
    this.oomBumpRatio = ratio;
    return this;
  }

  /**
   * How many containers of one workload are tracked at most; a sample for a new container beyond it
   * forgets that same workload's least recently updated container, never another workload's.
   * Default {@value #DEFAULT_MAX_CONTAINERS_PER_WORKLOAD}.
   *
   * @param max at least 1
   * @return this builder
   * @throws IllegalArgumentException when below 1
   */
  public VerticalRecommenderBuilder maxContainersPerWorkload(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxContainersPerWorkload: " + max + "; allowed: >= 1");
    }
    this.maxContainersPerWorkload = max;
    return this;
  }

  /**
   * How many workloads are tracked at most; a sample for a new workload beyond it is refused (no
   * workload's data is ever evicted to make room for another's). Default {@value
   * #DEFAULT_MAX_WORKLOADS}.
   *
   * @param max at least 1
   * @return this builder
   * @throws IllegalArgumentException when below 1
   */
  public VerticalRecommenderBuilder maxWorkloads(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxWorkloads: " + max + "; allowed: >= 1");
    }
    this.maxWorkloads = max;
    return this;
  }

  /**
   * Builds the recommender.
   *
   * @return a new, empty recommender
   * @throws IllegalArgumentException when the percentiles are not ordered lower <= target <= upper
   */
  public VerticalRecommender build() {
    if (lowerPercentile > targetPercentile || targetPercentile > upperPercentile) {
      throw new IllegalArgumentException(
          "percentiles: lower "
              + lowerPercentile
              + ", target "
              + targetPercentile
              + ", upper "
              + upperPercentile
              + "; allowed: lower <= target <= upper");
    }
    return new VerticalRecommender(
        new RecommenderConfig(
            halfLife,
            memoryAggregationInterval,
            lowerPercentile,
            targetPercentile,
            upperPercentile,
            safetyMargin,
            minCpuCores,
            minMemoryBytes,
            oomMinBumpBytes,
            oomBumpRatio,
            maxContainersPerWorkload,
            maxWorkloads));
  }

  private static Duration positive(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.toMillis() < 1) {
      throw new IllegalArgumentException(field + ": " + d + "; allowed: at least 1 ms");
    }
    return d;
  }

  private static double fraction(String field, double v) {
    if (!(v > 0 && v < 1)) {
      throw new IllegalArgumentException(field + ": " + v + "; allowed: a value in (0, 1)");
    }
    return v;
  }

  private static double amount(String field, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException(field + ": " + v + "; allowed: a finite value >= 0");
    }
    return v;
  }
}
