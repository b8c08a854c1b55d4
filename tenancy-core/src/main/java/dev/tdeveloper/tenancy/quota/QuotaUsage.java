package dev.tdeveloper.tenancy.quota;

import java.time.Instant;
import java.util.Objects;

/**
 * How much of a resource a tenant has used in the current window. Immutable and thread-safe.
 *
 * @param used consumed in the current window, at least 0; may exceed {@code limit} if the limit was
 *     lowered during the window
 * @param limit the policy's limit, at least 1
 * @param resetAt when the current window ends
 */
public record QuotaUsage(long used, long limit, Instant resetAt) {
  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if {@code used} is negative or {@code limit} below 1
   */
  public QuotaUsage {
    Objects.requireNonNull(resetAt, "resetAt");
    if (used < 0) {
      throw new IllegalArgumentException("used must be at least 0, was " + used);
    }
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }

  /** Returns what may still be consumed in the current window, at least 0. */
  public long remaining() {
    return Math.max(0, limit - used);
  }
}
