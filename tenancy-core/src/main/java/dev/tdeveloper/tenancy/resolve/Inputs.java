package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

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

  /**
   * Returns the one tenant named by a signal that was sent several times ({@code lines}, each
   * possibly holding comma-separated values, each value cleaned by {@code trim}), or throws {@link
   * TenantResolutionException} if any value is not a tenant id or the values differ. A repeated
   * signal with different values is refused rather than read as its first value, because another
   * component (a proxy, the application) may read a different one.
   */
  static TenantId single(String source, List<String> lines, UnaryOperator<String> trim) {
    List<String> values = new ArrayList<>();
    for (String line : lines) {
      for (String value : line.split(",", -1)) {
        values.add(trim.apply(value));
      }
    }
    TenantId first = tenantId(source, values.get(0));
    for (String value : values.subList(1, values.size())) {
      if (!value.equals(first.value())) {
        String problem = idProblem(value);
        if (problem != null) {
          throw invalidId(source, value, problem);
        }
        throw new TenantResolutionException(
            source
                + " is repeated with different tenants: "
                + quote(first.value())
                + " and "
                + quote(value)
                + " (a repeated tenant signal is accepted only when every value is the same)");
      }
    }
    return first;
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
