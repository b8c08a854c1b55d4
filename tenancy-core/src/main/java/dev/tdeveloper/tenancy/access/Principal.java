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
 * Who is acting: a user or service account, and the roles it holds in each tenant it belongs to.
 * Usually built per request from an authenticated token. Membership of a tenant with no roles
 * counts as membership (a denial is then a missing permission, not cross-tenant access). Immutable
 * and thread-safe.
 *
 * @param id the principal's identifier, 1-256 characters without control characters
 * @param memberships the role names held in each tenant, deep-copied
 */
public record Principal(String id, Map<TenantId, Set<String>> memberships) {
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
