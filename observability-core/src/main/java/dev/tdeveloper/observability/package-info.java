/**
 * Observability for a multi-tenant service: {@link dev.tdeveloper.observability.Labels} (the label
 * sets alerts and metrics are identified by) and the module's root exception. SLOs and burn-rate
 * alerts live in {@code slo}, Alertmanager-style routing in {@code alert}, incident correlation in
 * {@code incident}, escalation and on-call in {@code escalation}, delivery in {@code notify},
 * business metrics in {@code metrics}, and what a backend implements in {@code spi}.
 */
package dev.tdeveloper.observability;
