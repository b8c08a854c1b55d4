package dev.tdeveloper.tenancy;

import java.util.Objects;

/**
 * The identifier of a tenant: a lowercase DNS label of 1 to {@value #MAX_LENGTH} characters from
 * {@code [a-z0-9-]} that neither starts nor ends with {@code -}. Being a DNS label, it can be used
 * as a subdomain, a schema name suffix, a cache namespace or a file name without escaping.
 *
 * <p>Immutable and thread-safe. Instances are compared by value.
 *
 * @param value the validated identifier
 */
public record TenantId(String value) implements Comparable<TenantId> {
  /** The longest identifier allowed, in characters: the DNS label limit. */
  public static final int MAX_LENGTH = 63;

  /**
   * Validates and wraps an identifier.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is not a lowercase DNS label; the message
   *     names the offending input (truncated and escaped) and the rule it broke
   */
  public TenantId {
    Objects.requireNonNull(value, "value");
    String problem = problemWith(value);
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid tenant id " + quote(value) + ": " + problem + " (" + RULE + ")");
    }
  }

  private static final String RULE =
      "allowed: 1-63 characters of a-z, 0-9 and '-', not starting or ending with '-'";

  /**
   * Returns the tenant id for {@code value}.
   *
   * @throws IllegalArgumentException if {@code value} is not a valid tenant id
   */
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  /** Returns whether {@code value} is a valid tenant id, without throwing. */
  public static boolean isValid(String value) {
    return value != null && problemWith(value) == null;
  }

  /** Returns what is wrong with {@code value}, or null when it is a valid id. */
  private static String problemWith(String value) {
    int length = value.length();
    if (length == 0) {
      return "it is empty";
    }
    if (length > MAX_LENGTH) {
      return "it is " + length + " characters long";
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        return "character "
            + describe(c)
            + " at index "
            + i
            + (c >= 'A' && c <= 'Z' ? " is upper case" : " is not allowed");
      }
    }
    if (value.charAt(0) == '-') {
      return "it starts with '-'";
    }
    if (value.charAt(length - 1) == '-') {
      return "it ends with '-'";
    }
    return null;
  }

  private static String describe(char c) {
    if (c >= 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }

  /** Quotes untrusted input for an error message: at most 80 characters, non-ASCII escaped. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("'");
    int limit = Math.min(value.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\'') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append('\'');
    if (value.length() > limit) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }

  @Override
  public int compareTo(TenantId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier itself, so ids print naturally in messages and logs. */
  @Override
  public String toString() {
    return value;
  }
}
