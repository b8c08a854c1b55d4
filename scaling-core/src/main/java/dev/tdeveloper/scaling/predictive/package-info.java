/**
 * Predictive scaling in the manner of EC2 Auto Scaling's predictive policies: a {@link
 * dev.tdeveloper.scaling.predictive.LoadHistory} of bucketed workload load, a double-seasonal
 * Holt-Winters {@link dev.tdeveloper.scaling.predictive.SeasonalForecaster}, and the {@link
 * dev.tdeveloper.scaling.predictive.PredictiveAutoscaler} that scales out ahead of the forecast
 * peak on top of a reactive floor and reports its forecast error.
 */
package dev.tdeveloper.scaling.predictive;
