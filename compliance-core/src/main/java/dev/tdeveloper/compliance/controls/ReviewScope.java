package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * What one access review covers: the holders of a role in one tenant, or platform-wide when no
 * tenant is given ({@code acme/admin}, {@code platform/operator}). Immutable and thread-safe.
 *
 * @param tenant the tenant, or empty for a platform role
 * @param role the role reviewed, 1 to 128 characters
 */
public record ReviewScope(Optional<TenantId> tenant, String role) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the role is blank, too long, or holds '/' or control
   *     characters
   */
  public ReviewScope {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(role, "role");
    if (role.isBlank()
        || role.length() > 128
        || role.indexOf('/') >= 0
        || role.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "ReviewScope.role must have 1 to 128 characters, no '/' and no control characters");
    }
  }

  /** Returns the scope of {@code role} in {@code tenant}. */
  public static ReviewScope of(TenantId tenant, String role) {
    return new ReviewScope(Optional.of(tenant), role);
  }

  /** Returns the scope of a platform-wide {@code role}. */
  public static ReviewScope platform(String role) {
    return new ReviewScope(Optional.empty(), role);
  }

  /** Returns {@code tenant/role}, or {@code platform/role}; the key evidence names it by. */
  @Override
  public String toString() {
    return tenant.map(TenantId::value).orElse("platform") + "/" + role;
  }
}
