package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.StoreSettings;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Configures a {@link SecretCache}. Defaults: refresh {@value #DEFAULT_REFRESH_MINUTES} minutes
 * after a value was read, serve a value at most {@value #DEFAULT_MAX_STALENESS_MINUTES} minutes
 * after its last successful read, hold at most {@value #DEFAULT_MAXIMUM_SIZE} secrets, the system
 * ticker, refreshes on {@link ForkJoinPool#commonPool()}. Each setting may be given once (listeners
 * any number of times); {@link #build()} checks that the maximum staleness exceeds the refresh
 * interval.
 *
 * <p>Not thread-safe: configure on one thread.
 */
public final class SecretCacheBuilder {
  /** Default refresh interval, in minutes: {@value}. */
  public static final long DEFAULT_REFRESH_MINUTES = 5;

  /** Default maximum staleness, in minutes: {@value}. */
  public static final long DEFAULT_MAX_STALENESS_MINUTES = 60;

  /** Default maximum number of cached secrets: {@value}. */
  public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

  final SecretStore store;
  Duration refreshAfter = Duration.ofMinutes(DEFAULT_REFRESH_MINUTES);
  Duration maxStaleness = Duration.ofMinutes(DEFAULT_MAX_STALENESS_MINUTES);
  long maximumSize = DEFAULT_MAXIMUM_SIZE;
  Ticker ticker = Ticker.system();
  Executor executor = ForkJoinPool.commonPool();
  final List<EventListener<? super SecretCacheEvent>> listeners = new ArrayList<>();
  private boolean refreshSet;
  private boolean stalenessSet;
  private boolean sizeSet;
  private boolean tickerSet;
  private boolean executorSet;

  SecretCacheBuilder(SecretStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Sets how long after a successful read a value is refreshed (on the next read after that).
   *
   * @throws IllegalArgumentException if not positive
   * @throws IllegalStateException if already set
   */
  public SecretCacheBuilder refreshAfter(Duration interval) {
    requirePositive("refreshAfter", interval);
    StoreSettings.requireUnset("refreshAfter", refreshSet);
    refreshAfter = interval;
    refreshSet = true;
    return this;
  }

  /**
   * Sets how long after its last successful read a value may still be served while refreshes fail.
   *
   * @throws IllegalArgumentException if not positive
   * @throws IllegalStateException if already set
   */
  public SecretCacheBuilder maxStaleness(Duration staleness) {
    requirePositive("maxStaleness", staleness);
    StoreSettings.requireUnset("maxStaleness", stalenessSet);
    maxStaleness = staleness;
    stalenessSet = true;
    return this;
  }

  /**
   * Sets how many secrets the cache holds at most.
   *
   * @throws IllegalArgumentException if below 1
   * @throws IllegalStateException if already set
   */
  public SecretCacheBuilder maximumSize(long size) {
    StoreSettings.requireRange("maximumSize", size, 1, Long.MAX_VALUE);
    StoreSettings.requireUnset("maximumSize", sizeSet);
    maximumSize = size;
    sizeSet = true;
    return this;
  }

  /**
   * Sets the monotonic time source of refresh and staleness.
   *
   * @throws IllegalStateException if already set
   */
  public SecretCacheBuilder ticker(Ticker ticker) {
    Objects.requireNonNull(ticker, "ticker");
    StoreSettings.requireUnset("ticker", tickerSet);
    this.ticker = ticker;
    tickerSet = true;
    return this;
  }

  /**
   * Sets where refreshes and removals run ({@code Runnable::run} runs them on the reading thread).
   *
   * @throws IllegalStateException if already set
   */
  public SecretCacheBuilder executor(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    StoreSettings.requireUnset("executor", executorSet);
    this.executor = executor;
    executorSet = true;
    return this;
  }

  /** Adds a listener of the cache's events; a listener that throws is logged and skipped. */
  public SecretCacheBuilder listener(EventListener<? super SecretCacheEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the cache.
   *
   * @throws IllegalStateException if the maximum staleness is not longer than the refresh interval
   */
  public SecretCache build() {
    if (maxStaleness.compareTo(refreshAfter) <= 0) {
      throw new IllegalStateException(
          "maxStaleness ("
              + maxStaleness
              + ") must be longer than refreshAfter ("
              + refreshAfter
              + "), else a failing store is never bridged");
    }
    return new SecretCache(this);
  }

  private static void requirePositive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
  }
}
