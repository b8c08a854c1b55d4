package dev.tdeveloper.scaling.autoscale;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A metric an autoscaler can act on. Per replica, a sample carries the replica's own value; per
 * workload ({@link ScalingInput#workloadMetrics()}), the value for the whole workload (which exists
 * even at zero replicas, as KEDA's scalers need).
 */
public enum Metric {
  /**
   * Fraction of the replica's requested capacity in use (CPU utilization of the request): 1.0 is
   * 100%; it may exceed 1.0 when the limit is above the request.
   */
  UTILIZATION("utilization"),
  /** Requests per second served (per replica) or arriving (per workload). */
  REQUESTS_PER_SECOND("requests_per_second"),
  /** Items waiting to be processed. */
  QUEUE_DEPTH("queue_depth"),
  /** Request latency in milliseconds (a percentile the caller chooses, p95 typically). */
  LATENCY_MILLIS("latency_ms");

  private final String key;

  Metric(String key) {
    this.key = key;
  }

  /**
   * The metric's name in {@code scaling.yaml}, reasons and JSON.
   *
   * @return {@code "utilization"}, {@code "requests_per_second"}, {@code "queue_depth"} or {@code
   *     "latency_ms"}
   */
  public String key() {
    return key;
  }

  /**
   * The metric with this key (case-insensitive).
   *
   * @param key a metric name as in {@code scaling.yaml}
   * @return the metric
   * @throws IllegalArgumentException naming the key and the allowed ones when it is unknown
   */
  public static Metric parse(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (Metric m : values()) {
      if (m.key.equals(k)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "metric: unknown metric '"
            + key
            + "'; allowed: "
            + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")));
  }
}
