package dev.tdeveloper.security.internal;

import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.StoreDecision;
import dev.tdeveloper.tenancy.time.Ticker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of the in-process {@link RateLimiterStore}: the local limiter's lock-free GCRA cells,
 * keyed by store key and compiled from {@link PolicySpec}s, following the store contract exactly
 * (conversion on a policy swap, reservations, give-back). Arguments are checked by the caller.
 * Thread-safe: charges are lock-free, conversions take the key's segment lock.
 */
public final class InProcessStoreEngine {
  private static final int MAX_COMPILED = 1024;

  private final Ticker ticker;
  private final long origin;
  private final CellTable table;
  private final Map<PolicySpec, CompiledPolicy> compiled = new ConcurrentHashMap<>();

  /** Creates an engine holding at most about {@code maximumKeys} keys, timed by {@code ticker}. */
  public InProcessStoreEngine(Ticker ticker, int maximumKeys) {
    this.ticker = ticker;
    this.origin = ticker.read();
    this.table = new CellTable(maximumKeys);
  }

  private long now() {
    return ticker.read() - origin;
  }

  /** Decides as {@link RateLimiterStore#tryAcquire} specifies. */
  public StoreDecision tryAcquire(String key, PolicySpec spec, long permits, long maxWaitNanos) {
    long allowance = Math.min(maxWaitNanos, RateLimiterStore.MAX_WAIT_NANOS);
    long now = now();
    CompiledPolicy target = compile(spec);
    int hash = CellTable.spread(key);
    for (Cell cell = table.find(key, hash); ; cell = null) {
      cell = current(key, hash, target, cell, now);
      CompiledPolicy p = cell.policy;
      long wait = Gcra.charge(cell, p, permits, now, allowance);
      if (wait == Gcra.RETRY) {
        continue;
      }
      if (wait == Gcra.DENIED) {
        RateLimitDecision.Denied d = Gcra.denied(cell, p, permits, now);
        return StoreDecision.denied(
            d.limit(), d.remaining(), d.retryAfterNanos(), d.resetAfterNanos());
      }
      RateLimitDecision.Allowed a = Gcra.allowed(cell, p, now + wait);
      return StoreDecision.allowed(wait, a.limit(), a.remaining(), a.resetAfterNanos());
    }
  }

  /** Gives permits back as {@link RateLimiterStore#giveBack} specifies. */
  public void giveBack(String key, PolicySpec spec, long permits) {
    long now = now();
    CompiledPolicy target = compile(spec);
    int hash = CellTable.spread(key);
    Cell cell = table.find(key, hash);
    while (cell != null && cell.tat(0) != Cell.DEAD && cell.debt(now) > 0) {
      CompiledPolicy p = cell.policy;
      if (!p.sameAs(target)) {
        table.convert(cell, target, now);
        cell = table.find(key, hash);
        continue;
      }
      Gcra.giveBack(cell, p, permits, p.size());
      return;
    }
  }

  /** Returns the live cell of {@code key} under {@code target}, converting or creating it. */
  private Cell current(String key, int hash, CompiledPolicy target, Cell found, long now) {
    Cell cell = found;
    for (; ; ) {
      if (cell == null || cell.tat(0) == Cell.DEAD) {
        cell = table.findOrCreate(key, hash, target, now);
      }
      CompiledPolicy p = cell.policy;
      if (p.sameAs(target)) {
        return cell;
      }
      table.convert(cell, target, now);
      cell = table.find(key, hash);
    }
  }

  /** Returns nanoseconds until the key's state expires by itself, or 0 when it holds none. */
  public long timeToLiveNanos(String key) {
    Cell cell = table.find(key, CellTable.spread(key));
    return cell == null || cell.tat(0) == Cell.DEAD ? 0 : cell.debt(now());
  }

  /** Returns the number of keys held, live or awaiting a sweep. */
  public long size() {
    return table.size();
  }

  /** Drops the state of every full key. */
  public void sweep() {
    table.sweep(now());
  }

  private CompiledPolicy compile(PolicySpec spec) {
    CompiledPolicy c = compiled.get(spec);
    if (c == null) {
      c = new CompiledPolicy(spec);
      if (compiled.size() < MAX_COMPILED) {
        CompiledPolicy raced = compiled.putIfAbsent(spec, c);
        c = raced != null ? raced : c;
      }
    }
    return c;
  }
}
