package dev.tdeveloper.backend.redis;

import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One spec's arguments of {@code rate-limiter.lua}, encoded once: the stored value's prefix, the
 * struct format of the numbers, and the numbers of the common call (server clock, one permit, no
 * wait) packed as little-endian doubles; and the reading of the script's answer into the decision,
 * computed as {@code GcraArithmetic} does. Every packed number is an integer below 2^53, exact in a
 * double (times are pairs of seconds and nanoseconds), except intervals above 2^53 ns, which only
 * the policy swap uses, in doubles as {@code GcraArithmetic} does. Immutable.
 */
final class PackedSpec {
  private static final long BILLION = 1_000_000_000L;

  final PolicySpec spec;

  /** The spec's largest charge, {@link PolicySpec#maxPermits()}. */
  final long maxPermits;

  /** The single limit's figures, for the common one-limit spec; 0 when there are several. */
  private final long soleInterval;

  private final long soleTolerance;
  private final long soleCapacity;
  private final byte[] prefix;
  private final byte[] format;
  private final byte[][] common;

  PackedSpec(PolicySpec spec) {
    this.spec = spec;
    this.maxPermits = spec.maxPermits();
    PolicySpec.Limit sole = spec.limits().size() == 1 ? spec.limits().get(0) : null;
    this.soleInterval = sole == null ? 0 : sole.intervalNanos();
    this.soleTolerance = sole == null ? 0 : sole.toleranceNanos();
    this.soleCapacity = sole == null ? 0 : sole.capacity();
    this.prefix = (String.join(",", spec.toArguments()) + "#").getBytes(StandardCharsets.UTF_8);
    this.format = ("<" + "d".repeat(4 + 5 * spec.limits().size())).getBytes(StandardCharsets.UTF_8);
    this.common = new byte[][] {prefix, format, numbers(null, 1, 0)};
  }

  /** The stored value's prefix: the spec's arguments joined by {@code ,}, then {@code #}. */
  String prefix() {
    return new String(prefix, StandardCharsets.UTF_8);
  }

  /**
   * Returns the script's ARGV for charging {@code permits} within {@code allowance} nanoseconds (at
   * most {@code MAX_WAIT_NANOS}), or giving them back when {@code allowance} is negative.
   *
   * @param clock the frozen test clock {seconds, nanoseconds}, or null for the server's TIME
   */
  byte[][] arguments(long[] clock, long permits, long allowance) {
    if (clock == null && permits == 1 && allowance == 0) {
      return common;
    }
    return new byte[][] {prefix, format, numbers(clock, permits, allowance)};
  }

  private byte[] numbers(long[] clock, long permits, long allowance) {
    List<PolicySpec.Limit> limits = spec.limits();
    ByteBuffer out =
        ByteBuffer.allocate(8 * (4 + 5 * limits.size())).order(ByteOrder.LITTLE_ENDIAN);
    out.putDouble(clock == null ? 0 : clock[0]).putDouble(clock == null ? -1 : clock[1]);
    out.putDouble(allowance < 0 ? -1 : allowance / BILLION);
    out.putDouble(allowance < 0 ? 0 : allowance % BILLION);
    for (PolicySpec.Limit limit : limits) {
      long charge = permits * limit.intervalNanos();
      out.putDouble(limit.intervalNanos());
      out.putDouble(limit.toleranceNanos() / BILLION).putDouble(limit.toleranceNanos() % BILLION);
      out.putDouble(charge / BILLION).putDouble(charge % BILLION);
    }
    return out.array();
  }

  /**
   * Reads the script's answer {@code [allowed, d1s, d1n, ..., dks, dkn]} (null when it was not an
   * array of integers) to a charge of {@code permits} within {@code allowance} ({@code di}: limit
   * i's arrival time minus now before the charge, a pair of seconds and nanoseconds) and derives
   * the decision as {@code GcraArithmetic} does; the script's own verdict must agree.
   *
   * @throws RateLimiterStoreException for an answer the script cannot have given
   */
  StoreDecision decision(long[] reply, long permits, long allowance) {
    if (soleInterval != 0 && reply != null && reply.length == 3) {
      return decisionOfOne(reply, permits, allowance);
    }
    return decisionOfAny(reply, permits, allowance);
  }

  /**
   * {@link #decisionOfAny} for a spec of one limit and an answer of its length, without the loops
   * and the array of bases: the same figures, the same exceptions.
   */
  private StoreDecision decisionOfOne(long[] reply, long permits, long allowance) {
    long base;
    long over;
    try {
      base = Math.max(0, pair(reply, 1));
      over = Math.addExact(base, permits * soleInterval) - soleTolerance;
    } catch (ArithmeticException e) {
      throw malformed(reply, e);
    }
    boolean allowed = over <= allowance;
    if (reply[0] != (allowed ? 1 : 0)) {
      throw malformed(reply, null);
    }
    long ahead = allowed ? Math.max(0, base + permits * soleInterval - Math.max(0, over)) : base;
    long left = Math.max(0, (soleTolerance - ahead) / soleInterval);
    return allowed
        ? StoreDecision.allowed(Math.max(0, over), soleCapacity, left, ahead)
        : StoreDecision.denied(soleCapacity, left, Math.max(1, over), ahead);
  }

  /** Reads an answer for a spec of any number of limits; see {@link #decision}. */
  StoreDecision decisionOfAny(long[] reply, long permits, long allowance) {
    List<PolicySpec.Limit> limits = spec.limits();
    int k = limits.size();
    if (reply == null || reply.length != 1 + 2 * k) {
      throw malformed(reply, null);
    }
    long[] base = new long[k];
    long worstOver = Long.MIN_VALUE;
    try {
      for (int i = 0; i < k; i++) {
        PolicySpec.Limit limit = limits.get(i);
        base[i] = Math.max(0, pair(reply, 1 + 2 * i));
        long over =
            Math.addExact(base[i], permits * limit.intervalNanos()) - limit.toleranceNanos();
        worstOver = Math.max(worstOver, over);
      }
    } catch (ArithmeticException e) {
      throw malformed(reply, e);
    }
    boolean allowed = worstOver <= allowance;
    if (reply[0] != (allowed ? 1 : 0)) {
      throw malformed(reply, null);
    }
    long wait = allowed ? Math.max(0, worstOver) : 0;
    int worst = 0;
    long fewest = Long.MAX_VALUE;
    long worstAhead = 0;
    for (int i = 0; i < k; i++) {
      PolicySpec.Limit limit = limits.get(i);
      long ahead =
          allowed ? Math.max(0, base[i] + permits * limit.intervalNanos() - wait) : base[i];
      long left = Math.max(0, (limit.toleranceNanos() - ahead) / limit.intervalNanos());
      if (left < fewest) {
        worst = i;
        fewest = left;
        worstAhead = ahead;
      }
    }
    long capacity = limits.get(worst).capacity();
    return allowed
        ? StoreDecision.allowed(wait, capacity, fewest, worstAhead)
        : StoreDecision.denied(capacity, fewest, Math.max(1, worstOver), worstAhead);
  }

  private static long pair(long[] reply, int at) {
    long seconds = reply[at];
    long nanos = reply[at + 1];
    if (nanos < 0 || nanos >= BILLION) {
      throw malformed(reply, null);
    }
    return Math.addExact(Math.multiplyExact(seconds, BILLION), nanos);
  }

  private static RateLimiterStoreException malformed(long[] reply, Throwable cause) {
    return new RateLimiterStoreException(
        "the rate limiter script answered "
            + (reply == null
                ? "something other than an array of integers"
                : Arrays.toString(reply)),
        cause);
  }
}
