package dev.tdeveloper.security.spi;

import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@link RateLimitPolicy} reduced to the integers a {@link RateLimiterStore} computes with: per
 * bandwidth the emission interval {@code T}, the tolerance {@code capacity * T} (both in
 * nanoseconds) and the capacity (in permits). A store keeps the spec with a key's state, so it can
 * tell when the policy of a key changed. Immutable.
 *
 * <p>As script arguments ({@link #toArguments()}) a spec is the list of decimal strings {@code
 * name, n, T1, tolerance1, capacity1, ..., Tn, tolerancen, capacityn}; two specs are equal exactly
 * when their argument lists are.
 *
 * @param name the policy name
 * @param limits 1 to {@value RateLimitPolicy#MAX_BANDWIDTHS} bandwidths, in the policy's order
 */
public record PolicySpec(String name, List<PolicySpec.Limit> limits) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /**
   * Validates the spec.
   *
   * @throws IllegalArgumentException for a name a policy could not have, or no or too many limits
   */
  public PolicySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(limits, "limits");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must match [A-Za-z0-9][A-Za-z0-9._-]{0,62}, was '" + name + "'");
    }
    limits = List.copyOf(limits);
    if (limits.isEmpty() || limits.size() > RateLimitPolicy.MAX_BANDWIDTHS) {
      throw new IllegalArgumentException(
          "limits must hold 1 to "
              + RateLimitPolicy.MAX_BANDWIDTHS
              + " bandwidths, had "
              + limits.size());
    }
  }

  /** Returns the spec of {@code policy}. */
  public static PolicySpec of(RateLimitPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    List<Limit> limits = new ArrayList<>(policy.bandwidths().size());
    for (Bandwidth b : policy.bandwidths()) {
      limits.add(new Limit(b.emissionIntervalNanos(), b.toleranceNanos(), b.capacity()));
    }
    return new PolicySpec(policy.name(), limits);
  }

  /** Returns the largest request the spec can ever allow: its smallest capacity. */
  public long maxPermits() {
    long max = Long.MAX_VALUE;
    for (Limit limit : limits) {
      max = Math.min(max, limit.capacity());
    }
    return max;
  }

  /**
   * Checks a request of {@code permits}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= permits <= maxPermits()}
   */
  public void checkPermits(long permits) {
    if (permits < 1 || permits > maxPermits()) {
      throw new IllegalArgumentException(
          "permits must be between 1 and "
              + maxPermits()
              + " (the smallest capacity of policy '"
              + name
              + "'), was "
              + permits);
    }
  }

  /** Returns the spec as script arguments: {@code name, n, T1, tolerance1, capacity1, ...}. */
  public List<String> toArguments() {
    List<String> args = new ArrayList<>(2 + 3 * limits.size());
    args.add(name);
    args.add(Integer.toString(limits.size()));
    for (Limit limit : limits) {
      args.add(Long.toString(limit.intervalNanos()));
      args.add(Long.toString(limit.toleranceNanos()));
      args.add(Long.toString(limit.capacity()));
    }
    return List.copyOf(args);
  }

  /**
   * Reads a spec written by {@link #toArguments()}.
   *
   * @throws IllegalArgumentException if the list is malformed or describes an invalid spec
   */
  public static PolicySpec fromArguments(List<String> arguments) {
    Objects.requireNonNull(arguments, "arguments");
    if (arguments.size() < 2) {
      throw new IllegalArgumentException(
          "arguments must be name, n and 3n numbers, had " + arguments.size() + " elements");
    }
    long n = parse(arguments, 1);
    if (n < 1 || n > RateLimitPolicy.MAX_BANDWIDTHS || arguments.size() != 2 + 3 * n) {
      throw new IllegalArgumentException(
          "arguments must be name, n (1 to "
              + RateLimitPolicy.MAX_BANDWIDTHS
              + ") and 3n numbers, had n="
              + n
              + " and "
              + arguments.size()
              + " elements");
    }
    List<Limit> limits = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      int at = 2 + 3 * i;
      limits.add(
          new Limit(parse(arguments, at), parse(arguments, at + 1), parse(arguments, at + 2)));
    }
    return new PolicySpec(arguments.get(0), limits);
  }

  private static long parse(List<String> arguments, int index) {
    String value = Objects.requireNonNull(arguments.get(index), "arguments[" + index + "]");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "arguments[" + index + "] must be a decimal integer, was '" + value + "'", e);
    }
  }

  /**
   * One bandwidth of a spec. Immutable.
   *
   * @param intervalNanos the cost of one permit, {@code T} (1 or more)
   * @param toleranceNanos how far ahead of now a burst may borrow: exactly {@code capacity * T}, at
   *     most {@link Bandwidth#MAX_TOLERANCE_NANOS}
   * @param capacity the largest burst in permits (1 or more)
   */
  public record Limit(long intervalNanos, long toleranceNanos, long capacity) {
    /**
     * Validates the figures.
     *
     * @throws IllegalArgumentException naming the field, its value and what is allowed
     */
    public Limit {
      if (intervalNanos < 1) {
        throw new IllegalArgumentException(
            "intervalNanos must be at least 1, was " + intervalNanos);
      }
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
      }
      if (capacity > Bandwidth.MAX_TOLERANCE_NANOS / intervalNanos
          || toleranceNanos != capacity * intervalNanos) {
        throw new IllegalArgumentException(
            "toleranceNanos must be capacity * intervalNanos = "
                + capacity
                + " * "
                + intervalNanos
                + ", at most 2^61, was "
                + toleranceNanos);
      }
    }
  }
}
