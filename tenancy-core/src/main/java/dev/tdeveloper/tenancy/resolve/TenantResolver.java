package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;

/**
 * Finds the tenant a request is for. Returns empty when the request carries no signal this resolver
 * understands, and throws {@link TenantResolutionException} when it carries one that is malformed
 * or forbidden (a bad header value, a reserved subdomain): a malformed signal is never silently
 * ignored.
 *
 * <p>Implementations must be thread-safe; the ones in this package are immutable.
 */
@FunctionalInterface
public interface TenantResolver {
  /**
   * Resolves the tenant of {@code request}.
   *
   * @throws TenantResolutionException if the request carries a malformed or forbidden tenant signal
   */
  Optional<TenantId> resolve(RequestView request);
}
