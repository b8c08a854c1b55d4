/**
 * Alerts and the {@code AlertRouter}: Alertmanager's semantics for a library — label fingerprints,
 * routing trees by label matchers, grouping with group_wait/group_interval/repeat_interval,
 * inhibition with {@code equal} labels, silences with expiry, resolve timeouts and deduplication.
 */
package dev.tdeveloper.observability.alert;
