package dev.tdeveloper.tenancy.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent.DropReason;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One bounded Caffeine cache per tenant, held in a {@link ConcurrentHashMap} and created on the
 * tenant's first write or load. The map is keyed by the tenant id's string, not the {@link
 * TenantId}: the string's hash is cached and, as Caffeine's own map lookups share {@code
 * ConcurrentHashMap.get}'s type profile, String keys keep that profile monomorphic for the most
 * common cache key type (in our benchmark, a hit took about half the time it took with {@code
 * TenantId} keys). A read is one map lookup plus Caffeine's own read, with no allocation: values
 * are stored wrapped in the {@link Optional} that {@link #getIfPresent} returns (16 bytes per
 * entry), because Caffeine's read path is too large for the JIT to inline ours into the caller and
 * remove a fresh {@code Optional} per hit. Idle tenants are tracked with a per-tenant state that a
 * read writes only if a sweep has cleared its "touched" mark, so the hot path stays one volatile
 * read (which also tells whether the tenant records statistics, sparing a second check); a sweep
 * (on tenant creation, at most every quarter of the idle duration, and on {@link #cleanUp()})
 * records the sweep time for touched tenants and drops those untouched for the idle duration.
 * Caffeine's own expire-after-access was not used for tenants because it reads the clock and
 * records the access on every read. A dropped slot is removed from the map first and then marked
 * dropped in that same state, which is what lets a {@link TenantCache} view (and an operation that
 * looked the slot up just before the drop) detect the drop with the read it already makes, look the
 * tenant up again, and repeat a put that landed in the dropped cache. Thread-safe.
 */
final class DefaultTenantScopedCache<K, V> implements TenantScopedCache<K, V> {
  private final ConcurrentHashMap<String, TenantSlot<K, V>> slots = new ConcurrentHashMap<>();
  private final long maximumEntries;
  private final long maximumWeight;
  private final Weigher<? super K, ? super V> weigher;
  private final Duration expireAfterWrite;
  private final long idleNanos;
  private final long sweepIntervalNanos;
  private final Ticker ticker;
  private final com.github.benmanes.caffeine.cache.Ticker caffeineTicker;
  private final Executor executor;
  private final boolean recordStats;
  private final Listeners<TenantCacheEvent> listeners;
  private final ReentrantLock sweepLock = new ReentrantLock();
  private long lastSweepNanos; // guarded by sweepLock

  DefaultTenantScopedCache(TenantScopedCacheBuilder<K, V> builder) {
    maximumEntries = builder.maximumEntries;
    maximumWeight = builder.maximumWeight;
    weigher = builder.weigher;
    expireAfterWrite = builder.expireAfterWrite;
    Duration idle = builder.expireIdleTenantsAfter;
    idleNanos = idle == null ? 0 : saturatedNanos(idle);
    sweepIntervalNanos = Math.max(1, idleNanos / 4);
    ticker = builder.ticker == null ? Ticker.system() : builder.ticker;
    caffeineTicker = ticker::read;
    executor = builder.executor == null ? ForkJoinPool.commonPool() : builder.executor;
    recordStats = builder.recordStats;
    listeners = builder.listeners;
    lastSweepNanos = idleNanos > 0 ? ticker.read() : 0;
  }

  @Override
  public Optional<V> getIfPresent(TenantId tenant, K key) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    TenantSlot<K, V> slot = slots.get(tenant.value());
    Optional<V> value = slot == null ? null : slot.touchAndGet(key);
    return value == null ? Optional.empty() : value; // null: none, or dropped since the lookup
  }

  @Override
  public V get(TenantId tenant, K key, Function<? super K, ? extends V> loader) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(loader, "loader");
    return slotFor(tenant).get(key, loader);
  }

  @Override
  public void put(TenantId tenant, K key, V value) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Optional<V> wrapped = Optional.of(value);
    while (!slotFor(tenant).putIfLive(key, wrapped)) {
      // The slot was dropped under the write: write again into the tenant's live cache.
    }
  }

  @Override
  public void invalidate(TenantId tenant, K key) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    TenantSlot<K, V> slot = existingSlot(tenant);
    if (slot != null) {
      slot.cache.invalidate(key);
    }
  }

  @Override
  public TenantCache<K, V> forTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return new BoundTenantCache<>(this, tenant, slots.get(tenant.value()));
  }

  @Override
  public void invalidateTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    TenantSlot<K, V> slot = slots.remove(tenant.value());
    if (slot != null) {
      slot.markDropped();
      long entries = slot.cache.estimatedSize();
      slot.cache.invalidateAll();
      listeners.publish(new TenantCacheEvent.Dropped(tenant, DropReason.INVALIDATED, entries));
    }
  }

  @Override
  public long estimatedSize(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    TenantSlot<K, V> slot = slots.get(tenant.value());
    return slot == null ? 0 : slot.cache.estimatedSize();
  }

  @Override
  public CacheStats stats(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    TenantSlot<K, V> slot = slots.get(tenant.value());
    return slot == null ? CacheStats.empty() : slot.cache.stats();
  }

  @Override
  public void cleanUp() {
    if (idleNanos > 0) {
      sweepLock.lock();
      try {
        sweep(ticker.read());
      } finally {
        sweepLock.unlock();
      }
    }
    for (TenantSlot<K, V> slot : slots.values()) {
      slot.cache.cleanUp();
    }
  }

  @Override
  public String toString() {
    return "TenantScopedCache{tenants=" + slots.size() + "}";
  }

  /** Returns the tenant's current slot, untouched and possibly already dropped, or null. */
  TenantSlot<K, V> currentSlot(TenantId tenant) {
    return slots.get(tenant.value());
  }

  /** Returns the tenant's live slot, touched, or null if it has none; never creates one. */
  TenantSlot<K, V> existingSlot(TenantId tenant) {
    TenantSlot<K, V> slot = slots.get(tenant.value());
    // A slot dropped after the lookup was removed first: the tenant has no older live slot.
    return slot != null && slot.touch() ? slot : null;
  }

  /** Returns the tenant's live slot, touched (or just created), creating it if needed. */
  TenantSlot<K, V> slotFor(TenantId tenant) {
    while (true) {
      TenantSlot<K, V> slot = slots.get(tenant.value());
      if (slot == null) {
        slot = createSlot(tenant);
      } else if (!slot.touch()) {
        slot = null; // dropped after the lookup, hence already removed from the map
      }
      if (slot != null) {
        return slot;
      }
    }
  }

  /** Creates and returns the tenant's slot, or the one another thread created; null if dropped. */
  private TenantSlot<K, V> createSlot(TenantId tenant) {
    long now = idleNanos > 0 ? ticker.read() : 0;
    StatsCounter stats = recordStats ? new ConcurrentStatsCounter() : null;
    TenantSlot<K, V> created = new TenantSlot<>(tenant, newCache(stats), stats, now);
    TenantSlot<K, V> existing = slots.putIfAbsent(tenant.value(), created);
    if (existing != null) {
      return existing.touch() ? existing : null; // null: dropped meanwhile, the caller looks again
    }
    listeners.publish(new TenantCacheEvent.Created(tenant));
    if (idleNanos > 0 && sweepLock.tryLock()) {
      try {
        if (now - lastSweepNanos >= sweepIntervalNanos) {
          sweep(now);
        }
      } finally {
        sweepLock.unlock();
      }
    }
    return created;
  }

  /** Drops the caches of tenants untouched for the idle duration; called holding sweepLock. */
  private void sweep(long now) {
    lastSweepNanos = now;
    for (TenantSlot<K, V> slot : slots.values()) {
      if (slot.clearTouched()) {
        slot.lastSeenNanos = now;
      } else if (now - slot.lastSeenNanos >= idleNanos && slots.remove(slot.tenant.value(), slot)) {
        slot.markDropped();
        long entries = slot.cache.estimatedSize();
        slot.cache.invalidateAll();
        listeners.publish(new TenantCacheEvent.Dropped(slot.tenant, DropReason.IDLE, entries));
      }
    }
  }

  private Cache<K, Optional<V>> newCache(StatsCounter stats) {
    Caffeine<Object, Object> builder =
        Caffeine.newBuilder().executor(executor).ticker(caffeineTicker);
    if (expireAfterWrite != null) {
      builder.expireAfterWrite(expireAfterWrite);
    }
    if (stats != null) {
      builder.recordStats(() -> stats);
    }
    if (weigher == null) {
      return builder.maximumSize(maximumEntries).build();
    }
    Weigher<? super K, ? super V> valueWeigher = weigher;
    return builder
        .maximumWeight(maximumWeight)
        .<K, Optional<V>>weigher((key, value) -> valueWeigher.weigh(key, value.get()))
        .build();
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
