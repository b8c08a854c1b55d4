/**
 * Benchmarks of scaling-core: the seeded decision-quality comparison of the predictive autoscaler
 * against the Kubernetes HPA on replayed traces, next to an oracle reactive floor and split by
 * recurring and unannounced load steps ({@link
 * dev.tdeveloper.benchmarks.scaling.ScalingQualityRun}), the JMH cost of one {@code decide}, and
 * the per-dependency resilience wrapper against raw Failsafe and Resilience4j.
 */
package dev.tdeveloper.benchmarks.scaling;
