package dev.tdeveloper.security.internal;

import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;

/** A policy flattened into arrays of nanosecond figures for the GCRA hot path. Immutable. */
public final class CompiledPolicy {
  final RateLimitPolicy source;
  final long[] interval;
  final long[] tolerance;
  final long[] capacity;
  final long maxPermits;

  /** Compiles {@code policy}. */
  public CompiledPolicy(RateLimitPolicy policy) {
    this.source = policy;
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

  /** Returns the policy this was compiled from. */
  public RateLimitPolicy source() {
    return source;
  }

  int size() {
    return interval.length;
  }
}
