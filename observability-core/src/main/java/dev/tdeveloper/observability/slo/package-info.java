/**
 * Service level objectives: {@link dev.tdeveloper.observability.slo.Slo} definitions (in code or
 * {@code slos.yaml} through {@link dev.tdeveloper.observability.slo.SloConfigLoader}), the {@link
 * dev.tdeveloper.observability.slo.SliRecorder} with fixed rings of minute and hour buckets per SLO
 * and tenant, {@link dev.tdeveloper.observability.slo.ErrorBudget}s and burn rates over any window,
 * and the multi-window multi-burn-rate alerts of the SRE workbook as Sloth and Pyrra generate them,
 * evaluated by the {@link dev.tdeveloper.observability.slo.BurnRateEvaluator}.
 */
package dev.tdeveloper.observability.slo;
