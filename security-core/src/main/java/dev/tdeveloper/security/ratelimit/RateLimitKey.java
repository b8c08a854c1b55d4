package dev.tdeveloper.security.ratelimit;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key a web rate limiter counts by: a tenant as a whole, or a tenant on one route (a named
 * group of endpoints, such as {@code export}), so an expensive route can have its own budget
 * without using up the tenant's. Keys of different tenants are never equal, so one tenant can never
 * consume another's permits. Immutable.
 *
 * @param tenant the tenant
 * @param route the route name, if limited per route: 1 to 63 characters of {@code [A-Za-z0-9_-]},
 *     starting with a letter or digit (no dots, so it can be a segment of a setting key)
 */
public record RateLimitKey(TenantId tenant, Optional<String> route) {
  private static final Pattern ROUTE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

  /**
   * Validates the key.
   *
   * @throws IllegalArgumentException if the route name is not of the allowed form
   */
  public RateLimitKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(route, "route");
    if (route.isPresent() && !isValidRoute(route.get())) {
      throw new IllegalArgumentException(
          "route must match [A-Za-z0-9][A-Za-z0-9_-]{0,62}, was '"
              + route.get().substring(0, Math.min(route.get().length(), 80))
              + "'");
    }
  }

  /** Returns the key of {@code tenant} as a whole. */
  public static RateLimitKey of(TenantId tenant) {
    return new RateLimitKey(tenant, Optional.empty());
  }

  /** Returns the key of {@code tenant} on {@code route}. */
  public static RateLimitKey of(TenantId tenant, String route) {
    return new RateLimitKey(tenant, Optional.of(Objects.requireNonNull(route, "route")));
  }

  /** Returns whether {@code route} is an allowed route name. */
  public static boolean isValidRoute(String route) {
    return ROUTE.matcher(Objects.requireNonNull(route, "route")).matches();
  }

  /** Returns {@code tenant} or {@code tenant/route}. */
  @Override
  public String toString() {
    return route.map(r -> tenant.value() + "/" + r).orElse(tenant.value());
  }
}
