/**
 * Benchmarks of scaling-core's hot paths (the per-dependency resilience wrapper, autoscaler
 * decisions) against peer libraries and baselines.
 */
package dev.tdeveloper.benchmarks.scaling;
