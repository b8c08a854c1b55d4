package dev.tdeveloper.security.ratelimit;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Computes the HTTP response headers that tell a client where it stands with a rate limit, as
 * defined by <a
 * href="https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-06">draft-ietf-httpapi-ratelimit-headers-06</a>
 * (the last revision with separate {@code RateLimit-Limit}, {@code -Remaining} and {@code -Reset}
 * fields, which is what clients and gateways deploy today), plus {@code Retry-After} (RFC 9110
 * section 10.2.3) on a refusal:
 *
 * <table>
 *   <caption>Headers</caption>
 *   <tr><th>header</th><th>value</th></tr>
 *   <tr><td>{@value #LIMIT}</td><td>{@link RateLimitDecision#limit()}: the capacity of the most
 *       restrictive bandwidth</td></tr>
 *   <tr><td>{@value #REMAINING}</td><td>{@link RateLimitDecision#remaining()}</td></tr>
 *   <tr><td>{@value #RESET}</td><td>{@link RateLimitDecision#resetAfterNanos()} in whole seconds,
 *       rounded up (a non-negative integer; 0 only when the bandwidth is already full)</td></tr>
 *   <tr><td>{@value #POLICY}</td><td>one {@code quota;w=window;burst=capacity} item per
 *       bandwidth of the policy, in policy order, separated by {@code ", "}</td></tr>
 *   <tr><td>{@value #RETRY_AFTER}</td><td>only on {@link RateLimitDecision.Denied}: {@link
 *       RateLimitDecision.Denied#retryAfterNanos()} in whole seconds, rounded up, at least 1</td>
 *   </tr>
 * </table>
 *
 * <p>Rounding is always up, so a client that waits what the headers say is never refused for having
 * come back a fraction of a second early.
 *
 * <p>{@code RateLimit-Policy} items: a bandwidth refilling {@code n} permits per whole number of
 * seconds {@code s} with capacity {@code c} is {@code n;w=s;burst=c} (100/s with bursts of 200 is
 * {@code 100;w=1;burst=200}; 1,000/hour is {@code 1000;w=3600;burst=1000}). A period that is not a
 * whole number of seconds is stated over the next whole second, with the quota rounded down (10 per
 * 1.5 s is {@code 13;w=2}): the advertised policy is never looser than the enforced one.
 *
 * <p>Stateless and thread-safe.
 */
public final class RateLimitHeaders {
  /** The capacity of the most restrictive bandwidth: {@value}. */
  public static final String LIMIT = "RateLimit-Limit";

  /** The permits left in the most restrictive bandwidth: {@value}. */
  public static final String REMAINING = "RateLimit-Remaining";

  /** Seconds until the most restrictive bandwidth is full again: {@value}. */
  public static final String RESET = "RateLimit-Reset";

  /** The bandwidths of the policy: {@value}. */
  public static final String POLICY = "RateLimit-Policy";

  /** Seconds to wait before retrying a refused request: {@value}. */
  public static final String RETRY_AFTER = "Retry-After";

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private RateLimitHeaders() {}

  /**
   * Returns the headers for {@code decision} under {@code policy}, in the order {@value #LIMIT},
   * {@value #REMAINING}, {@value #RESET}, {@value #POLICY} and, for a denial, {@value
   * #RETRY_AFTER}. The map is immutable and iterates in that order.
   */
  public static Map<String, String> of(RateLimitPolicy policy, RateLimitDecision decision) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(decision, "decision");
    Map<String, String> headers = new LinkedHashMap<>(8);
    write(decision, policy(policy), headers::put);
    return Collections.unmodifiableMap(headers);
  }

  /**
   * Hands each header for {@code decision} to {@code sink}, in the order and with the values of
   * {@link #of}, without building a map: for a filter that sets them straight on a response and
   * keeps the {@value #POLICY} value of each policy it serves (from {@link #policy}).
   *
   * @param policyValue the {@value #POLICY} value, as {@link #policy} computes it for the policy
   *     that made {@code decision}
   */
  public static void write(
      RateLimitDecision decision, String policyValue, BiConsumer<String, String> sink) {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(policyValue, "policyValue");
    Objects.requireNonNull(sink, "sink");
    sink.accept(LIMIT, Long.toString(decision.limit()));
    sink.accept(REMAINING, Long.toString(Math.max(0, decision.remaining())));
    sink.accept(RESET, Long.toString(seconds(decision.resetAfterNanos())));
    sink.accept(POLICY, policyValue);
    if (decision instanceof RateLimitDecision.Denied denied) {
      sink.accept(RETRY_AFTER, Long.toString(retryAfterSeconds(denied.retryAfterNanos())));
    }
  }

  /** Returns the {@value #POLICY} value of {@code policy}, e.g. {@code 5;w=1;burst=10}. */
  public static String policy(RateLimitPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    StringBuilder out = new StringBuilder(24 * policy.bandwidths().size());
    for (Bandwidth b : policy.bandwidths()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      long periodNanos = b.refillPeriod().toNanos();
      long window = seconds(periodNanos);
      long quota =
          periodNanos % NANOS_PER_SECOND == 0
              ? b.refillTokens()
              : BigInteger.valueOf(b.refillTokens())
                  .multiply(BigInteger.valueOf(window).multiply(BigInteger.valueOf(1_000_000_000)))
                  .divide(BigInteger.valueOf(periodNanos))
                  .longValueExact();
      out.append(quota).append(";w=").append(window).append(";burst=").append(b.capacity());
    }
    return out.toString();
  }

  /** Returns {@code nanos} in whole seconds rounded up; 0 for zero or negative values. */
  public static long seconds(long nanos) {
    if (nanos <= 0) {
      return 0;
    }
    return nanos / NANOS_PER_SECOND + (nanos % NANOS_PER_SECOND == 0 ? 0 : 1);
  }

  /**
   * Returns the {@value #RETRY_AFTER} seconds for a wait of {@code nanos}: rounded up and at least
   * 1, since a refused request retried at once would be refused again.
   */
  public static long retryAfterSeconds(long nanos) {
    return Math.max(1, seconds(nanos));
  }
}
