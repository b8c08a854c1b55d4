package dev.tdeveloper.tenancy.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;

/**
 * A tenant's own Caffeine cache, its statistics counter and its idle-tracking state. The final
 * fields are safe to read from any thread; {@code lastSeenNanos} belongs to the sweeping thread.
 */
final class TenantSlot<K, V> {
  final TenantId tenant;
  final Cache<K, Optional<V>> cache;
  final StatsCounter stats; // null when statistics are off
  // False at creation: lastSeenNanos already records the creating access exactly.
  private volatile boolean touched;
  long lastSeenNanos; // guarded by the cache's sweep lock after publication

  TenantSlot(TenantId tenant, Cache<K, Optional<V>> cache, StatsCounter stats, long createdNanos) {
    this.tenant = tenant;
    this.cache = cache;
    this.stats = stats;
    this.lastSeenNanos = createdNanos;
  }

  /** Marks an access; writes only after a sweep cleared the flag, so hot reads stay reads. */
  void touch() {
    if (!touched) {
      touched = true;
    }
  }

  /** Returns whether the tenant was accessed since the last sweep, and clears the flag. */
  boolean clearTouched() {
    if (touched) {
      touched = false;
      return true;
    }
    return false;
  }
}
