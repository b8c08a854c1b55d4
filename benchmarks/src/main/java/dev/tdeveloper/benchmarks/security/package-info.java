/**
 * Benchmarks of security-core's hot paths (rate limiting, shielding, PII scanning) against peer
 * libraries and baselines.
 */
package dev.tdeveloper.benchmarks.security;
