/**
 * Routing to the best available endpoint: {@link dev.tdeveloper.scaling.failover.FailoverRouter}
 * fails over from an unhealthy or ejected primary, fails back after hysteresis, ejects outliers the
 * way Envoy does and falls back to the least-bad endpoint (panic mode) when none is available.
 */
package dev.tdeveloper.scaling.failover;
