package dev.tdeveloper.tenancy.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import dev.tdeveloper.tenancy.TenantId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A tenant's own Caffeine cache, its statistics counter and its lifecycle state. The state is one
 * volatile int so that a read checks "accessed since the last sweep, not dropped, and recording no
 * statistics" with a single read and compare: {@link #UNTOUCHED} (a sweep cleared it, or just
 * created) moves to {@link #ACTIVE} on the next access, or to {@link #ACTIVE_RECORDING} when
 * statistics are on (so those reads take the slower path that records them), and {@link #DROPPED}
 * is final. A slot is marked dropped only after it was removed from the tenant map, so whoever sees
 * {@code DROPPED} and looks the tenant up again finds a newer slot or none. The final fields are
 * safe to read from any thread, even through a racy reference; {@code lastSeenNanos} belongs to the
 * sweeping thread.
 */
final class TenantSlot<K, V> {
  // UNTOUCHED is the default value, so no reader, however racy, sees a state the slot never had.
  private static final int UNTOUCHED = 0;
  private static final int ACTIVE = 1;
  private static final int DROPPED = 2;
  private static final int ACTIVE_RECORDING = 3;
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(TenantSlot.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final TenantId tenant;
  final Cache<K, Optional<V>> cache;
  // Caffeine's map view is its cache implementation itself: reading through it saves the hop
  // through the Cache facade on the hot path. Its reads record no statistics, so we record them.
  private final ConcurrentMap<K, Optional<V>> map;
  final StatsCounter stats; // null when statistics are off
  private final int active; // ACTIVE, or ACTIVE_RECORDING when stats are on
  // UNTOUCHED at creation: lastSeenNanos already records the creating access exactly.
  private volatile int state;
  long lastSeenNanos; // guarded by the cache's sweep lock after publication

  TenantSlot(TenantId tenant, Cache<K, Optional<V>> cache, StatsCounter stats, long createdNanos) {
    this.tenant = tenant;
    this.cache = cache;
    this.map = cache.asMap();
    this.stats = stats;
    this.active = stats == null ? ACTIVE : ACTIVE_RECORDING;
    this.lastSeenNanos = createdNanos;
  }

  /**
   * Marks an access and returns true, or returns false if the slot was dropped. Writes only after a
   * sweep cleared the mark, so hot accesses are one volatile read.
   */
  boolean touch() {
    return state == ACTIVE || touchSlow();
  }

  private boolean touchSlow() {
    int current;
    while ((current = state) == UNTOUCHED) {
      if (STATE.compareAndSet(this, UNTOUCHED, active)) {
        return true;
      }
    }
    return current == active;
  }

  /** Returns whether the tenant was accessed since the last sweep, and clears the mark. */
  boolean clearTouched() {
    return STATE.compareAndSet(this, active, UNTOUCHED);
  }

  /** Marks the slot dropped, for good; call only after removing it from the tenant map. */
  void markDropped() {
    state = DROPPED;
  }

  boolean isDropped() {
    return state == DROPPED;
  }

  /**
   * Touches the slot and returns the value for {@code key} (empty if absent), or null if the slot
   * was dropped: the caller then looks the tenant up again.
   */
  Optional<V> touchAndGet(K key) {
    if (state == ACTIVE) { // the hot path: live, touched, no statistics to record
      Optional<V> value = map.get(key);
      return value == null ? Optional.empty() : value;
    }
    return touchSlow() ? recordedGet(key) : null;
  }

  private Optional<V> recordedGet(K key) {
    Optional<V> value = map.get(key);
    if (value == null) {
      if (stats != null) {
        stats.recordMisses(1);
      }
      return Optional.empty();
    }
    if (stats != null) {
      stats.recordHits(1);
    }
    return value;
  }

  /** Returns the value for {@code key}, loading it if absent; see {@link TenantScopedCache#get}. */
  V get(K key, Function<? super K, ? extends V> loader) {
    // Hit first without the capturing lambda below, recording the hit as Caffeine's get would.
    Optional<V> hit = map.get(key);
    if (hit != null) {
      if (stats != null) {
        stats.recordHits(1);
      }
      return hit.get();
    }
    return cache.get(key, k -> Optional.of(loaded(loader.apply(k)))).get();
  }

  private V loaded(V value) {
    if (value == null) {
      throw new NullPointerException("loader returned null for tenant '" + tenant + "'");
    }
    return value;
  }

  /** Writes {@code value}; returns false if the slot turned out dropped, so the caller retries. */
  boolean putIfLive(K key, Optional<V> value) {
    cache.put(key, value);
    return state != DROPPED;
  }
}
