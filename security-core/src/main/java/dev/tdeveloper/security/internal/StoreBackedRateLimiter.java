package dev.tdeveloper.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitEvent;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.security.ratelimit.Sleeper;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A {@link RateLimiter} whose state lives in a {@link RateLimiterStore}: one store call per
 * decision, decided by the store's clock. Each key's policy is resolved once and remembered for up
 * to {@value #RESOLVED_KEYS} keys, with its store key (the key mapper runs when a key is resolved,
 * not at every decision); {@link #refreshPolicies()} resolves them again and the store converts a
 * key's state at its next decision. Thread-safe. Built by {@link
 * dev.tdeveloper.security.ratelimit.RateLimiterBuilder#store}.
 *
 * @param <K> the key type
 */
public final class StoreBackedRateLimiter<K> implements RateLimiter<K> {
  /** How many keys' resolved policies are remembered: {@value}. */
  public static final int RESOLVED_KEYS = 65_536;

  private final Function<? super K, RateLimitPolicy> resolver;
  private final RateLimiterStore store;
  private final Function<? super K, String> keyMapper;
  private final Sleeper sleeper;
  private final boolean failOpen;
  private final Listeners<RateLimitEvent> listeners;
  private final Cache<K, Resolved> resolved =
      Caffeine.newBuilder().maximumSize(RESOLVED_KEYS).executor(Runnable::run).build();
  private final Map<RateLimitPolicy, PolicySpec> specs = new ConcurrentHashMap<>();
  private final Function<K, Resolved> resolve = this::resolve;

  /** A key's policy, its spec and its store key. */
  private record Resolved(RateLimitPolicy policy, PolicySpec spec, String storeKey) {}

  /** Creates the limiter; use the builder. */
  public StoreBackedRateLimiter(
      Function<? super K, RateLimitPolicy> resolver,
      RateLimiterStore store,
      Function<? super K, String> keyMapper,
      Sleeper sleeper,
      boolean failOpen,
      Listeners<RateLimitEvent> listeners) {
    this.resolver = resolver;
    this.store = store;
    this.keyMapper = keyMapper;
    this.sleeper = sleeper;
    this.failOpen = failOpen;
    this.listeners = listeners;
  }

  @Override
  public RateLimitDecision tryAcquire(K key, long permits) {
    return decide(key, resolved(key), permits, 0).toDecision();
  }

  @Override
  public boolean tryConsume(K key, long permits) {
    return decide(key, resolved(key), permits, 0).allowed();
  }

  @Override
  public RateLimitDecision acquire(K key, long permits, Duration maxWait)
      throws InterruptedException {
    long allowance = Gcra.allowanceOf(maxWait);
    Resolved r = resolved(key);
    StoreDecision decision = decide(key, r, permits, allowance);
    long wait = decision.waitNanos();
    if (wait > 0) {
      try {
        sleeper.sleepNanos(wait);
      } catch (InterruptedException e) {
        giveBack(key, r, permits, e);
        throw e;
      }
    }
    return decision.toDecision();
  }

  /** One store decision for {@code key}, resolved as {@code r}. */
  private StoreDecision decide(K key, Resolved r, long permits, long allowance) {
    checkPermits(permits, r, key);
    String storeKey = r.storeKey;
    StoreDecision d;
    try {
      d = store.tryAcquire(storeKey, r.spec, permits, allowance);
      if (d == null || d.waitNanos() > allowance) {
        throw new RateLimiterStoreException(
            "the store answered "
                + d
                + " to a request allowing a wait of at most "
                + allowance
                + " ns");
      }
    } catch (RuntimeException e) {
      return failed(key, storeKey, r, permits, e);
    }
    if (!d.allowed() && !listeners.isEmpty()) {
      listeners.publish(
          new RateLimitEvent.Denied(key, r.policy.name(), permits, d.retryAfterNanos()));
    }
    return d;
  }

  /** Fails open (the answer a key without state would get) or throws; publishes the failure. */
  private StoreDecision failed(
      K key, String storeKey, Resolved r, long permits, RuntimeException e) {
    RateLimiterStoreException error = wrap(e, "deciding key '" + storeKey + "'");
    listeners.publish(
        new RateLimitEvent.StoreFailed(key, r.policy.name(), permits, failOpen, error));
    if (!failOpen) {
      throw error;
    }
    PolicySpec.Limit worst = r.spec.limits().get(0);
    for (PolicySpec.Limit limit : r.spec.limits()) {
      if (limit.capacity() < worst.capacity()) {
        worst = limit;
      }
    }
    return StoreDecision.allowed(
        0, worst.capacity(), worst.capacity() - permits, permits * worst.intervalNanos());
  }

  private void giveBack(K key, Resolved r, long permits, InterruptedException interrupted) {
    try {
      store.giveBack(r.storeKey, r.spec, permits);
    } catch (RuntimeException e) {
      RateLimiterStoreException error = wrap(e, "giving permits back to key '" + r.storeKey + "'");
      interrupted.addSuppressed(error);
      listeners.publish(
          new RateLimitEvent.StoreFailed(key, r.policy.name(), permits, false, error));
    }
  }

  private static RateLimiterStoreException wrap(RuntimeException e, String doing) {
    return e instanceof RateLimiterStoreException s
        ? s
        : new RateLimiterStoreException("the rate limiter store failed " + doing + ": " + e, e);
  }

  private static void checkPermits(long permits, Resolved r, Object key) {
    long max = r.spec.maxPermits();
    if (permits < 1 || permits > max) {
      throw new IllegalArgumentException(
          "permits must be between 1 and "
              + max
              + " (the smallest capacity of policy '"
              + r.policy.name()
              + "' of key "
              + key
              + "), was "
              + permits);
    }
  }

  private String storeKey(K key) {
    String storeKey = keyMapper.apply(key);
    if (storeKey == null) {
      throw new IllegalStateException("the store key mapper returned null for key " + key);
    }
    return storeKey;
  }

  private Resolved resolved(K key) {
    Objects.requireNonNull(key, "key");
    return resolved.get(key, resolve);
  }

  private Resolved resolve(K key) {
    RateLimitPolicy policy = resolver.apply(key);
    if (policy == null) {
      throw new IllegalStateException("the policy resolver returned null for key " + key);
    }
    PolicySpec spec = specs.get(policy);
    if (spec == null) {
      spec = PolicySpec.of(policy);
      if (specs.size() < 1024) {
        specs.putIfAbsent(policy, spec);
      }
    }
    return new Resolved(policy, spec, storeKey(key));
  }

  @Override
  public RateLimitPolicy policyFor(K key) {
    return resolved(key).policy;
  }

  /**
   * Resolves the policy of every key this limiter remembers again, now; the store converts each
   * changed key's state (carrying its consumed permits over) at the key's next decision, on
   * whichever instance makes it. Keys not remembered are resolved at their next use anyway.
   *
   * @return the number of remembered keys whose policy changed
   */
  @Override
  public int refreshPolicies() {
    int changed = 0;
    for (Map.Entry<K, Resolved> entry : resolved.asMap().entrySet()) {
      K key = entry.getKey();
      Resolved old = entry.getValue();
      Resolved next = resolve(key);
      if (!next.policy.equals(old.policy) && resolved.asMap().replace(key, old, next)) {
        changed++;
        if (!listeners.isEmpty()) {
          listeners.publish(
              new RateLimitEvent.PolicyChanged(key, old.policy.name(), next.policy.name()));
        }
      }
    }
    return changed;
  }

  /**
   * Returns the store's count of keys holding state, or -1 if it cannot tell.
   *
   * @throws RateLimiterStoreException if the store fails, whatever the failure mode
   */
  @Override
  public long estimatedKeys() {
    try {
      return store.estimatedKeys().orElse(-1);
    } catch (RuntimeException e) {
      throw wrap(e, "counting keys");
    }
  }

  /**
   * Asks the store to drop full keys (most stores expire them by themselves).
   *
   * @throws RateLimiterStoreException if the store fails, whatever the failure mode
   */
  @Override
  public void cleanUp() {
    try {
      store.cleanUp();
    } catch (RuntimeException e) {
      throw wrap(e, "cleaning up");
    }
  }
}
