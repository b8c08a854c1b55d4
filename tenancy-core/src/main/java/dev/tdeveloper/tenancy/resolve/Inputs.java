package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenantId;

/** Checks and describes untrusted request values without throwing on the way (no stack traces). */
final class Inputs {
  /** The most characters of an untrusted value quoted in a message. */
  static final int QUOTE_LIMIT = 80;

  private static final String ID_RULE =
      "allowed: 1-63 characters of a-z, 0-9 and '-', not starting or ending with '-'";

  private Inputs() {}

  /**
   * Quotes untrusted input for an error message: at most {@value #QUOTE_LIMIT} characters, anything
   * but printable ASCII escaped as {@code \\uXXXX}, the full length given when truncated.
   */
  static String quote(String value) {
    return dev.tdeveloper.tenancy.internal.Texts.quote(value);
  }

  /** Describes a character for a message: {@code 'c'} when printable ASCII, else {@code U+XXXX}. */
  static String describe(char c) {
    return dev.tdeveloper.tenancy.internal.Texts.describe(c);
  }

  /**
   * Returns {@code value} as a tenant id, or throws {@link TenantResolutionException} naming {@code
   * source}, the quoted value and the rule it broke.
   */
  static TenantId tenantId(String source, String value) {
    String problem = idProblem(value);
    if (problem != null) {
      throw invalidId(source, value, problem);
    }
    return new TenantId(value);
  }

  /** Returns the exception for a value that is not a tenant id, found in {@code source}. */
  static TenantResolutionException invalidId(String source, String value, String problem) {
    return new TenantResolutionException(
        source
            + ": "
            + quote(value)
            + " is not a valid tenant id: "
            + problem
            + " ("
            + ID_RULE
            + ")");
  }

  /** Returns what is wrong with {@code value} as a tenant id, or null when nothing is. */
  static String idProblem(String value) {
    return dev.tdeveloper.tenancy.internal.Texts.tenantIdProblem(value);
  }
}
