package dev.tdeveloper.tenancy.event;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A principal was refused a permission in a tenant. Immutable and thread-safe.
 *
 * @param principalId the refused principal
 * @param tenant the tenant
 * @param permission the refused permission token
 * @param reason why it was refused
 * @param at when
 */
public record AccessDeniedEvent(
    String principalId, TenantId tenant, String permission, Reason reason, Instant at)
    implements AccessEvent {
  /** Why access was refused. */
  public enum Reason {
    /** The principal does not belong to the tenant and holds no live operator grant for it. */
    CROSS_TENANT,
    /** The principal belongs to the tenant but none of its roles grants the permission. */
    MISSING_PERMISSION
  }

  /** Checks that no field is null. */
  public AccessDeniedEvent {
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
