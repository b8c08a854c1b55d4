package dev.tdeveloper.scaling.predictive;

/** What a {@link PredictiveAutoscaler} does with its forecast (EC2's predictive scaling modes). */
public enum PredictiveMode {
  /**
   * The decision is the larger of the predictive and the reactive counts, so the forecast only ever
   * adds capacity (EC2's ForecastAndScale). The default.
   */
  SCALE_OUT,
  /**
   * The reactive floor decides; the forecast and its error are still computed and reported, to
   * judge the forecast before trusting it (EC2's ForecastOnly).
   */
  FORECAST_ONLY
}
