package dev.tdeveloper.security.shield;

import dev.tdeveloper.tenancy.time.Ticker;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A global limit on requests in flight that adapts to the service's health, by AIMD (additive
 * increase, multiplicative decrease — the congestion control of TCP, as in Netflix's
 * concurrency-limits {@code AIMDLimit}):
 *
 * <ul>
 *   <li>a request that succeeds within the latency target, while the limit was at least half used,
 *       raises the limit by one (an idle service does not grow its limit);
 *   <li>a request slower than the target, or dropped, multiplies the limit by the backoff ratio
 *       (rounded down, at least one less), but only once per congestion episode: a request that
 *       started before the last decrease cannot cause another, so one slow spell lowers the limit
 *       once rather than once per request in flight;
 *   <li>the limit stays within {@code [minLimit, maxLimit]}.
 * </ul>
 *
 * <p>AIMD was chosen over Gradient2 for being predictable and easy to reason about under attack:
 * its only inputs are an explicit latency target and drops. Latency is measured with the injected
 * {@link Ticker} from grant to release.
 *
 * <p>Thread-safe and lock-free. The in-flight count is exact: a permit is granted by a
 * compare-and-set that never takes the count above the limit read at that moment, and released
 * exactly once. The limit and its decrease epoch share one atomic word.
 */
public final class AdaptiveConcurrencyLimit {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong state;
  private final int minLimit;
  private final int maxLimit;
  private final long targetNanos;
  private final double backoffRatio;
  private final Ticker ticker;

  AdaptiveConcurrencyLimit(
      int initialLimit,
      int minLimit,
      int maxLimit,
      long targetNanos,
      double backoffRatio,
      Ticker ticker) {
    this.state = new AtomicLong(initialLimit);
    this.minLimit = minLimit;
    this.maxLimit = maxLimit;
    this.targetNanos = targetNanos;
    this.backoffRatio = backoffRatio;
    this.ticker = ticker;
  }

  /** Returns a builder. */
  public static AdaptiveConcurrencyLimitBuilder builder() {
    return new AdaptiveConcurrencyLimitBuilder();
  }

  /** Takes a slot if fewer than {@link #limit()} requests are in flight; otherwise empty. */
  public Optional<Permit> tryAcquire() {
    return Optional.ofNullable(acquireOrNull(ticker.read()));
  }

  /**
   * As {@link #tryAcquire()} without the Optional, with the ticker already read by the caller, for
   * the shield's hot path.
   */
  Permit acquireOrNull(long nowNanos) {
    long s = state.get();
    int limit = (int) s;
    while (true) {
      int current = inFlight.get();
      if (current >= limit) {
        return null;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        return new LimitPermit(this, nowNanos, (int) (s >>> 32), current + 1);
      }
    }
  }

  /** Returns the time source of latencies. */
  Ticker ticker() {
    return ticker;
  }

  /** Returns the current limit. */
  public int limit() {
    return (int) state.get();
  }

  /** Returns the requests in flight now. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Returns the smallest limit. */
  public int minLimit() {
    return minLimit;
  }

  /** Returns the largest limit. */
  public int maxLimit() {
    return maxLimit;
  }

  private void release(LimitPermit permit, int outcome) {
    inFlight.decrementAndGet();
    if (outcome == LimitPermit.IGNORED) {
      return;
    }
    boolean decrease =
        outcome == LimitPermit.DROPPED || ticker.read() - permit.startNanos > targetNanos;
    while (true) {
      long s = state.get();
      int limit = (int) s;
      int epoch = (int) (s >>> 32);
      long next;
      if (decrease) {
        if (permit.epoch != epoch || limit <= minLimit) {
          return;
        }
        int lowered = Math.max(minLimit, Math.min(limit - 1, (int) (limit * backoffRatio)));
        next = ((long) (epoch + 1) << 32) | lowered;
      } else {
        if (limit >= maxLimit || permit.inFlightAtStart * 2L < limit) {
          return;
        }
        next = (s & 0xffff_ffff_0000_0000L) | (limit + 1);
      }
      if (state.compareAndSet(s, next)) {
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "AdaptiveConcurrencyLimit[limit="
        + limit()
        + ", inFlight="
        + inFlight()
        + ", range="
        + minLimit
        + ".."
        + maxLimit
        + "]";
  }

  /** A granted slot; released once through a field updater, so it costs one small object. */
  private static final class LimitPermit implements Permit {
    static final int SUCCESS = 1;
    static final int DROPPED = 2;
    static final int IGNORED = 3;
    private static final AtomicIntegerFieldUpdater<LimitPermit> RELEASED =
        AtomicIntegerFieldUpdater.newUpdater(LimitPermit.class, "released");

    private final AdaptiveConcurrencyLimit owner;
    private final long startNanos;
    private final int epoch;
    private final int inFlightAtStart;
    private volatile int released;

    LimitPermit(AdaptiveConcurrencyLimit owner, long startNanos, int epoch, int inFlightAtStart) {
      this.owner = owner;
      this.startNanos = startNanos;
      this.epoch = epoch;
      this.inFlightAtStart = inFlightAtStart;
    }

    @Override
    public void onSuccess() {
      release(SUCCESS);
    }

    @Override
    public void onDropped() {
      release(DROPPED);
    }

    @Override
    public void onIgnore() {
      release(IGNORED);
    }

    private void release(int outcome) {
      if (RELEASED.compareAndSet(this, 0, outcome)) {
        owner.release(this, outcome);
      }
    }
  }
}
