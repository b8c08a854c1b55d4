/**
 * Benchmarks of observability-core: SLI recording next to a Micrometer counter, burn-rate
 * evaluation, alert routing.
 */
package dev.tdeveloper.benchmarks.observability;
