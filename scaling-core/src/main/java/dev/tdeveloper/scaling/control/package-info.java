/**
 * Running an autoscaler for real: {@link dev.tdeveloper.scaling.control.ScalingController} drives a
 * {@link dev.tdeveloper.scaling.spi.ScalingBackend} with an {@link
 * dev.tdeveloper.scaling.autoscale.Autoscaler} on a schedule, publishes {@link
 * dev.tdeveloper.scaling.control.ScalingEvent}s and raises {@link
 * dev.tdeveloper.scaling.control.ScalingAlerts} (stuck at max, flapping, metrics missing).
 */
package dev.tdeveloper.scaling.control;
