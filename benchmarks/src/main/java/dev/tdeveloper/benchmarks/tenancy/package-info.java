/**
 * JMH benchmarks of tenancy-core hot paths. Methods named {@code tdeveloper*} measure our code; the
 * others are peers or baselines, compared by {@link dev.tdeveloper.benchmarks.report.RatioReport}.
 */
package dev.tdeveloper.benchmarks.tenancy;
