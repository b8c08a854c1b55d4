package dev.tdeveloper.security.ratelimit;

import dev.tdeveloper.security.internal.LocalRateLimiter;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configures a local {@link RateLimiter}. Each setting may be given once (a repeat is an {@link
 * IllegalStateException}); exactly one of {@link #policy} and {@link #policyResolver} is required.
 * Not thread-safe; the built limiter is.
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

  /** Sets the monotonic time source; defaults to {@link Ticker#system()}. */
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

  /** Adds a listener of denials and policy changes. */
  public RateLimiterBuilder<K> listener(EventListener<? super RateLimitEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the limiter.
   *
   * @throws IllegalStateException if no policy was given
   */
  public RateLimiter<K> build() {
    if (resolver == null) {
      throw new IllegalStateException("a policy or policyResolver is required");
    }
    return new LocalRateLimiter<>(
        resolver,
        ticker == null ? Ticker.system() : ticker,
        sleeper == null ? Sleeper.system() : sleeper,
        maximumKeys == -1 ? DEFAULT_MAXIMUM_KEYS : maximumKeys,
        Listeners.of(listeners));
  }
}
