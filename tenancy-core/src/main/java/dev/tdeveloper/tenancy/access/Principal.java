package dev.tdeveloper.tenancy.access;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who is acting: a user or service account, the roles it holds in each tenant it belongs to, and
 * the roles it holds on the platform itself (operator consoles, admin APIs, dashboards: nothing
 * inside a tenant). Usually built per request from an authenticated token. Membership of a tenant
 * with no roles counts as membership (a denial is then a missing permission, not cross-tenant
 * access). Platform roles never open a tenant's data: that takes membership or an {@link
 * OperatorGrant}. Immutable and thread-safe.
 *
 * @param id the principal's identifier, 1-256 characters without control characters
 * @param memberships the role names held in each tenant, deep-copied
 * @param platformRoles the role names held on the platform, checked by {@link
 *     TenantAccessGuard#checkPlatform}; copied
 */
public record Principal(
    String id, Map<TenantId, Set<String>> memberships, Set<String> platformRoles) {
  /**
   * Validates and copies the fields.
   *
   * @throws NullPointerException naming a null field, key or element
   * @throws IllegalArgumentException if {@code id} or a role name is invalid
   */
  public Principal {
    Texts.requireText("id", id, 256);
    Objects.requireNonNull(memberships, "memberships");
    TreeMap<TenantId, Set<String>> copy = new TreeMap<>();
    memberships.forEach(
        (tenant, roles) -> {
          Objects.requireNonNull(tenant, "memberships key");
          Objects.requireNonNull(roles, "memberships value of " + tenant);
          TreeSet<String> names = new TreeSet<>();
          for (String role : roles) {
            names.add(Role.requireName(role));
          }
          copy.put(tenant, Collections.unmodifiableSet(names));
        });
    memberships = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(platformRoles, "platformRoles");
    TreeSet<String> platform = new TreeSet<>();
    for (String role : platformRoles) {
      platform.add(Role.requireName(Objects.requireNonNull(role, "platformRoles element")));
    }
    platformRoles = Collections.unmodifiableSet(platform);
  }

  /** Creates a principal that holds no platform role. */
  public Principal(String id, Map<TenantId, Set<String>> memberships) {
    this(id, memberships, Set.of());
  }

  /**
   * Returns an operator of the platform: {@code roles} on the platform, member of no tenant.
   *
   * @throws IllegalArgumentException if {@code id} or a role name is invalid
   */
  public static Principal operator(String id, String... roles) {
    Objects.requireNonNull(roles, "roles");
    return new Principal(id, Map.of(), Set.copyOf(Arrays.asList(roles)));
  }

  /** Returns a principal holding {@code roles} in {@code tenant} only. */
  public static Principal member(String id, TenantId tenant, String... roles) {
    Objects.requireNonNull(roles, "roles");
    return new Principal(id, Map.of(tenant, Set.copyOf(Arrays.asList(roles))));
  }

  /** Returns whether the principal belongs to {@code tenant}. */
  public boolean isMemberOf(TenantId tenant) {
    return memberships.containsKey(Objects.requireNonNull(tenant, "tenant"));
  }

  /** Returns the role names held in {@code tenant}; empty if not a member. */
  public Set<String> rolesIn(TenantId tenant) {
    return memberships.getOrDefault(Objects.requireNonNull(tenant, "tenant"), Set.of());
  }
}
