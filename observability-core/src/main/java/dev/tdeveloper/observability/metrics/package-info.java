/**
 * Business metrics defined by the application (per-tenant counters and gauges such as signups or
 * revenue) under a cardinality guard that keeps the top tenants' own series and folds the rest into
 * {@code other}, exportable as a JSON snapshot.
 */
package dev.tdeveloper.observability.metrics;
