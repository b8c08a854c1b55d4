/**
 * Implementation detail of the alert router that users must not depend on: the in-memory and
 * local-file {@link dev.tdeveloper.observability.spi.AlertStateStore}s, their providers and the
 * JSON codec of the persisted state.
 */
package dev.tdeveloper.observability.alert.internal;
