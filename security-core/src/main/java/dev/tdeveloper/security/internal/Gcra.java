package dev.tdeveloper.security.internal;

import dev.tdeveloper.security.ratelimit.RateLimitDecision;

/**
 * The generic cell rate algorithm over one {@link Cell}. A charge of {@code n} permits moves each
 * bandwidth's TAT to {@code max(TAT, now) + n*T} by compare-and-set, provided that stays within the
 * bandwidth's tolerance (plus an allowed wait). With several bandwidths the charges are made in
 * index order and given back in reverse if a later one refuses: a charge in flight can only make
 * others stricter, so the limiter never admits more than the policy allows. Stateless.
 */
final class Gcra {
  /** The request was refused; nothing is charged. */
  static final long DENIED = Long.MIN_VALUE + 1;

  /** The cell died under the call; look it up again. */
  static final long RETRY = Long.MIN_VALUE;

  /** The longest wait {@code acquire} reserves for, in nanoseconds: 2^61 (about 73 years). */
  private static final long MAX_WAIT_NANOS = 1L << 61;

  private Gcra() {}

  /**
   * Returns {@code maxWait} in nanoseconds, capped at 2^61 so sums with a tolerance cannot
   * overflow.
   *
   * @throws IllegalArgumentException if {@code maxWait} is negative
   */
  static long allowanceOf(java.time.Duration maxWait) {
    java.util.Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
    }
    return maxWait.compareTo(java.time.Duration.ofNanos(MAX_WAIT_NANOS)) > 0
        ? MAX_WAIT_NANOS
        : maxWait.toNanos();
  }

  /**
   * Charges {@code n} permits; returns the wait (0 when due now), {@link #DENIED} or {@link
   * #RETRY}.
   */
  static long charge(Cell cell, CompiledPolicy p, long n, long now, long allowance) {
    if (cell instanceof Cell.Single single) {
      long interval = p.interval[0];
      long tolerance = p.tolerance[0];
      for (; ; ) {
        long tat = single.tat(0);
        if (tat == Cell.DEAD) {
          return RETRY;
        }
        long next = Math.max(tat, now) + n * interval;
        long over = next - now - tolerance;
        if (over > allowance) {
          return DENIED;
        }
        if (single.casTat(0, tat, next)) {
          return over > 0 ? over : 0;
        }
      }
    }
    return chargeEach(cell, p, n, now, allowance);
  }

  private static long chargeEach(Cell cell, CompiledPolicy p, long n, long now, long allowance) {
    int size = p.size();
    for (int i = 0; i < size; i++) {
      long tat = cell.tat(i);
      if (tat == Cell.DEAD) {
        return RETRY;
      }
      if (Math.max(tat, now) + n * p.interval[i] - now - p.tolerance[i] > allowance) {
        return DENIED;
      }
    }
    long wait = 0;
    for (int i = 0; i < size; i++) {
      for (; ; ) {
        long tat = cell.tat(i);
        if (tat == Cell.DEAD) {
          giveBack(cell, p, n, i);
          return RETRY;
        }
        long next = Math.max(tat, now) + n * p.interval[i];
        long over = next - now - p.tolerance[i];
        if (over > allowance) {
          giveBack(cell, p, n, i);
          return DENIED;
        }
        if (cell.casTat(i, tat, next)) {
          wait = Math.max(wait, over);
          break;
        }
      }
    }
    return wait;
  }

  /** Gives back {@code n} permits charged to bandwidths {@code [0, upTo)}, newest first. */
  static void giveBack(Cell cell, CompiledPolicy p, long n, int upTo) {
    for (int i = upTo - 1; i >= 0; i--) {
      long amount = n * p.interval[i];
      for (; ; ) {
        long tat = cell.tat(i);
        if (tat == Cell.DEAD || cell.casTat(i, tat, tat - amount)) {
          break;
        }
      }
    }
  }

  /** Returns the figures of the most restrictive bandwidth after an allowed charge. */
  static RateLimitDecision.Allowed allowed(Cell cell, CompiledPolicy p, long now) {
    int worst = 0;
    long worstRemaining = Long.MAX_VALUE;
    long worstReset = 0;
    for (int i = 0, size = p.size(); i < size; i++) {
      long base = Math.max(cell.tat(i), now);
      long remaining = Math.max(0, (now + p.tolerance[i] - base) / p.interval[i]);
      if (remaining < worstRemaining) {
        worst = i;
        worstRemaining = remaining;
        worstReset = base - now;
      }
    }
    return new RateLimitDecision.Allowed(p.capacity[worst], worstRemaining, worstReset);
  }

  /** Returns the figures of a refusal of {@code n} permits. */
  static RateLimitDecision.Denied denied(Cell cell, CompiledPolicy p, long n, long now) {
    int worst = 0;
    long worstRemaining = Long.MAX_VALUE;
    long worstReset = 0;
    long retry = 1;
    for (int i = 0, size = p.size(); i < size; i++) {
      long tat = cell.tat(i);
      long base = tat == Cell.DEAD ? now : Math.max(tat, now);
      long remaining = Math.max(0, (now + p.tolerance[i] - base) / p.interval[i]);
      retry = Math.max(retry, base + n * p.interval[i] - now - p.tolerance[i]);
      if (remaining < worstRemaining) {
        worst = i;
        worstRemaining = remaining;
        worstReset = base - now;
      }
    }
    return new RateLimitDecision.Denied(p.capacity[worst], worstRemaining, retry, worstReset);
  }

  /**
   * Moves {@code cell} from policy {@code old} to {@code next}, carrying over the permits consumed:
   * a bandwidth's debt in permits is kept (bandwidths are matched by index; new ones take the
   * largest debt), capped at the new bandwidth's capacity. Call under the cell's segment lock.
   */
  static void convert(
      CellTable table, Cell cell, CompiledPolicy old, CompiledPolicy next, long now) {
    double largest = 0;
    double[] used = new double[old.size()];
    for (int i = 0; i < used.length; i++) {
      used[i] = Math.max(0, cell.tat(i) - now) / (double) old.interval[i];
      largest = Math.max(largest, used[i]);
    }
    Cell target = cell;
    if (cell instanceof Cell.Single && next.size() > 1) {
      target = Cell.create(cell.key, cell.hash, next);
    }
    for (int j = 0; j < next.size(); j++) {
      double permits = j < used.length ? used[j] : largest;
      long debt = Math.min(next.tolerance[j], (long) Math.ceil(permits * next.interval[j]));
      for (; ; ) {
        long tat = target.tat(j);
        if (tat == Cell.DEAD || target.casTat(j, tat, debt > 0 ? now + debt : 0)) {
          break;
        }
      }
    }
    target.policy = next;
    if (target != cell) {
      cell.kill(now, true);
      table.replace(cell, target);
    }
  }
}
