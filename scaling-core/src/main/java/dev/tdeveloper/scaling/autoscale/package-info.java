/**
 * The autoscaler vocabulary every autoscaler shares: {@link
 * dev.tdeveloper.scaling.autoscale.Autoscaler} turns a {@link
 * dev.tdeveloper.scaling.autoscale.ScalingInput} (replicas, their readiness and metric samples, the
 * workload's own metrics, the time) into a {@link dev.tdeveloper.scaling.autoscale.ScalingDecision}
 * (desired replicas and the reasons).
 */
package dev.tdeveloper.scaling.autoscale;
