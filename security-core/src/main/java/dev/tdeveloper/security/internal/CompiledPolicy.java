package dev.tdeveloper.security.internal;

import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.spi.PolicySpec;

/**
 * A policy flattened into arrays of nanosecond figures for the GCRA hot path. Compiled from a
 * {@link RateLimitPolicy} by the local limiter, or from a {@link PolicySpec} by the in-process
 * store (then {@link #source} is null and {@link #spec} identifies it). Immutable.
 */
public final class CompiledPolicy {
  final RateLimitPolicy source;
  final PolicySpec spec;
  final long[] interval;
  final long[] tolerance;
  final long[] capacity;
  final long maxPermits;

  /** Compiles {@code policy}. */
  public CompiledPolicy(RateLimitPolicy policy) {
    this.source = policy;
    this.spec = null;
    int n = policy.bandwidths().size();
    interval = new long[n];
    tolerance = new long[n];
    capacity = new long[n];
    for (int i = 0; i < n; i++) {
      Bandwidth b = policy.bandwidths().get(i);
      interval[i] = b.emissionIntervalNanos();
      tolerance[i] = b.toleranceNanos();
      capacity[i] = b.capacity();
    }
    maxPermits = policy.maxPermits();
  }

  /** Compiles a store's {@code spec}. */
  CompiledPolicy(PolicySpec spec) {
    this.source = null;
    this.spec = spec;
    int n = spec.limits().size();
    interval = new long[n];
    tolerance = new long[n];
    capacity = new long[n];
    for (int i = 0; i < n; i++) {
      PolicySpec.Limit limit = spec.limits().get(i);
      interval[i] = limit.intervalNanos();
      tolerance[i] = limit.toleranceNanos();
      capacity[i] = limit.capacity();
    }
    maxPermits = spec.maxPermits();
  }

  /** Returns the policy this was compiled from (null for a store's spec). */
  public RateLimitPolicy source() {
    return source;
  }

  /** Returns whether {@code other} enforces the same policy (or spec). */
  boolean sameAs(CompiledPolicy other) {
    if (this == other) {
      return true;
    }
    return spec != null ? spec.equals(other.spec) : source.equals(other.source);
  }

  int size() {
    return interval.length;
  }
}
