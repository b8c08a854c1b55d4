package dev.tdeveloper.scaling.predictive;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link PredictiveAutoscaler}. The reactive floor, the bounds and the capacity per
 * replica are required; each setter may be called once. Not thread-safe.
 */
public final class PredictiveAutoscalerBuilder {
  private Autoscaler reactive;
  private ReplicaBounds bounds;
  private Double capacityPerReplica;
  private Double targetUtilization;
  private Double tolerance;
  private Duration startupTime;
  private Duration schedulingBuffer;
  private Duration decisionInterval;
  private Duration refreshInterval;
  private Duration horizon;
  private Duration bucket;
  private Duration retention;
  private Duration errorWindow;
  private PredictiveMode mode;
  private SeasonalForecaster forecaster;

  PredictiveAutoscalerBuilder() {}

  private static <T> T once(T current, T value, String name) {
    Objects.requireNonNull(value, name);
    if (current != null) {
      throw new IllegalStateException(name + ": already set to " + current);
    }
    return value;
  }

  /**
   * The reactive autoscaler whose decision is the floor (target tracking, typically). Required.
   *
   * @param floor the reactive autoscaler
   * @return this builder
   */
  public PredictiveAutoscalerBuilder reactive(Autoscaler floor) {
    reactive = once(reactive, floor, "reactive");
    return this;
  }

  /**
   * The replica range. Required.
   *
   * @param value the bounds
   * @return this builder
   */
  public PredictiveAutoscalerBuilder bounds(ReplicaBounds value) {
    bounds = once(bounds, value, "bounds");
    return this;
  }

  /**
   * Requests per second one replica serves within the SLO. Required.
   *
   * @param value above 0
   * @return this builder
   */
  public PredictiveAutoscalerBuilder capacityPerReplica(double value) {
    capacityPerReplica = once(capacityPerReplica, value, "capacityPerReplica");
    return this;
  }

  /**
   * The share of the capacity to plan for, as the reactive floor's target. Default 1.0.
   *
   * @param value in (0, 1]
   * @return this builder
   */
  public PredictiveAutoscalerBuilder targetUtilization(double value) {
    targetUtilization = once(targetUtilization, value, "targetUtilization");
    return this;
  }

  /**
   * How far above the target utilization the forecast peak may drive the current replicas before
   * replicas are added, as the HPA's tolerance. Default {@value
   * PredictiveAutoscaler#DEFAULT_TOLERANCE}.
   *
   * @param value in [0, 1)
   * @return this builder
   */
  public PredictiveAutoscalerBuilder tolerance(double value) {
    tolerance = once(tolerance, value, "tolerance");
    return this;
  }

  /**
   * How long a new replica takes to become ready. Default 0.
   *
   * @param value at least 0
   * @return this builder
   */
  public PredictiveAutoscalerBuilder startupTime(Duration value) {
    startupTime = once(startupTime, value, "startupTime");
    return this;
  }

  /**
   * Extra lead, as EC2's SchedulingBufferTime. Default 0 (the startup time is the lead that
   * matters).
   *
   * @param value in [0, 1 h)
   * @return this builder
   */
  public PredictiveAutoscalerBuilder schedulingBuffer(Duration value) {
    schedulingBuffer = once(schedulingBuffer, value, "schedulingBuffer");
    return this;
  }

  /**
   * The time between decisions. Default 15 s (the HPA sync period).
   *
   * @param value above 0
   * @return this builder
   */
  public PredictiveAutoscalerBuilder decisionInterval(Duration value) {
    decisionInterval = once(decisionInterval, value, "decisionInterval");
    return this;
  }

  /**
   * How often the forecast is refit. Default 6 h, as EC2.
   *
   * @param value above 0
   * @return this builder
   */
  public PredictiveAutoscalerBuilder refreshInterval(Duration value) {
    refreshInterval = once(refreshInterval, value, "refreshInterval");
    return this;
  }

  /**
   * How far ahead the forecast reaches. Default 48 h, as EC2.
   *
   * @param value at least the refresh interval plus the lead
   * @return this builder
   */
  public PredictiveAutoscalerBuilder horizon(Duration value) {
    horizon = once(horizon, value, "horizon");
    return this;
  }

  /**
   * The history bucket. Default 1 h, as EC2; 5 min makes short recurring spikes sharp.
   *
   * @param value at least 1 s, dividing a day evenly
   * @return this builder
   */
  public PredictiveAutoscalerBuilder bucket(Duration value) {
    bucket = once(bucket, value, "bucket");
    return this;
  }

  /**
   * How long history is kept. Default 14 days.
   *
   * @param value at least 1 day, a whole number of buckets
   * @return this builder
   */
  public PredictiveAutoscalerBuilder retention(Duration value) {
    retention = once(retention, value, "retention");
    return this;
  }

  /**
   * How far back forecast errors are averaged. Default 48 h.
   *
   * @param value at least one bucket
   * @return this builder
   */
  public PredictiveAutoscalerBuilder errorWindow(Duration value) {
    errorWindow = once(errorWindow, value, "errorWindow");
    return this;
  }

  /**
   * What the forecast is used for. Default {@link PredictiveMode#SCALE_OUT}.
   *
   * @param value the mode
   * @return this builder
   */
  public PredictiveAutoscalerBuilder mode(PredictiveMode value) {
    mode = once(mode, value, "mode");
    return this;
  }

  /**
   * The forecaster. Default {@link SeasonalForecaster#fitted()}.
   *
   * @param value the forecaster
   * @return this builder
   */
  public PredictiveAutoscalerBuilder forecaster(SeasonalForecaster value) {
    forecaster = once(forecaster, value, "forecaster");
    return this;
  }

  /**
   * Validates and builds.
   *
   * @return a new autoscaler with an empty history
   * @throws IllegalStateException when the floor, the bounds or the capacity is not set
   * @throws IllegalArgumentException naming the setting, its value and what is allowed
   */
  public PredictiveAutoscaler build() {
    if (reactive == null || bounds == null || capacityPerReplica == null) {
      throw new IllegalStateException(
          "reactive, bounds and capacityPerReplica are required; missing:"
              + (reactive == null ? " reactive" : "")
              + (bounds == null ? " bounds" : "")
              + (capacityPerReplica == null ? " capacityPerReplica" : ""));
    }
    PredictiveConfig config =
        new PredictiveConfig(
            bounds,
            capacityPerReplica,
            or(targetUtilization, 1.0),
            or(tolerance, PredictiveAutoscaler.DEFAULT_TOLERANCE),
            or(startupTime, Duration.ZERO),
            or(schedulingBuffer, Duration.ZERO),
            or(decisionInterval, Duration.ofSeconds(15)),
            or(refreshInterval, Duration.ofHours(6)),
            or(horizon, Duration.ofHours(48)),
            or(bucket, Duration.ofHours(LoadHistory.DEFAULT_BUCKET_HOURS)),
            or(retention, Duration.ofDays(LoadHistory.DEFAULT_RETENTION_DAYS)),
            or(errorWindow, Duration.ofHours(48)),
            or(mode, PredictiveMode.SCALE_OUT));
    return new PredictiveAutoscaler(reactive, config, or(forecaster, SeasonalForecaster.fitted()));
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
