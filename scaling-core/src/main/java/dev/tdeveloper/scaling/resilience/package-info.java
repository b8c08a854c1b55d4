/**
 * Failsafe policies per downstream dependency, optionally per tenant: {@link
 * dev.tdeveloper.scaling.resilience.DependencyPolicies} turns {@link
 * dev.tdeveloper.scaling.resilience.DependencyPolicy} configurations into ready {@link
 * dev.tdeveloper.scaling.resilience.ResilientCall}s (circuit breaker, retry with jitter, timeout,
 * bulkhead, fallback) and reports breaker transitions, exhausted retries and full bulkheads.
 */
package dev.tdeveloper.scaling.resilience;
