package dev.tdeveloper.tenancy.cache;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.NoTenantBoundException;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * An in-process cache whose entries belong to tenants: a tenant only ever reads, writes, loads or
 * invalidates its own entries, and each tenant has its own size (or weight) budget, so one tenant
 * flooding the cache with keys evicts only its own entries, never another tenant's.
 *
 * <p>Each tenant gets its own bounded Caffeine cache, created on the tenant's first write or load.
 * Isolation is therefore structural (the same key under two tenants lives in two different caches)
 * and a lookup allocates no composite key. The memory bound is {@code tenants × budget}; set {@link
 * TenantScopedCacheBuilder#expireIdleTenantsAfter} to drop the caches of tenants that went quiet.
 *
 * <p>Every operation comes in two forms: with an explicit {@link TenantId}, and for the tenant
 * bound to the current thread by {@link TenantContext}, which throws {@link NoTenantBoundException}
 * when none is bound. Keys and values must not be null and are compared with {@code equals}. Code
 * that performs many operations for one tenant, such as a request handler, should obtain the
 * tenant's view once with {@link #forTenant(TenantId)} (or {@link #forCurrentTenant()}): it skips
 * the per-call tenant lookup and stays correct across drops of the tenant's cache.
 *
 * <p>Implementations are thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TenantScopedCache<K, V> {

  /** Returns a builder; a per-tenant budget must be set before {@code build()}. */
  static TenantScopedCacheBuilder<Object, Object> builder() {
    return new TenantScopedCacheBuilder<>();
  }

  /**
   * Returns {@code tenant}'s value for {@code key}, or empty when it has none.
   *
   * @throws NullPointerException if an argument is null
   */
  Optional<V> getIfPresent(TenantId tenant, K key);

  /**
   * Returns {@code tenant}'s value for {@code key}, loading it with {@code loader} if absent. For a
   * given tenant and key, concurrent callers wait for a single load. The loader must not access
   * this cache for the same tenant; its exceptions propagate and nothing is cached.
   *
   * @throws NullPointerException if an argument is null, or if the loader returns null
   */
  V get(TenantId tenant, K key, Function<? super K, ? extends V> loader);

  /**
   * Associates {@code value} with {@code key} for {@code tenant}, replacing any previous value of
   * that tenant only.
   *
   * @throws NullPointerException if an argument is null
   */
  void put(TenantId tenant, K key, V value);

  /**
   * Removes {@code tenant}'s value for {@code key}, if any.
   *
   * @throws NullPointerException if an argument is null
   */
  void invalidate(TenantId tenant, K key);

  /**
   * Returns {@code tenant}'s view of this cache, which reads and writes the same entries as this
   * cache's operations for {@code tenant} without a tenant lookup per call. Creates no cache for
   * the tenant by itself; see {@link TenantCache} for its lifetime rules.
   *
   * @throws NullPointerException if {@code tenant} is null
   */
  TenantCache<K, V> forTenant(TenantId tenant);

  /**
   * Drops every entry of {@code tenant}, together with its cache and statistics; other tenants are
   * untouched. Publishes {@link TenantCacheEvent.Dropped} if the tenant had a cache. Once this
   * returns, no view of {@code tenant} returns a dropped entry.
   *
   * @throws NullPointerException if {@code tenant} is null
   */
  void invalidateTenant(TenantId tenant);

  /**
   * Returns the approximate number of entries {@code tenant} holds, 0 if it has no cache. Does not
   * count as an access of the tenant.
   *
   * @throws NullPointerException if {@code tenant} is null
   */
  long estimatedSize(TenantId tenant);

  /**
   * Returns {@code tenant}'s hit, miss, load and eviction counts since its cache was created; all
   * zero when the tenant has no cache or statistics are off (see {@link
   * TenantScopedCacheBuilder#recordStats()}). Does not count as an access of the tenant.
   *
   * @throws NullPointerException if {@code tenant} is null
   */
  CacheStats stats(TenantId tenant);

  /**
   * Performs pending maintenance now: evicts and expires entries of every tenant and drops the
   * caches of idle tenants. Maintenance otherwise happens as a side effect of normal use.
   */
  void cleanUp();

  /**
   * Returns the view of the tenant bound to the current thread; the view keeps that tenant even if
   * the binding later changes.
   *
   * @throws NoTenantBoundException if no tenant is bound to the current thread
   */
  default TenantCache<K, V> forCurrentTenant() {
    return forTenant(TenantContext.require());
  }

  /**
   * Returns the current tenant's value for {@code key}, or empty.
   *
   * @throws NoTenantBoundException if no tenant is bound to the current thread
   * @throws NullPointerException if {@code key} is null
   */
  default Optional<V> getIfPresent(K key) {
    return getIfPresent(TenantContext.require(), key);
  }

  /**
   * Returns the current tenant's value for {@code key}, loading it if absent; see {@link
   * #get(TenantId, Object, Function)}.
   *
   * @throws NoTenantBoundException if no tenant is bound to the current thread
   * @throws NullPointerException if an argument is null, or if the loader returns null
   */
  default V get(K key, Function<? super K, ? extends V> loader) {
    return get(TenantContext.require(), key, loader);
  }

  /**
   * Associates {@code value} with {@code key} for the current tenant.
   *
   * @throws NoTenantBoundException if no tenant is bound to the current thread
   * @throws NullPointerException if an argument is null
   */
  default void put(K key, V value) {
    put(TenantContext.require(), key, value);
  }

  /**
   * Removes the current tenant's value for {@code key}, if any.
   *
   * @throws NoTenantBoundException if no tenant is bound to the current thread
   * @throws NullPointerException if {@code key} is null
   */
  default void invalidate(K key) {
    invalidate(TenantContext.require(), key);
  }
}
