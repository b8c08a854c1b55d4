/**
 * What a platform implements so the autoscalers can drive it: {@link
 * dev.tdeveloper.scaling.spi.ScalingBackend} (the replicas of one workload, their samples, and
 * setting the desired count), as Kubernetes' scale subresource or an AWS Auto Scaling group would.
 * The default is the simulated cluster in {@code dev.tdeveloper.scaling.simulation}.
 */
package dev.tdeveloper.scaling.spi;
