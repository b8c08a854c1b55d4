package dev.tdeveloper.security.internal;

import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitEvent;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.security.ratelimit.Sleeper;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The in-process {@link RateLimiter}: GCRA cells in a {@link CellTable}. Thread-safe and lock-free
 * on decisions. Built by {@link dev.tdeveloper.security.ratelimit.RateLimiterBuilder}.
 *
 * @param <K> the key type
 */
public final class LocalRateLimiter<K> implements RateLimiter<K> {

  private final Function<? super K, RateLimitPolicy> resolver;
  private final Ticker ticker;
  private final long origin;
  private final Sleeper sleeper;
  private final CellTable table;
  private final Listeners<RateLimitEvent> listeners;
  private final Map<RateLimitPolicy, CompiledPolicy> compiled = new ConcurrentHashMap<>();

  /** Creates the limiter; use the builder. */
  public LocalRateLimiter(
      Function<? super K, RateLimitPolicy> resolver,
      Ticker ticker,
      Sleeper sleeper,
      int maximumKeys,
      Listeners<RateLimitEvent> listeners) {
    this.resolver = resolver;
    this.ticker = ticker;
    this.origin = ticker.read();
    this.sleeper = sleeper;
    this.table = new CellTable(maximumKeys);
    this.listeners = listeners;
  }

  private long now() {
    return ticker.read() - origin;
  }

  @Override
  public boolean tryConsume(K key, long permits) {
    long now = now();
    int hash = CellTable.spread(key);
    Cell cell = table.find(key, hash);
    for (; ; cell = null) {
      if (cell == null) {
        cell = create(key, hash, now);
      }
      CompiledPolicy p = cell.policy;
      checkPermits(permits, p, key);
      long r = Gcra.charge(cell, p, permits, now, 0);
      if (r >= 0) {
        return true;
      }
      if (r == Gcra.DENIED) {
        if (!listeners.isEmpty()) {
          publishDenied(key, cell, p, permits, now);
        }
        return false;
      }
    }
  }

  @Override
  public RateLimitDecision tryAcquire(K key, long permits) {
    long now = now();
    int hash = CellTable.spread(key);
    Cell cell = table.find(key, hash);
    for (; ; cell = null) {
      if (cell == null) {
        cell = create(key, hash, now);
      }
      CompiledPolicy p = cell.policy;
      checkPermits(permits, p, key);
      long r = Gcra.charge(cell, p, permits, now, 0);
      if (r >= 0) {
        return Gcra.allowed(cell, p, now);
      }
      if (r == Gcra.DENIED) {
        RateLimitDecision.Denied denied = Gcra.denied(cell, p, permits, now);
        if (!listeners.isEmpty()) {
          listeners.publish(
              new RateLimitEvent.Denied(key, p.source.name(), permits, denied.retryAfterNanos()));
        }
        return denied;
      }
    }
  }

  @Override
  public RateLimitDecision acquire(K key, long permits, Duration maxWait)
      throws InterruptedException {
    long allowance = Gcra.allowanceOf(maxWait);
    long now = now();
    int hash = CellTable.spread(key);
    for (Cell cell = table.find(key, hash); ; cell = null) {
      if (cell == null) {
        cell = create(key, hash, now);
      }
      CompiledPolicy p = cell.policy;
      checkPermits(permits, p, key);
      long wait = Gcra.charge(cell, p, permits, now, allowance);
      if (wait == Gcra.RETRY) {
        continue;
      }
      if (wait == Gcra.DENIED) {
        RateLimitDecision.Denied denied = Gcra.denied(cell, p, permits, now);
        if (!listeners.isEmpty()) {
          listeners.publish(
              new RateLimitEvent.Denied(key, p.source.name(), permits, denied.retryAfterNanos()));
        }
        return denied;
      }
      if (wait > 0) {
        try {
          sleeper.sleepNanos(wait);
        } catch (InterruptedException e) {
          Gcra.giveBack(cell, p, permits, p.size());
          throw e;
        }
      }
      return Gcra.allowed(cell, p, now + wait);
    }
  }

  private void publishDenied(K key, Cell cell, CompiledPolicy p, long permits, long now) {
    RateLimitDecision.Denied denied = Gcra.denied(cell, p, permits, now);
    listeners.publish(
        new RateLimitEvent.Denied(key, p.source.name(), permits, denied.retryAfterNanos()));
  }

  private static void checkPermits(long permits, CompiledPolicy p, Object key) {
    if (permits < 1 || permits > p.maxPermits) {
      throw new IllegalArgumentException(
          "permits must be between 1 and "
              + p.maxPermits
              + " (the smallest capacity of policy '"
              + p.source.name()
              + "' of key "
              + key
              + "), was "
              + permits);
    }
  }

  private Cell create(K key, int hash, long now) {
    Objects.requireNonNull(key, "key");
    return table.findOrCreate(key, hash, compile(resolve(key)), now);
  }

  private RateLimitPolicy resolve(K key) {
    RateLimitPolicy policy = resolver.apply(key);
    if (policy == null) {
      throw new IllegalStateException("the policy resolver returned null for key " + key);
    }
    return policy;
  }

  private CompiledPolicy compile(RateLimitPolicy policy) {
    CompiledPolicy c = compiled.get(policy);
    if (c == null) {
      c = new CompiledPolicy(policy);
      if (compiled.size() < 1024) {
        compiled.putIfAbsent(policy, c);
      }
    }
    return c;
  }

  @Override
  public RateLimitPolicy policyFor(K key) {
    Cell cell = table.find(key, CellTable.spread(key));
    return cell != null && cell.tat(0) != Cell.DEAD ? cell.policy.source : resolve(key);
  }

  @Override
  @SuppressWarnings("unchecked")
  public int refreshPolicies() {
    long now = now();
    int[] changed = {0};
    table.forEachLocked(
        cell -> {
          CompiledPolicy old = cell.policy;
          CompiledPolicy next = compile(resolve((K) cell.key));
          if (next.source.equals(old.source)) {
            return;
          }
          Gcra.convert(table, cell, old, next, now);
          changed[0]++;
          if (!listeners.isEmpty()) {
            listeners.publish(
                new RateLimitEvent.PolicyChanged(cell.key, old.source.name(), next.source.name()));
          }
        });
    return changed[0];
  }

  @Override
  public long estimatedKeys() {
    return table.size();
  }

  @Override
  public void cleanUp() {
    table.sweep(now());
  }
}
