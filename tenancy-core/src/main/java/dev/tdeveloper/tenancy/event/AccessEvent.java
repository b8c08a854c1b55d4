package dev.tdeveloper.tenancy.event;

import java.time.Instant;

/**
 * An event published by {@code dev.tdeveloper.tenancy.access.TenantAccessGuard}; switch on the
 * subtype. All are security-relevant and meant for the audit log. Immutable and thread-safe.
 */
public sealed interface AccessEvent
    permits AccessDeniedEvent,
        OperatorAccessEvent,
        OperatorGrantChangedEvent,
        PlatformAccessDeniedEvent {
  /** Returns the principal the event concerns. */
  String principalId();

  /** Returns when the event happened, by the guard's clock. */
  Instant at();
}
