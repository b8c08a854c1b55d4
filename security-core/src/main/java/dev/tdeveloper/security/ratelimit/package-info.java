/**
 * Rate limiting by the generic cell rate algorithm (GCRA): exact, lock-free and allocation-free on
 * the hot path, keyed by tenant (or tenant and route), with policies of one or more bandwidths.
 */
package dev.tdeveloper.security.ratelimit;
