/**
 * Benchmarks of security-core's WAF: whole transactions through the full OWASP CRS 3.3.4 at
 * paranoia level 1, the CRS load, and the {@code @pm} phrase automaton against a naive baseline.
 * The same requests drive the libmodsecurity3 peer in {@code benchmarks/peer/modsecurity}.
 */
package dev.tdeveloper.benchmarks.waf;
