package dev.tdeveloper.tenancy.cache;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;
import java.util.function.Function;

/**
 * One tenant's view of a {@link TenantScopedCache}, obtained with {@link
 * TenantScopedCache#forTenant(TenantId)}: the same entries, budget and statistics as the cache's
 * operations for {@link #tenant()}, without looking the tenant up on every call. A request handler
 * obtains it once, for instance right after the tenant filter bound the tenant, and uses it for all
 * the request's cache operations; a hit then costs little more than a raw Caffeine hit.
 *
 * <p>A view can only ever reach its own tenant's entries. It holds no entries itself and stays
 * usable for the cache's whole lifetime: when the tenant's cache is dropped ({@link
 * TenantScopedCache#invalidateTenant} or idle expiry), the view notices on its next operation (one
 * volatile read) and moves to the tenant's current cache, or to a new one on the next write or
 * load. Once a drop has completed, a view never returns a dropped entry, and a write made through
 * it is visible through the cache, as if made with {@link TenantScopedCache#put(TenantId, Object,
 * Object)}. An operation racing with a drop behaves as that operation on the cache would: a read
 * may still see the dropped entry, a put is never lost (it is repeated on the new cache if the old
 * one was dropped under it), and a load returns its value but may leave it uncached. Views are
 * meant to be short-lived, such as one request: between a drop and its next operation, a view keeps
 * the dropped (emptied) Caffeine cache reachable.
 *
 * <p>Every access through a view counts as an access of the tenant for idle expiry. Keys and values
 * must not be null. Thread-safe: a view may be shared between threads.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TenantCache<K, V> {

  /** Returns the tenant this view reads and writes. */
  TenantId tenant();

  /**
   * Returns the tenant's value for {@code key}, or empty when it has none.
   *
   * @throws NullPointerException if {@code key} is null
   */
  Optional<V> getIfPresent(K key);

  /**
   * Returns the tenant's value for {@code key}, loading it with {@code loader} if absent; see
   * {@link TenantScopedCache#get(TenantId, Object, Function)}.
   *
   * @throws NullPointerException if an argument is null, or if the loader returns null
   */
  V get(K key, Function<? super K, ? extends V> loader);

  /**
   * Associates {@code value} with {@code key} for the tenant, replacing any previous value.
   *
   * @throws NullPointerException if an argument is null
   */
  void put(K key, V value);

  /**
   * Removes the tenant's value for {@code key}, if any.
   *
   * @throws NullPointerException if {@code key} is null
   */
  void invalidate(K key);
}
