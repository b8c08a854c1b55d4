/**
 * Service level objectives: {@code Slo} definitions (in code or {@code slos.yaml}), the {@code
 * SliRecorder} with a fixed ring of buckets per SLO and tenant, {@code ErrorBudget}s, and the
 * multi-window multi-burn-rate alerts of the SRE workbook as Sloth and Pyrra generate them.
 */
package dev.tdeveloper.observability.slo;
