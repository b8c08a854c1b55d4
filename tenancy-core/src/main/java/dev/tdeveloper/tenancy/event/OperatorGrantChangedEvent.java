package dev.tdeveloper.tenancy.event;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An operator grant was added or revoked. Immutable and thread-safe.
 *
 * @param change what happened
 * @param principalId the operator the grant is for
 * @param tenant the tenant covered, or empty for every tenant
 * @param permissions the permission tokens granted, copied
 * @param reason the reason recorded on the grant
 * @param expiresAt when the grant expires
 * @param at when the change happened
 */
public record OperatorGrantChangedEvent(
    Change change,
    String principalId,
    Optional<TenantId> tenant,
    Set<String> permissions,
    String reason,
    Instant expiresAt,
    Instant at)
    implements AccessEvent {
  /** What happened to the grant. */
  public enum Change {
    /** The grant was added. */
    ADDED,
    /** The grant was revoked before it expired. */
    REVOKED
  }

  /** Checks that no field is null and copies the permissions. */
  public OperatorGrantChangedEvent {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(tenant, "tenant");
    permissions = Set.copyOf(Objects.requireNonNull(permissions, "permissions"));
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(at, "at");
  }
}
