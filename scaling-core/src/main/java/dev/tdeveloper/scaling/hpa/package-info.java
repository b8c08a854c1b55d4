/**
 * Target tracking with the Kubernetes Horizontal Pod Autoscaler semantics: {@link
 * dev.tdeveloper.scaling.hpa.TargetTrackingAutoscaler} computes a usage ratio per {@link
 * dev.tdeveloper.scaling.hpa.MetricTarget}, then stabilizes and rate-limits the proposal with a
 * {@link dev.tdeveloper.scaling.hpa.ScalingBehavior} exactly as the HPA controller does.
 */
package dev.tdeveloper.scaling.hpa;
