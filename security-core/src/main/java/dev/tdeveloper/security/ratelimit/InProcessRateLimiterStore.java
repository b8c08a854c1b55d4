package dev.tdeveloper.security.ratelimit;

import dev.tdeveloper.security.internal.InProcessStoreEngine;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The reference {@link RateLimiterStore}, in this process: the local limiter's lock-free GCRA
 * cells, keyed by store key, timed by an injected {@link Ticker}. It implements the store contract
 * exactly, so it serves to test a store-backed limiter and as the model a remote backend is checked
 * against; it shares nothing between processes.
 *
 * <p>Memory is bounded like the local limiter's: a full key carries no state and is dropped on
 * {@link #cleanUp()} or when room is needed; at {@code maximumKeys}, the key with the least debt in
 * a small sample is forgotten. Thread-safe; decisions take no lock.
 */
public final class InProcessRateLimiterStore implements RateLimiterStore {
  private final InProcessStoreEngine engine;
  private volatile boolean closed;

  /** Creates a store of up to {@value RateLimiterBuilder#DEFAULT_MAXIMUM_KEYS} keys. */
  public InProcessRateLimiterStore(Ticker ticker) {
    this(ticker, RateLimiterBuilder.DEFAULT_MAXIMUM_KEYS);
  }

  /**
   * Creates a store.
   *
   * @param ticker the store's clock
   * @param maximumKeys the cap on keys holding state
   * @throws IllegalArgumentException unless {@code maximumKeys} is 1 to 2^30
   */
  public InProcessRateLimiterStore(Ticker ticker, int maximumKeys) {
    Objects.requireNonNull(ticker, "ticker");
    if (maximumKeys < 1 || maximumKeys > (1 << 30)) {
      throw new IllegalArgumentException(
          "maximumKeys must be between 1 and 2^30, was " + maximumKeys);
    }
    this.engine = new InProcessStoreEngine(ticker, maximumKeys);
  }

  @Override
  public StoreDecision tryAcquire(String key, PolicySpec spec, long permits, long maxWaitNanos) {
    RateLimiterStore.checkArguments(key, spec, permits, maxWaitNanos);
    checkOpen();
    return engine.tryAcquire(key, spec, permits, maxWaitNanos);
  }

  @Override
  public void giveBack(String key, PolicySpec spec, long permits) {
    RateLimiterStore.checkArguments(key, spec, permits, 0);
    checkOpen();
    engine.giveBack(key, spec, permits);
  }

  /**
   * Returns how long {@code key}'s state lasts if nothing touches it (until its furthest TAT), or
   * empty when the key is full and so holds no state.
   *
   * @throws RateLimiterStoreException if the store is closed
   */
  public Optional<Duration> timeToLive(String key) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    long nanos = engine.timeToLiveNanos(key);
    return nanos > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
  }

  /** Returns the keys held, including full ones not yet dropped. */
  @Override
  public OptionalLong estimatedKeys() {
    checkOpen();
    return OptionalLong.of(engine.size());
  }

  /** Drops the state of every full key. */
  @Override
  public void cleanUp() {
    checkOpen();
    engine.sweep();
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new RateLimiterStoreException("the in-process rate limiter store is closed");
    }
  }
}
