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
    return dev.tdeveloper.tenancy.internal.Texts.tenantIdProblem(value);
  }

  private static String describe(char c) {
    return dev.tdeveloper.tenancy.internal.Texts.describe(c);
  }

  /** Quotes untrusted input for an error message: at most 80 characters, non-ASCII escaped. */
  static String quote(String value) {
    return dev.tdeveloper.tenancy.internal.Texts.quote(value);
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
