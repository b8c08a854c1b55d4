package dev.tdeveloper.tenancy.access;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A named set of permissions, such as {@code editor} = {@code notes:read}, {@code notes:write}.
 * Immutable and thread-safe.
 *
 * @param name the role's name, a lowercase token of 1-63 characters of {@code [a-z0-9._-]}
 * @param permissions what the role grants, copied and sorted; may be empty
 */
public record Role(String name, Set<Permission> permissions) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  /**
   * Validates and copies the fields.
   *
   * @throws NullPointerException naming a null field or element
   * @throws IllegalArgumentException if {@code name} is not a role name
   */
  public Role {
    requireName(name);
    Objects.requireNonNull(permissions, "permissions");
    TreeSet<Permission> copy = new TreeSet<>();
    for (Permission permission : permissions) {
      copy.add(Objects.requireNonNull(permission, "permissions element"));
    }
    permissions = Collections.unmodifiableSet(copy);
  }

  /**
   * Returns the role {@code name} granting {@code permissions}.
   *
   * @throws IllegalArgumentException if the name or a permission is invalid
   */
  public static Role of(String name, String... permissions) {
    Objects.requireNonNull(permissions, "permissions");
    return new Role(name, Set.copyOf(Arrays.stream(permissions).map(Permission::of).toList()));
  }

  /** Returns whether this role grants {@code permission}. */
  public boolean grants(Permission permission) {
    return permissions.contains(permission);
  }

  static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "role name must be a token, was "
              + Texts.quote(name)
              + " (allowed: 1-63 characters of a-z, 0-9, '.', '_' and '-', starting with a letter"
              + " or digit)");
    }
    return name;
  }
}
