/**
 * The OpenTelemetry tracing bridge: tenant id as baggage and span attribute, spans around servlet
 * filters, and context propagation over {@code TenantContext} executors.
 */
package dev.tdeveloper.observability.otel;
