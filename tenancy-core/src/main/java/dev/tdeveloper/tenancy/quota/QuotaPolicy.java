package dev.tdeveloper.tenancy.quota;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How much of one resource a tenant may consume per window: for example 10 000 {@code api-calls}
 * per {@link QuotaPeriod#DAY}. Immutable and thread-safe.
 *
 * @param resource the resource, a lowercase token such as {@code api-calls} or {@code exports.pdf}
 *     (see {@link #requireResource(String)})
 * @param limit the most that may be consumed in one window; at least 1
 * @param period the window length
 */
public record QuotaPolicy(String resource, long limit, QuotaPeriod period) {
  private static final Pattern RESOURCE = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,62}");
  private static final String RESOURCE_RULE =
      "allowed: 1-63 characters of a-z, 0-9, '.', '_', ':' and '-', starting with a letter or"
          + " digit";

  /**
   * Validates the policy.
   *
   * @throws NullPointerException naming the null field
   * @throws IllegalArgumentException naming the invalid field, its value and what is allowed
   */
  public QuotaPolicy {
    requireResource(resource);
    Objects.requireNonNull(period, "period");
    if (limit <= 0) {
      throw new IllegalArgumentException(
          "limit of quota '" + resource + "' must be at least 1, was " + limit);
    }
  }

  /** Returns a policy of {@code limit} units of {@code resource} per {@code period}. */
  public static QuotaPolicy of(String resource, long limit, QuotaPeriod period) {
    return new QuotaPolicy(resource, limit, period);
  }

  /**
   * Checks that {@code resource} is a valid resource token and returns it.
   *
   * @throws NullPointerException if {@code resource} is null
   * @throws IllegalArgumentException if it is blank or not a lowercase token of 1-63 characters of
   *     {@code [a-z0-9._:-]} starting with a letter or digit
   */
  public static String requireResource(String resource) {
    Objects.requireNonNull(resource, "resource");
    if (!RESOURCE.matcher(resource).matches()) {
      throw new IllegalArgumentException(
          "resource must be a token, was " + quote(resource) + " (" + RESOURCE_RULE + ")");
    }
    return resource;
  }

  /** Quotes untrusted input for a message: at most 80 characters, non-printable ASCII escaped. */
  static String quote(String value) {
    return dev.tdeveloper.tenancy.internal.Texts.quote(value);
  }
}
