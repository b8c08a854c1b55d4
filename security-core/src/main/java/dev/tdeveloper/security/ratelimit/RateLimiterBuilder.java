package dev.tdeveloper.security.ratelimit;

import dev.tdeveloper.security.internal.LocalRateLimiter;
import dev.tdeveloper.security.internal.StoreBackedRateLimiter;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configures a {@link RateLimiter}: local by default, or sharing its state between instances
 * through a {@link RateLimiterStore} ({@link #store}). Each setting may be given once (a repeat is
 * an {@link IllegalStateException}); exactly one of {@link #policy} and {@link #policyResolver} is
 * required. Settings that mean nothing together are rejected by {@link #build()}: {@link
 * #maximumKeys} and {@link #ticker} need a local limiter, {@link #failOpen()} and {@link
 * #failClosed()} a store. Not thread-safe; the built limiter is.
 *
 * @param <K> the key type
 */
public final class RateLimiterBuilder<K> {
  /** The default cap on keys holding state: {@value}. */
  public static final int DEFAULT_MAXIMUM_KEYS = 1 << 20;

  private Function<? super K, RateLimitPolicy> resolver;
  private Ticker ticker;
  private Sleeper sleeper;
  private int maximumKeys = -1;
  private RateLimiterStore store;
  private Function<? super K, String> keyMapper;
  private Boolean failOpen;
  private final List<EventListener<? super RateLimitEvent>> listeners = new ArrayList<>();

  RateLimiterBuilder() {}

  /** Applies {@code policy} to every key. */
  public RateLimiterBuilder<K> policy(RateLimitPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return policyResolver(key -> policy);
  }

  /**
   * Resolves each key's policy (for example tenant -> plan -> policy) when the key is first seen
   * and on {@link RateLimiter#refreshPolicies()}; it must not return null.
   */
  public RateLimiterBuilder<K> policyResolver(Function<? super K, RateLimitPolicy> resolver) {
    Objects.requireNonNull(resolver, "resolver");
    if (this.resolver != null) {
      throw new IllegalStateException("policy or policyResolver was already set");
    }
    this.resolver = resolver;
    return this;
  }

  /**
   * Sets the monotonic time source of a local limiter; defaults to {@link Ticker#system()}. A
   * store-backed limiter decides by the store's clock and rejects a ticker.
   */
  public RateLimiterBuilder<K> ticker(Ticker ticker) {
    Objects.requireNonNull(ticker, "ticker");
    if (this.ticker != null) {
      throw new IllegalStateException("ticker was already set");
    }
    this.ticker = ticker;
    return this;
  }

  /** Sets how {@link RateLimiter#acquire} waits; defaults to {@link Sleeper#system()}. */
  public RateLimiterBuilder<K> sleeper(Sleeper sleeper) {
    Objects.requireNonNull(sleeper, "sleeper");
    if (this.sleeper != null) {
      throw new IllegalStateException("sleeper was already set");
    }
    this.sleeper = sleeper;
    return this;
  }

  /**
   * Caps the keys holding state, so a flood of distinct keys cannot exhaust memory (about 40 bytes
   * per key plus the key itself); defaults to {@value #DEFAULT_MAXIMUM_KEYS}. Keys with full
   * buckets are dropped first; at the cap, the key with the least debt in a small sample is
   * forgotten.
   *
   * @throws IllegalArgumentException unless 1 to 2^30
   */
  public RateLimiterBuilder<K> maximumKeys(int maximumKeys) {
    if (maximumKeys < 1 || maximumKeys > (1 << 30)) {
      throw new IllegalArgumentException(
          "maximumKeys must be between 1 and 2^30, was " + maximumKeys);
    }
    if (this.maximumKeys != -1) {
      throw new IllegalStateException("maximumKeys was already set");
    }
    this.maximumKeys = maximumKeys;
    return this;
  }

  /**
   * Keeps the limiter's state in {@code store} instead of this process, so every instance sharing
   * the store enforces one limit: each decision is one store call, timed by the store's clock.
   * {@code keyMapper} turns a key into the store's string key; it must map distinct keys to
   * distinct strings, never null, and should add a prefix naming this limiter (for example {@code
   * "api:" + tenantId}), since limiters sharing a store must not share keys. Each key's policy and
   * store key are resolved once and remembered for up to 65,536 keys (a key forgotten is resolved
   * again at its next use), so {@code keyMapper} must be a function of the key alone; {@link
   * RateLimiter#refreshPolicies()} resolves them again and the store converts each key's state
   * lazily, at its next decision. The store's state expires by itself, so {@link
   * RateLimiter#cleanUp()} usually has nothing to do. The limiter does not close the store.
   */
  public RateLimiterBuilder<K> store(
      RateLimiterStore store, Function<? super K, String> keyMapper) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(keyMapper, "keyMapper");
    if (this.store != null) {
      throw new IllegalStateException("store was already set");
    }
    this.store = store;
    this.keyMapper = keyMapper;
    return this;
  }

  /**
   * When the store fails, admits the request (with the figures a key without state would get) and
   * publishes {@link RateLimitEvent.StoreFailed}: availability over enforcement, for limits that
   * protect fairness rather than the service. Needs a {@link #store}.
   */
  public RateLimiterBuilder<K> failOpen() {
    return failureMode(true);
  }

  /**
   * When the store fails, throws {@link RateLimiterStoreException} from the decision (so the
   * request is not admitted; a servlet filter answers 503) and publishes {@link
   * RateLimitEvent.StoreFailed}. This is the default with a store: a limiter that admits everything
   * while its store is down would let a client that overloads the store escape its limit. Needs a
   * {@link #store}.
   */
  public RateLimiterBuilder<K> failClosed() {
    return failureMode(false);
  }

  private RateLimiterBuilder<K> failureMode(boolean open) {
    if (failOpen != null) {
      throw new IllegalStateException("failOpen or failClosed was already set");
    }
    failOpen = open;
    return this;
  }

  /** Adds a listener of denials, policy changes and store failures. */
  public RateLimiterBuilder<K> listener(EventListener<? super RateLimitEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the limiter.
   *
   * @throws IllegalStateException if no policy was given, or settings conflict (see the class
   *     description)
   */
  public RateLimiter<K> build() {
    if (resolver == null) {
      throw new IllegalStateException("a policy or policyResolver is required");
    }
    if (store != null) {
      if (maximumKeys != -1) {
        throw new IllegalStateException(
            "maximumKeys cannot be combined with store: the store holds and expires the keys");
      }
      if (ticker != null) {
        throw new IllegalStateException(
            "ticker cannot be combined with store: the store decides by its own clock");
      }
      return new StoreBackedRateLimiter<>(
          resolver,
          store,
          keyMapper,
          sleeper == null ? Sleeper.system() : sleeper,
          failOpen != null && failOpen,
          Listeners.of(listeners));
    }
    if (failOpen != null) {
      throw new IllegalStateException(
          (failOpen ? "failOpen" : "failClosed") + " needs a store; a local limiter cannot fail");
    }
    return new LocalRateLimiter<>(
        resolver,
        ticker == null ? Ticker.system() : ticker,
        sleeper == null ? Sleeper.system() : sleeper,
        maximumKeys == -1 ? DEFAULT_MAXIMUM_KEYS : maximumKeys,
        Listeners.of(listeners));
  }
}
