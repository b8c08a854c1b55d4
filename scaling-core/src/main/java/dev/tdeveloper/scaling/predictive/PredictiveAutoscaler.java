package dev.tdeveloper.scaling.predictive;

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
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Scales out ahead of forecast load, on top of a reactive autoscaler, as EC2 predictive scaling
 * does. At every decision it records the workload's arrival rate ({@link
 * ScalingInput#workload(Metric)} of {@link Metric#REQUESTS_PER_SECOND}) in a {@link LoadHistory},
 * refits a {@link SeasonalForecaster} every refresh interval (6 h by default) from the inputs' own
 * times, and wants {@code ceil(max forecast peak over [t, t + lead] / (capacityPerReplica x
 * targetUtilization))} replicas, where the lead is the startup time plus the scheduling buffer plus
 * one decision interval. As the HPA, it does not add replicas for a forecast within the tolerance:
 * when the current replicas would serve the forecast peak at no more than {@code targetUtilization
 * x (1 + tolerance)}, it wants the current count (the floor scales up at that same point); so noise
 * in the forecast peak neither over-provisions nor makes the count flap. In {@link
 * PredictiveMode#SCALE_OUT} the decision is the larger of that and the reactive decision, so the
 * forecast only ever adds capacity; in {@link PredictiveMode#FORECAST_ONLY} the reactive decision
 * stands. Either way the count is brought into the bounds, and the forecast never goes above the
 * max (EC2's HonorMaxCapacity).
 *
 * <p>Reason codes: {@code predictive.forecast} (the peak, the window and the count), {@code
 * predictive.insufficient-history} (less than a day of complete history: no forecast), {@code
 * predictive.load.missing} (the input had no workload arrival rate; nothing recorded), {@code
 * predictive.reactive} (the floor's count, followed by the floor's own reasons), {@code bounds.max}
 * and {@code bounds.min}.
 *
 * <p>Thread-safe: decisions are serialized on this autoscaler.
 */
public final class PredictiveAutoscaler implements Autoscaler {
  /** This autoscaler's {@link #name()}: {@value}. */
  public static final String NAME = "predictive";

  /** The default tolerance, the HPA's: {@value}. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  /** The fewest (forecast, actual) pairs with a non-zero actual before an error is reported. */
  public static final int MIN_ERROR_PAIRS = 12;

  private final Autoscaler reactive;
  private final PredictiveConfig config;
  private final SeasonalForecaster forecaster;
  private final LoadHistory history;
  private final ErrorTracker errors;
  private final long bucketMillis;
  private final Duration lead;
  private LoadForecast peakForecast;
  private long peakFrom = Long.MIN_VALUE;
  private long peakTo = Long.MIN_VALUE;
  private OptionalDouble peakValue = OptionalDouble.empty();
  private Optional<LoadForecast> forecast = Optional.empty();
  private Instant refreshedAt = Instant.MIN;
  private Instant last;

  PredictiveAutoscaler(
      Autoscaler reactive, PredictiveConfig config, SeasonalForecaster forecaster) {
    this.reactive = reactive;
    this.config = config;
    this.forecaster = forecaster;
    this.history = LoadHistory.of(config.bucket(), config.retention());
    this.bucketMillis = config.bucket().toMillis();
    this.lead = config.lead();
    long windowBuckets = Math.max(1, config.errorWindow().toMillis() / bucketMillis);
    this.errors = new ErrorTracker(windowBuckets, MIN_ERROR_PAIRS);
  }

  /**
   * Starts a builder.
   *
   * @return a builder with the defaults its setters document
   */
  public static PredictiveAutoscalerBuilder builder() {
    return new PredictiveAutoscalerBuilder();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The settings.
   *
   * @return the validated configuration
   */
  public PredictiveConfig config() {
    return config;
  }

  /**
   * Seeds the history with past observations (a replayed trace, or loads kept elsewhere) so the
   * forecast need not wait a day; the forecast is refit at the next decision.
   *
   * @param samples past loads, in any order
   * @return how many were kept (samples older than the retention before the newest are dropped)
   */
  public synchronized int preload(List<LoadSample> samples) {
    List<LoadSample> copy = List.copyOf(samples);
    int kept = 0;
    for (LoadSample s : copy) {
      if (history.record(s.time(), s.value())) {
        kept++;
      }
    }
    forecast = Optional.empty();
    return kept;
  }

  /**
   * The forecast decisions are made from.
   *
   * @return the latest forecast, or empty while the history is too short
   */
  public synchronized Optional<LoadForecast> forecast() {
    return forecast;
  }

  /**
   * The error of the mean-load forecasts against the loads then observed, over the error window.
   *
   * @return the error, or empty with fewer than {@value #MIN_ERROR_PAIRS} pairs whose actual load
   *     is above 0
   */
  public synchronized Optional<ForecastError> forecastError() {
    return errors.error();
  }

  @Override
  public synchronized ScalingDecision decide(ScalingInput input) {
    Instant t = InputOrder.timeOf(input, last);
    ScalingDecision floor = reactive.decide(input);
    last = t;
    OptionalDouble load = input.workload(Metric.REQUESTS_PER_SECOND);
    List<ScalingReason> reasons = new ArrayList<>();
    if (load.isPresent()) {
      history.record(t, load.getAsDouble());
    } else {
      reasons.add(
          ScalingReason.of(
              "predictive.load.missing",
              Metric.REQUESTS_PER_SECOND,
              "no workload arrival rate in the input; nothing recorded"));
    }
    evaluateErrors(t);
    refreshIfDue(t);
    long desired = floor.desiredReplicas();
    Instant to = t.plus(lead);
    OptionalDouble peak = peakOver(t, to);
    if (peak.isPresent()) {
      double perReplica = config.capacityPerReplica() * config.targetUtilization();
      long predictive = (long) Math.ceil(peak.getAsDouble() / perReplica - 1e-9);
      int current = input.currentReplicas();
      boolean tolerated =
          predictive > current
              && peak.getAsDouble() <= current * perReplica * (1 + config.tolerance());
      if (tolerated) {
        predictive = current;
      }
      boolean applied = config.mode() == PredictiveMode.SCALE_OUT && predictive > desired;
      desired = config.mode() == PredictiveMode.SCALE_OUT ? Math.max(desired, predictive) : desired;
      StringBuilder detail =
          new StringBuilder(160)
              .append("peak forecast ")
              .append(twoDecimals(peak.getAsDouble()))
              .append(" req/s over [")
              .append(t)
              .append(", ")
              .append(to)
              .append("] / (capacity ")
              .append(twoDecimals(config.capacityPerReplica()))
              .append(" x target ")
              .append(twoDecimals(config.targetUtilization()))
              .append(") = ")
              .append(predictive)
              .append(" replicas");
      if (tolerated) {
        detail.append(" (the current count, within the tolerance)");
      }
      detail.append(
          config.mode() == PredictiveMode.FORECAST_ONLY
              ? "; forecast only, not applied"
              : applied ? "; above the reactive floor, applied" : "; not above the floor");
      reasons.add(
          ScalingReason.of("predictive.forecast", Metric.REQUESTS_PER_SECOND, detail.toString()));
    } else {
      reasons.add(
          ScalingReason.of(
              "predictive.insufficient-history",
              history.completeSpan(t).toMinutes()
                  + " min of complete history; a forecast needs at least "
                  + SeasonalForecaster.MIN_HISTORY_DAYS
                  + " day"));
    }
    reasons.add(
        ScalingReason.of(
            "predictive.reactive",
            "floor " + reactive.name() + " wants " + floor.desiredReplicas() + " replicas"));
    reasons.addAll(floor.reasons());
    int result = config.bounds().clamp(desired);
    if (result < desired) {
      reasons.add(
          ScalingReason.of(
              "bounds.max", desired + " replicas capped at maxReplicas " + result + " (honored)"));
    } else if (result > desired) {
      reasons.add(
          ScalingReason.of("bounds.min", desired + " replicas raised to minReplicas " + result));
    }
    return new ScalingDecision(t, input.currentReplicas(), result, NAME, reasons);
  }

  /**
   * The forecast's highest peak over {@code [from, to]}, kept while the window covers the same
   * buckets of the same forecast: between refits and bucket boundaries the answer cannot change.
   */
  private OptionalDouble peakOver(Instant from, Instant to) {
    if (forecast.isEmpty()) {
      return OptionalDouble.empty();
    }
    LoadForecast f = forecast.get();
    long origin = f.start().toEpochMilli();
    long a = Math.floorDiv(from.toEpochMilli() - origin, bucketMillis);
    long b = Math.floorDiv(to.toEpochMilli() - origin, bucketMillis);
    if (f != peakForecast || a != peakFrom || b != peakTo) {
      peakValue = f.maxPeak(from, to);
      peakForecast = f;
      peakFrom = a;
      peakTo = b;
    }
    return peakValue;
  }

  /** {@code v} rounded half-up to two decimals, as {@code %.2f} prints it, without a Formatter. */
  static String twoDecimals(double v) {
    if (!Double.isFinite(v) || Math.abs(v) >= 1e15) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    long cents = Math.round(Math.abs(v) * 100);
    long units = cents / 100;
    int rest = (int) (cents % 100);
    return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + units + (rest < 10 ? ".0" : ".") + rest;
  }

  private void evaluateErrors(Instant t) {
    if (forecast.isEmpty()) {
      return;
    }
    LoadForecast f = forecast.get();
    long current = Math.floorDiv(t.toEpochMilli(), bucketMillis);
    long start = Math.floorDiv(f.start().toEpochMilli(), bucketMillis);
    long end = Math.min(current - 1, start + f.size() - 1);
    for (long b = Math.max(errors.lastEvaluated() + 1, start); b <= end; b++) {
      OptionalDouble actual = history.meanAt(Instant.ofEpochMilli(b * bucketMillis));
      if (actual.isPresent()) {
        errors.add(b, f.mean((int) (b - start)), actual.getAsDouble());
      } else {
        errors.skipTo(b);
      }
    }
  }

  private void refreshIfDue(Instant t) {
    boolean due =
        forecast.isEmpty()
            || !t.isBefore(refreshedAt.plus(config.refreshInterval()))
            || forecast.get().end().isBefore(t.plus(lead));
    if (!due || history.completeSpan(t).compareTo(Duration.ofDays(1)) < 0) {
      return;
    }
    LoadSeries series = history.series(t);
    long gap = Math.max(0, (t.toEpochMilli() - series.end().toEpochMilli()) / bucketMillis);
    long ahead = -Math.floorDiv(-config.horizon().toMillis(), bucketMillis);
    forecast = forecaster.forecast(series, (int) Math.min(Integer.MAX_VALUE, gap + ahead));
    refreshedAt = t;
  }
}
