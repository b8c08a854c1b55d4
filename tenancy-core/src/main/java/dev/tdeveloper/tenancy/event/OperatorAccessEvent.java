package dev.tdeveloper.tenancy.event;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator used a permission in a tenant through an operator grant, not a membership. Immutable
 * and thread-safe.
 *
 * @param principalId the operator
 * @param tenant the tenant accessed
 * @param permission the permission used
 * @param grantReason the reason recorded on the grant
 * @param grantExpiresAt when the grant expires
 * @param at when access was allowed
 */
public record OperatorAccessEvent(
    String principalId,
    TenantId tenant,
    String permission,
    String grantReason,
    Instant grantExpiresAt,
    Instant at)
    implements AccessEvent {
  /** Checks that no field is null. */
  public OperatorAccessEvent {
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(grantReason, "grantReason");
    Objects.requireNonNull(grantExpiresAt, "grantExpiresAt");
    Objects.requireNonNull(at, "at");
  }
}
