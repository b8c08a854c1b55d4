package dev.tdeveloper.tenancy.event;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;

/**
 * An event published by {@code dev.tdeveloper.tenancy.quota.QuotaEnforcer}; switch on the subtype.
 * Immutable and thread-safe.
 */
public sealed interface QuotaEvent permits QuotaExhaustedEvent, QuotaThresholdEvent {
  /** Returns the tenant whose quota the event concerns. */
  TenantId tenant();

  /** Returns the resource. */
  String resource();

  /** Returns when the event happened, by the enforcer's clock. */
  Instant at();
}
