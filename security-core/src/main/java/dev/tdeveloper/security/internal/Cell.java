package dev.tdeveloper.security.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The GCRA state of one key: a theoretical arrival time (TAT) per bandwidth, in nanoseconds since
 * the limiter's origin. A TAT at or before now means "full"; {@link #DEAD} marks a cell removed
 * from its table, which callers must look up again. Thread-safe by CAS.
 */
abstract class Cell {
  static final long DEAD = Long.MIN_VALUE;

  final Object key;
  final int hash;
  volatile CompiledPolicy policy;

  Cell(Object key, int hash, CompiledPolicy policy) {
    this.key = key;
    this.hash = hash;
    this.policy = policy;
  }

  static Cell create(Object key, int hash, CompiledPolicy policy) {
    return policy.size() == 1 ? new Single(key, hash, policy) : new Multi(key, hash, policy);
  }

  abstract long tat(int i);

  abstract boolean casTat(int i, long expected, long next);

  /** Returns how far the furthest TAT is ahead of {@code now}: 0 when every bandwidth is full. */
  final long debt(long now) {
    long debt = 0;
    for (int i = 0, n = policy.size(); i < n; i++) {
      long t = tat(i);
      if (t == DEAD) {
        return 0;
      }
      debt = Math.max(debt, t - now);
    }
    return debt;
  }

  /**
   * Marks the cell dead if it holds no debt (or always, when {@code force}); returns whether it
   * did. A concurrent charge makes the CAS fail, so a charge is never lost to a reclaim.
   */
  final boolean kill(long now, boolean force) {
    for (int i = policy.size() - 1; i >= 1; i--) {
      if (!force && tat(i) > now) {
        return false;
      }
    }
    long t0 = tat(0);
    if (t0 == DEAD) {
      return true;
    }
    return (force || t0 <= now) && casTat(0, t0, DEAD);
  }

  /** A cell of a one-bandwidth policy: one volatile long, 32 bytes with compressed oops. */
  static final class Single extends Cell {
    private static final VarHandle TAT;

    static {
      try {
        TAT = MethodHandles.lookup().findVarHandle(Single.class, "tat", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    @SuppressWarnings("unused") // accessed through TAT
    private volatile long tat;

    Single(Object key, int hash, CompiledPolicy policy) {
      super(key, hash, policy);
    }

    @Override
    long tat(int i) {
      return tat;
    }

    @Override
    boolean casTat(int i, long expected, long next) {
      return TAT.compareAndSet(this, expected, next);
    }

    void setTat(long value) {
      tat = value;
    }
  }

  /** A cell of a policy with several bandwidths. */
  static final class Multi extends Cell {
    private static final VarHandle TATS = MethodHandles.arrayElementVarHandle(long[].class);
    private final long[] tats = new long[RateLimitPolicyLimits.MAX];

    Multi(Object key, int hash, CompiledPolicy policy) {
      super(key, hash, policy);
    }

    @Override
    long tat(int i) {
      return (long) TATS.getVolatile(tats, i);
    }

    @Override
    boolean casTat(int i, long expected, long next) {
      return TATS.compareAndSet(tats, i, expected, next);
    }
  }

  private static final class RateLimitPolicyLimits {
    static final int MAX = dev.tdeveloper.security.ratelimit.RateLimitPolicy.MAX_BANDWIDTHS;
  }
}
