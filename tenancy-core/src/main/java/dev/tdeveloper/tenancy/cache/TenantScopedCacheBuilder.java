package dev.tdeveloper.tenancy.cache;

import com.github.benmanes.caffeine.cache.Weigher;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Configures a {@link TenantScopedCache}. Exactly one per-tenant budget is required: {@link
 * #maximumEntriesPerTenant} or {@link #maximumWeightPerTenant} with a {@link #weigher}. Every
 * setter may be called once (a repeat throws {@link IllegalStateException}); a rejected argument
 * leaves the builder unchanged. {@link #build()} copies the settings, so the cache never changes
 * afterwards and the builder may build again.
 *
 * <p>Not thread-safe: configure on one thread.
 *
 * @param <K> the key type, narrowed by {@link #weigher} or {@link #build()}
 * @param <V> the value type, narrowed by {@link #weigher} or {@link #build()}
 */
public final class TenantScopedCacheBuilder<K, V> {
  static final long UNSET = -1;

  long maximumEntries = UNSET;
  long maximumWeight = UNSET;
  Weigher<? super K, ? super V> weigher;
  Duration expireAfterWrite;
  Duration expireIdleTenantsAfter;
  Ticker ticker;
  Executor executor;
  boolean recordStats;
  Listeners<TenantCacheEvent> listeners = Listeners.none();

  TenantScopedCacheBuilder() {}

  /**
   * Caps each tenant's cache at {@code maximum} entries; beyond it, the tenant's least valuable
   * entries are evicted (Caffeine's W-TinyLFU policy), never another tenant's.
   *
   * @throws IllegalArgumentException if {@code maximum} is not positive
   * @throws IllegalStateException if already set
   */
  public TenantScopedCacheBuilder<K, V> maximumEntriesPerTenant(long maximum) {
    requireUnset("maximumEntriesPerTenant", maximumEntries == UNSET, maximumEntries);
    maximumEntries = requirePositive("maximumEntriesPerTenant", maximum);
    return this;
  }

  /**
   * Caps the total weight of each tenant's entries at {@code maximum}, as measured by {@link
   * #weigher}; an alternative to {@link #maximumEntriesPerTenant}.
   *
   * @throws IllegalArgumentException if {@code maximum} is not positive
   * @throws IllegalStateException if already set
   */
  public TenantScopedCacheBuilder<K, V> maximumWeightPerTenant(long maximum) {
    requireUnset("maximumWeightPerTenant", maximumWeight == UNSET, maximumWeight);
    maximumWeight = requirePositive("maximumWeightPerTenant", maximum);
    return this;
  }

  /**
   * Sets how much an entry weighs against {@link #maximumWeightPerTenant}; it must return a weight
   * {@code >= 0} and be quick, as it runs on every write.
   *
   * @throws NullPointerException if {@code weigher} is null
   * @throws IllegalStateException if already set
   */
  @SuppressWarnings("unchecked")
  public <K1 extends K, V1 extends V> TenantScopedCacheBuilder<K1, V1> weigher(
      Weigher<? super K1, ? super V1> weigher) {
    Objects.requireNonNull(weigher, "weigher");
    requireUnset("weigher", this.weigher == null, this.weigher);
    TenantScopedCacheBuilder<K1, V1> self = (TenantScopedCacheBuilder<K1, V1>) this;
    self.weigher = weigher;
    return self;
  }

  /**
   * Expires each entry {@code duration} after it was written (created or replaced), as measured by
   * the {@link #ticker}. Default: entries do not expire.
   *
   * @throws NullPointerException if {@code duration} is null
   * @throws IllegalArgumentException if {@code duration} is not positive
   * @throws IllegalStateException if already set
   */
  public TenantScopedCacheBuilder<K, V> expireAfterWrite(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    requireUnset("expireAfterWrite", expireAfterWrite == null, expireAfterWrite);
    expireAfterWrite = requirePositive("expireAfterWrite", duration);
    return this;
  }

  /**
   * Drops a tenant's whole cache once the tenant has not been accessed (read, written, loaded or
   * invalidated) for at least {@code duration}, freeing its memory; its next write starts a fresh
   * cache. Idle tenants are swept when a new tenant's cache is created (at most every quarter of
   * {@code duration}) and on {@link TenantScopedCache#cleanUp()}. An access is recorded by the
   * first sweep after it, so with sweeps every {@code s} a tenant is dropped between {@code
   * duration} and {@code duration + 2s} after its last access. A put racing with the drop is
   * repeated on the tenant's new cache; a load racing with it returns its value but may leave it
   * uncached, as with any eviction. Default: caches are kept until {@link
   * TenantScopedCache#invalidateTenant}.
   *
   * @throws NullPointerException if {@code duration} is null
   * @throws IllegalArgumentException if {@code duration} is not positive
   * @throws IllegalStateException if already set
   */
  public TenantScopedCacheBuilder<K, V> expireIdleTenantsAfter(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    requireUnset("expireIdleTenantsAfter", expireIdleTenantsAfter == null, expireIdleTenantsAfter);
    expireIdleTenantsAfter = requirePositive("expireIdleTenantsAfter", duration);
    return this;
  }

  /**
   * Sets the monotonic time source for expiry and load timings. Default: {@link Ticker#system()}.
   *
   * @throws NullPointerException if {@code ticker} is null
   * @throws IllegalStateException if already set
   */
  public TenantScopedCacheBuilder<K, V> ticker(Ticker ticker) {
    Objects.requireNonNull(ticker, "ticker");
    requireUnset("ticker", this.ticker == null, this.ticker);
    this.ticker = ticker;
    return this;
  }

  /**
   * Sets the executor on which Caffeine runs eviction maintenance; pass {@code Runnable::run} to
   * make eviction happen on the calling thread (deterministic tests). Default: {@link
   * ForkJoinPool#commonPool()}.
   *
   * @throws NullPointerException if {@code executor} is null
   * @throws IllegalStateException if already set
   */
  public TenantScopedCacheBuilder<K, V> executor(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    requireUnset("executor", this.executor == null, this.executor);
    this.executor = executor;
    return this;
  }

  /**
   * Records per-tenant hit, miss, load and eviction statistics for {@link TenantScopedCache#stats};
   * this costs a counter update per operation. Default: off.
   *
   * @throws IllegalStateException if already called
   */
  public TenantScopedCacheBuilder<K, V> recordStats() {
    requireUnset("recordStats", !recordStats, true);
    recordStats = true;
    return this;
  }

  /**
   * Adds a listener for {@link TenantCacheEvent}s; may be called several times, listeners are
   * called in the order added.
   *
   * @throws NullPointerException if {@code listener} is null
   */
  public TenantScopedCacheBuilder<K, V> addListener(
      EventListener<? super TenantCacheEvent> listener) {
    listeners = listeners.with(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the cache.
   *
   * @throws IllegalStateException if no per-tenant budget is set, if both are set, or if a weigher
   *     is set without a maximum weight or the other way round
   */
  public <K1 extends K, V1 extends V> TenantScopedCache<K1, V1> build() {
    boolean entries = maximumEntries != UNSET;
    boolean weight = maximumWeight != UNSET;
    if (!entries && !weight) {
      throw new IllegalStateException(
          "a per-tenant budget is required: set maximumEntriesPerTenant, or"
              + " maximumWeightPerTenant with a weigher");
    }
    if (entries && weight) {
      throw new IllegalStateException(
          "maximumEntriesPerTenant ("
              + maximumEntries
              + ") and maximumWeightPerTenant ("
              + maximumWeight
              + ") cannot both be set; choose one budget");
    }
    if (weight != (weigher != null)) {
      throw new IllegalStateException(
          weight
              ? "maximumWeightPerTenant (" + maximumWeight + ") requires a weigher"
              : "weigher requires maximumWeightPerTenant (it is not used with"
                  + " maximumEntriesPerTenant)");
    }
    // Safe: the builder only consumes keys and values (in the weigher), so narrowing is sound.
    @SuppressWarnings("unchecked")
    TenantScopedCacheBuilder<K1, V1> self = (TenantScopedCacheBuilder<K1, V1>) this;
    return new DefaultTenantScopedCache<>(self);
  }

  private static void requireUnset(String field, boolean unset, Object current) {
    if (!unset) {
      throw new IllegalStateException(field + " was already set to " + current);
    }
  }

  private static long requirePositive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, was " + value);
    }
    return value;
  }

  private static Duration requirePositive(String field, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
    }
    return value;
  }
}
