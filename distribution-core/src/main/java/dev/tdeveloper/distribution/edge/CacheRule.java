package dev.tdeveloper.distribution.edge;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a kind of response may be cached, and by whom. Durations are whole seconds (fractions
 * are dropped), zero to one year.
 *
 * <p>Immutable and thread-safe.
 *
 * @param visibility who may store it
 * @param maxAge {@code max-age}: freshness for browsers (and shared caches without {@code
 *     s-maxage}); ignored for {@link Visibility#NO_STORE}
 * @param sharedMaxAge {@code s-maxage}: freshness in shared caches (the CDN); used for {@link
 *     Visibility#PUBLIC} only
 * @param staleWhileRevalidate {@code stale-while-revalidate}: how long a stale copy may be served
 *     while it is refetched; {@link Visibility#PUBLIC} only, omitted when zero
 * @param staleIfError {@code stale-if-error}: how long a stale copy may be served when the origin
 *     fails; {@link Visibility#PUBLIC} only, omitted when zero
 */
public record CacheRule(
    Visibility visibility,
    Duration maxAge,
    Duration sharedMaxAge,
    Duration staleWhileRevalidate,
    Duration staleIfError) {
  /** The longest duration allowed: one year, the conventional ceiling for {@code max-age}. */
  public static final Duration MAX = Duration.ofDays(365);

  /** Who may store a response. */
  public enum Visibility {
    /** Browsers and shared caches ({@code public}). */
    PUBLIC,
    /** The user's browser only ({@code private}): personalised content. */
    PRIVATE,
    /** Nobody ({@code private, no-store}): sensitive personalised content. */
    NO_STORE
  }

  /**
   * Validates the rule.
   *
   * @throws IllegalArgumentException naming the field, the value and the allowed range
   */
  public CacheRule {
    Objects.requireNonNull(visibility, "visibility");
    check("maxAge", maxAge);
    check("sharedMaxAge", sharedMaxAge);
    check("staleWhileRevalidate", staleWhileRevalidate);
    check("staleIfError", staleIfError);
  }

  /**
   * Returns a rule for content any cache may store.
   *
   * @param maxAge the browser freshness
   * @param sharedMaxAge the shared-cache freshness
   * @return the rule, with no stale-serving windows
   */
  public static CacheRule shared(Duration maxAge, Duration sharedMaxAge) {
    return new CacheRule(Visibility.PUBLIC, maxAge, sharedMaxAge, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Returns a rule for content only the user's browser may store.
   *
   * @param maxAge the browser freshness (zero: revalidate every time)
   * @return the rule
   */
  public static CacheRule privateOnly(Duration maxAge) {
    return new CacheRule(Visibility.PRIVATE, maxAge, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** Returns the rule for content nobody may store. */
  public static CacheRule noStore() {
    return new CacheRule(
        Visibility.NO_STORE, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Returns this rule with a {@code stale-while-revalidate} window.
   *
   * @param window zero to one year
   * @return the new rule
   */
  public CacheRule withStaleWhileRevalidate(Duration window) {
    return new CacheRule(visibility, maxAge, sharedMaxAge, window, staleIfError);
  }

  /**
   * Returns this rule with a {@code stale-if-error} window.
   *
   * @param window zero to one year
   * @return the new rule
   */
  public CacheRule withStaleIfError(Duration window) {
    return new CacheRule(visibility, maxAge, sharedMaxAge, staleWhileRevalidate, window);
  }

  static void check(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          field + " is " + d + "; allowed: zero to " + MAX + " (one year)");
    }
  }
}
