package dev.tdeveloper.tenancy.access;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Explicit access for an operator (support engineer, SRE) to a tenant it does not belong to: which
 * permissions, in which tenant (or all), why, and until when. Grants always expire, and every use
 * is published as an {@link dev.tdeveloper.tenancy.event.OperatorAccessEvent} for the audit log.
 * Immutable and thread-safe; equal grants are the same grant.
 *
 * @param principalId the operator's principal id
 * @param tenant the tenant the grant covers, or empty for every tenant
 * @param permissions what the grant allows; at least one
 * @param reason why access is needed (a ticket or incident reference), 1-1000 characters
 * @param expiresAt when the grant stops working, exclusive
 */
public record OperatorGrant(
    String principalId,
    Optional<TenantId> tenant,
    Set<Permission> permissions,
    String reason,
    Instant expiresAt) {
  /**
   * Validates and copies the fields.
   *
   * @throws NullPointerException naming a null field or element
   * @throws IllegalArgumentException if {@code principalId} or {@code reason} is blank or too long,
   *     or {@code permissions} is empty
   */
  public OperatorGrant {
    Texts.requireText("principalId", principalId, 256);
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(permissions, "permissions");
    Texts.requireText("reason", reason, 1_000);
    Objects.requireNonNull(expiresAt, "expiresAt");
    TreeSet<Permission> copy = new TreeSet<>();
    for (Permission permission : permissions) {
      copy.add(Objects.requireNonNull(permission, "permissions element"));
    }
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(
          "permissions of the operator grant to '" + principalId + "' must not be empty");
    }
    permissions = Collections.unmodifiableSet(copy);
  }

  /** Returns a grant of {@code permissions} in {@code tenant}. */
  public static OperatorGrant forTenant(
      String principalId,
      TenantId tenant,
      Set<Permission> permissions,
      String reason,
      Instant expiresAt) {
    Objects.requireNonNull(tenant, "tenant");
    return new OperatorGrant(principalId, Optional.of(tenant), permissions, reason, expiresAt);
  }

  /** Returns a grant of {@code permissions} in every tenant. */
  public static OperatorGrant forAllTenants(
      String principalId, Set<Permission> permissions, String reason, Instant expiresAt) {
    return new OperatorGrant(principalId, Optional.empty(), permissions, reason, expiresAt);
  }

  /** Returns whether the grant is still in force at {@code now}. */
  public boolean isLiveAt(Instant now) {
    return expiresAt.isAfter(now);
  }

  /** Returns whether the grant covers {@code permission} in {@code tenant}, ignoring expiry. */
  public boolean covers(TenantId tenant, Permission permission) {
    return (this.tenant.isEmpty() || this.tenant.get().equals(tenant))
        && permissions.contains(permission);
  }
}
