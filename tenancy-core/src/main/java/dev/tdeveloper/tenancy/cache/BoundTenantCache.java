package dev.tdeveloper.tenancy.cache;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link TenantCache} of {@link DefaultTenantScopedCache}: remembers the tenant's slot and, on
 * each operation, checks with one volatile read ({@link TenantSlot#touchAndGet}, {@link
 * TenantSlot#touch()}) that it is still live, looking the tenant up again only when it was dropped
 * (or never existed). A hit thus costs a field read, that check and Caffeine's own read. The
 * remembered slot is a plain field: threads sharing a view may each see an older slot, which is
 * harmless because every slot's cache is a final field (safely published through any reference) and
 * an older slot is always a dropped one, caught by the check. Thread-safe.
 */
final class BoundTenantCache<K, V> implements TenantCache<K, V> {
  private final DefaultTenantScopedCache<K, V> owner;
  private final TenantId tenant;
  private TenantSlot<K, V> slot; // null until the tenant has a cache; see the class comment

  BoundTenantCache(DefaultTenantScopedCache<K, V> owner, TenantId tenant, TenantSlot<K, V> slot) {
    this.owner = owner;
    this.tenant = tenant;
    this.slot = slot;
  }

  @Override
  public TenantId tenant() {
    return tenant;
  }

  @Override
  public Optional<V> getIfPresent(K key) {
    Objects.requireNonNull(key, "key");
    TenantSlot<K, V> live = slot;
    Optional<V> value = live == null ? null : live.touchAndGet(key);
    while (value == null) { // no cache yet, or dropped: find the tenant's current one
      live = owner.currentSlot(tenant);
      if (live == null) {
        return Optional.empty();
      }
      slot = live;
      value = live.touchAndGet(key);
    }
    return value;
  }

  @Override
  public V get(K key, Function<? super K, ? extends V> loader) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(loader, "loader");
    return live().get(key, loader);
  }

  @Override
  public void put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Optional<V> wrapped = Optional.of(value);
    while (!live().putIfLive(key, wrapped)) {
      // The slot was dropped under the write: write again into the tenant's live cache.
    }
  }

  @Override
  public void invalidate(K key) {
    Objects.requireNonNull(key, "key");
    TenantSlot<K, V> live = slot;
    if (live == null || !live.touch()) {
      live = existing();
      if (live == null) {
        return;
      }
    }
    live.cache.invalidate(key);
  }

  @Override
  public String toString() {
    return "TenantCache{tenant=" + tenant + "}";
  }

  /** Returns the tenant's live slot without creating one, remembering it; null if none. */
  private TenantSlot<K, V> existing() {
    TenantSlot<K, V> found = owner.existingSlot(tenant);
    if (found != null) {
      slot = found;
    }
    return found;
  }

  /** Returns the tenant's live slot, creating it if needed, and remembers it. */
  private TenantSlot<K, V> live() {
    TenantSlot<K, V> live = slot;
    if (live == null || !live.touch()) {
      live = owner.slotFor(tenant);
      slot = live;
    }
    return live;
  }
}
