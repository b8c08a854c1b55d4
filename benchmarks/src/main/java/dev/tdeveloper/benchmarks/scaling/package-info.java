/**
 * Autoscaling benchmarks for scaling-core: the seeded decision-quality comparison of the predictive
 * autoscaler against the Kubernetes HPA on replayed traces ({@link
 * dev.tdeveloper.benchmarks.scaling.ScalingQualityRun}), and the JMH cost of one {@code decide}.
 */
package dev.tdeveloper.benchmarks.scaling;
