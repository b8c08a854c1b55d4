/**
 * Load test of the demo: starts it in a child JVM (full filter chain, and bare for the chain's
 * overhead), provisions tenants through its admin API and drives it at a constant rate with a
 * coordinated-omission-corrected generator (and Debian's {@code wrk} for raw throughput), then
 * writes JSON and HTML reports. Entry point: {@link dev.tdeveloper.benchmarks.load.LoadTest}.
 */
package dev.tdeveloper.benchmarks.load;
