package dev.tdeveloper.distribution.spi;

import dev.tdeveloper.distribution.edge.CachedResponse;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A shared cache of responses, partitioned by tenant: the in-process default ({@link
 * dev.tdeveloper.distribution.edge.InMemoryEdgeCache InMemoryEdgeCache}), or a backend in front of
 * a CDN or Redis. Keys, TTLs and surrogate keys come from {@link
 * dev.tdeveloper.distribution.edge.EdgeCachePolicy EdgeCachePolicy}.
 *
 * <p>Contract (checked by {@code EdgeCacheContract} in distribution-testkit):
 *
 * <ul>
 *   <li>Isolation: {@link #get} returns only what the same tenant {@link #put} under the same key;
 *       the same key put by another tenant is another entry.
 *   <li>An entry is served until its TTL runs out, then never again.
 *   <li>{@link #purge} removes the tenant's entries tagged with the surrogate key, and no other
 *       tenant's; {@link #purgeTenant} removes all of the tenant's entries, and no other tenant's.
 *   <li>Capacity is per tenant: filling the cache for one tenant never evicts another's entries. A
 *       cache may decline to store (for example when it holds too many tenants already).
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface EdgeCache {
  /**
   * Stores a response, replacing the tenant's entry under the same key.
   *
   * @param tenant the tenant the response belongs to
   * @param key the cache key (from {@link
   *     dev.tdeveloper.distribution.edge.CacheDirectives#cacheKey()})
   * @param response the response
   * @param ttl how long it may be served, positive
   * @param surrogateKeys the keys it can be purged by
   * @throws IllegalArgumentException if the ttl is not positive
   */
  void put(
      TenantId tenant,
      String key,
      CachedResponse response,
      Duration ttl,
      Set<String> surrogateKeys);

  /**
   * Returns the tenant's fresh entry under {@code key}.
   *
   * @param tenant the tenant asking
   * @param key the cache key
   * @return the response, or empty when absent or expired
   */
  Optional<CachedResponse> get(TenantId tenant, String key);

  /**
   * Removes the tenant's entries tagged with {@code surrogateKey}.
   *
   * @param tenant the tenant whose entries are purged
   * @param surrogateKey the surrogate key
   * @return how many entries were removed (an estimate for backends that cannot tell)
   */
  int purge(TenantId tenant, String surrogateKey);

  /**
   * Removes all of the tenant's entries.
   *
   * @param tenant the tenant
   * @return how many entries were removed (an estimate for backends that cannot tell)
   */
  int purgeTenant(TenantId tenant);
}
