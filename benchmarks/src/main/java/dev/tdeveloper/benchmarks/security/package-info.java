/** Benchmarks of security-core's hot paths (rate limiting, shielding) against peer libraries. */
package dev.tdeveloper.benchmarks.security;
