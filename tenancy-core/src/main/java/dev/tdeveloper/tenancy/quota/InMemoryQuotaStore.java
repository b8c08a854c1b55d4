package dev.tdeveloper.tenancy.quota;

import dev.tdeveloper.tenancy.spi.QuotaAddResult;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link QuotaStore}: counters in this process, one {@link AtomicLong} per key updated
 * by compare-and-set, so decisions on different keys never contend and decisions on one key never
 * block. Use it for a single instance; several instances need a shared backend (Redis).
 *
 * <p>Memory stays bounded by the live windows: an expired counter is dropped when it is next read
 * or written, and whenever the number of counters reaches twice what it was after the previous
 * sweep (at least {@value #MIN_SWEEP_SIZE}), every expired counter is dropped. {@link
 * #purgeExpired(Instant)} drops them on demand.
 *
 * <p>Thread-safe and lock-free.
 */
public final class InMemoryQuotaStore implements QuotaStore {
  /** The number of counters below which no automatic sweep happens: {@value}. */
  public static final long MIN_SWEEP_SIZE = 1_024;

  private final ConcurrentHashMap<QuotaKey, Counter> counters = new ConcurrentHashMap<>();
  private final InstantSource clock;
  private volatile long sweepAt = MIN_SWEEP_SIZE;

  /** Creates a store that expires counters by the system clock. */
  public InMemoryQuotaStore() {
    this(InstantSource.system());
  }

  /** Creates a store that expires counters by {@code clock}. */
  public InMemoryQuotaStore(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public QuotaAddResult tryAdd(QuotaKey key, long amount, long limit, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expiresAt, "expiresAt");
    requirePositive("amount", amount);
    requirePositive("limit", limit);
    Instant now = clock.instant();
    if (!expiresAt.isAfter(now)) {
      // The window is already over: decide against an empty counter and keep nothing.
      return amount <= limit ? new QuotaAddResult.Added(amount) : new QuotaAddResult.Rejected(0);
    }
    Counter counter = counters.get(key);
    if (counter == null || counter.expiredAt(now)) {
      counter = counters.compute(key, (k, old) -> live(old, now) ? old : new Counter(expiresAt));
      maybeSweep(now);
    }
    long allowedBefore = limit - amount; // no overflow: both are positive
    while (true) {
      long used = counter.get();
      if (used > allowedBefore) {
        return new QuotaAddResult.Rejected(used);
      }
      if (counter.compareAndSet(used, used + amount)) {
        return new QuotaAddResult.Added(used + amount);
      }
    }
  }

  @Override
  public long used(QuotaKey key) {
    Objects.requireNonNull(key, "key");
    Counter counter = liveCounter(key, clock.instant());
    return counter == null ? 0 : counter.get();
  }

  @Override
  public long subtract(QuotaKey key, long amount) {
    Objects.requireNonNull(key, "key");
    requirePositive("amount", amount);
    Counter counter = liveCounter(key, clock.instant());
    if (counter == null) {
      return 0;
    }
    while (true) {
      long used = counter.get();
      long next = Math.max(0, used - amount);
      if (counter.compareAndSet(used, next)) {
        return next;
      }
    }
  }

  /**
   * Drops every counter whose window ended at or before {@code now}.
   *
   * @return how many counters were dropped
   */
  public int purgeExpired(Instant now) {
    Objects.requireNonNull(now, "now");
    int dropped = 0;
    for (Map.Entry<QuotaKey, Counter> entry : counters.entrySet()) {
      if (entry.getValue().expiredAt(now) && counters.remove(entry.getKey(), entry.getValue())) {
        dropped++;
      }
    }
    return dropped;
  }

  /** Returns how many counters are held, live or not yet purged; for monitoring and tests. */
  public long retainedCounters() {
    return counters.mappingCount();
  }

  private Counter liveCounter(QuotaKey key, Instant now) {
    Counter counter = counters.get(key);
    if (counter != null && counter.expiredAt(now)) {
      counters.remove(key, counter);
      return null;
    }
    return counter;
  }

  private void maybeSweep(Instant now) {
    if (counters.mappingCount() >= sweepAt) {
      purgeExpired(now);
      sweepAt = Math.max(MIN_SWEEP_SIZE, 2 * counters.mappingCount());
    }
  }

  private static boolean live(Counter counter, Instant now) {
    return counter != null && !counter.expiredAt(now);
  }

  private static void requirePositive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be at least 1, was " + value);
    }
  }

  /** A window's counter; expires (and may be dropped) once {@code expiresAt} is reached. */
  private static final class Counter extends AtomicLong {
    private static final long serialVersionUID = 1L;
    private final Instant expiresAt;

    Counter(Instant expiresAt) {
      this.expiresAt = expiresAt;
    }

    boolean expiredAt(Instant now) {
      return !expiresAt.isAfter(now);
    }
  }
}
