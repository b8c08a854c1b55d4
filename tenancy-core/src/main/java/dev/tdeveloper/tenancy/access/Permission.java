package dev.tdeveloper.tenancy.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a principal may do, named by a token of colon-separated segments such as {@code
 * notes:read} or {@code billing:invoices:export}. Permissions are compared exactly; there are no
 * wildcards, so a role grants only what it lists. Immutable and thread-safe.
 *
 * @param value the token: 1-{@value #MAX_LENGTH} characters, segments of {@code [a-z0-9_.-]}
 *     starting with a letter or digit, separated by single colons
 */
public record Permission(String value) implements Comparable<Permission> {
  /** The longest permission allowed, in characters: {@value}. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern TOKEN =
      Pattern.compile("[a-z0-9][a-z0-9_.-]*(:[a-z0-9][a-z0-9_.-]*)*");

  /**
   * Validates the token.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is not a permission token, naming the value and the rule
   */
  public Permission {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH || !TOKEN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "permission must be a token like 'notes:read', was "
              + Texts.quote(value)
              + " (allowed: 1-128 characters, colon-separated segments of a-z, 0-9, '_', '.' and"
              + " '-', each starting with a letter or digit)");
    }
  }

  /** Returns the permission named {@code value}. */
  public static Permission of(String value) {
    return new Permission(value);
  }

  @Override
  public int compareTo(Permission other) {
    return value.compareTo(other.value);
  }

  /** Returns the token itself. */
  @Override
  public String toString() {
    return value;
  }
}
