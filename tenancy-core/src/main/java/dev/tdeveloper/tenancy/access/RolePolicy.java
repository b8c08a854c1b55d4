package dev.tdeveloper.tenancy.access;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which permissions each role grants. A principal's role that the policy does not define grants
 * nothing, so roles issued by an identity provider never widen access by accident. Immutable and
 * thread-safe; build one with {@link #builder()}.
 */
public final class RolePolicy {
  private final Map<String, Role> roles;

  private RolePolicy(Map<String, Role> roles) {
    this.roles = roles;
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the role named {@code name}, if defined. */
  public Optional<Role> role(String name) {
    return Optional.ofNullable(roles.get(Objects.requireNonNull(name, "name")));
  }

  /** Returns every defined role, by name. */
  public Map<String, Role> roles() {
    return roles;
  }

  /** Returns whether any of {@code roleNames} is defined and grants {@code permission}. */
  public boolean grants(Collection<String> roleNames, Permission permission) {
    Objects.requireNonNull(roleNames, "roleNames");
    Objects.requireNonNull(permission, "permission");
    for (String name : roleNames) {
      Role role = roles.get(name);
      if (role != null && role.grants(permission)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "RolePolicy" + roles.values();
  }

  /** Collects roles; each name may be defined once. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Role> roles = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Defines a role.
     *
     * @throws IllegalStateException if a role of that name is already defined
     */
    public Builder role(Role role) {
      Objects.requireNonNull(role, "role");
      if (roles.containsKey(role.name())) {
        throw new IllegalStateException("role '" + role.name() + "' is already defined");
      }
      roles.put(role.name(), role);
      return this;
    }

    /**
     * Defines role {@code name} granting {@code permissions}.
     *
     * @throws IllegalArgumentException if the name or a permission is invalid
     * @throws IllegalStateException if a role of that name is already defined
     */
    public Builder role(String name, String... permissions) {
      return role(Role.of(name, permissions));
    }

    /** Builds the policy; the builder may be reused without affecting it. */
    public RolePolicy build() {
      return new RolePolicy(Collections.unmodifiableMap(new TreeMap<>(roles)));
    }
  }
}
