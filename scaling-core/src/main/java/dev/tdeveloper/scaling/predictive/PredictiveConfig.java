package dev.tdeveloper.scaling.predictive;

import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of a {@link PredictiveAutoscaler}, validated; built by {@link
 * PredictiveAutoscalerBuilder}, which documents each setting and its default.
 *
 * @param bounds the replica range; the forecast never raises the count above its max (EC2's
 *     HonorMaxCapacity)
 * @param capacityPerReplica requests per second one replica serves within the SLO, above 0
 * @param targetUtilization the share of that capacity to plan for, in (0, 1]
 * @param tolerance how far above the target the forecast may drive the current replicas'
 *     utilization before replicas are added, in [0, 1)
 * @param startupTime how long a new replica takes to become ready, at least 0
 * @param schedulingBuffer extra lead before the forecast need (EC2's SchedulingBufferTime), in [0,
 *     1 h)
 * @param decisionInterval the time between decisions, above 0
 * @param refreshInterval how often the forecast is refit, above 0 and at most {@code horizon}
 * @param horizon how far ahead the forecast reaches, at least one bucket and at least {@code
 *     refreshInterval + lead}
 * @param bucket the history bucket duration (see {@link LoadHistory#of})
 * @param retention how long history is kept (see {@link LoadHistory#of})
 * @param errorWindow how far back forecast errors are averaged, at least one bucket
 * @param mode what the forecast is used for
 */
public record PredictiveConfig(
    ReplicaBounds bounds,
    double capacityPerReplica,
    double targetUtilization,
    double tolerance,
    Duration startupTime,
    Duration schedulingBuffer,
    Duration decisionInterval,
    Duration refreshInterval,
    Duration horizon,
    Duration bucket,
    Duration retention,
    Duration errorWindow,
    PredictiveMode mode) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the setting, its value and what is allowed
   */
  public PredictiveConfig {
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(mode, "mode");
    if (!Double.isFinite(capacityPerReplica) || capacityPerReplica <= 0) {
      throw new IllegalArgumentException(
          "capacityPerReplica: " + capacityPerReplica + "; allowed: a finite value > 0 (req/s)");
    }
    if (!(targetUtilization > 0 && targetUtilization <= 1)) {
      throw new IllegalArgumentException(
          "targetUtilization: " + targetUtilization + "; allowed: (0, 1]");
    }
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance: " + tolerance + "; allowed: [0, 1)");
    }
    nonNegative("startupTime", startupTime);
    nonNegative("schedulingBuffer", schedulingBuffer);
    if (schedulingBuffer.compareTo(Duration.ofHours(1)) >= 0) {
      throw new IllegalArgumentException(
          "schedulingBuffer: " + schedulingBuffer + "; allowed: [0, 1 h) as EC2's");
    }
    positive("decisionInterval", decisionInterval);
    positive("refreshInterval", refreshInterval);
    positive("horizon", horizon);
    positive("errorWindow", errorWindow);
    LoadSeries.checkBucket(bucket);
    LoadHistory.checkRetention(bucket, retention);
    if (horizon.compareTo(bucket) < 0 || errorWindow.compareTo(bucket) < 0) {
      throw new IllegalArgumentException(
          "horizon "
              + horizon
              + ", errorWindow "
              + errorWindow
              + ": below the bucket "
              + bucket
              + "; allowed: at least one bucket");
    }
    Duration needed =
        refreshInterval.plus(startupTime).plus(schedulingBuffer).plus(decisionInterval);
    if (horizon.compareTo(needed) < 0) {
      throw new IllegalArgumentException(
          "horizon: "
              + horizon
              + " is shorter than refreshInterval + startupTime + schedulingBuffer +"
              + " decisionInterval = "
              + needed
              + "; allowed: at least that, so a forecast covers the lead until the next refresh");
    }
  }

  private static void nonNegative(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + ": " + d + " is negative; allowed: >= 0");
    }
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + ": " + d + "; allowed: > 0");
    }
  }

  /**
   * How far ahead of the need replicas are added: startup time, scheduling buffer and one decision
   * interval (the next decision may come only that much later).
   *
   * @return the lead
   */
  public Duration lead() {
    return startupTime.plus(schedulingBuffer).plus(decisionInterval);
  }
}
