package dev.tdeveloper.tenancy.quota;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of {@link QuotaEnforcer#tryConsume}: either the amount was {@link Granted} and
 * consumed, or the quota was {@link Exhausted} and nothing was consumed. Immutable and thread-safe.
 */
public sealed interface QuotaDecision permits QuotaDecision.Granted, QuotaDecision.Exhausted {
  /** Returns how much may still be consumed in the current window, after this decision. */
  long remaining();

  /** Returns when the current window ends and the quota resets. */
  Instant resetAt();

  /** Returns whether the amount was granted. */
  default boolean isGranted() {
    return this instanceof Granted;
  }

  /**
   * The amount was consumed.
   *
   * @param remaining what may still be consumed in this window, at least 0
   * @param resetAt when the window ends
   */
  record Granted(long remaining, Instant resetAt) implements QuotaDecision {
    /** Validates the fields. */
    public Granted {
      requireValid(remaining, resetAt);
    }
  }

  /**
   * The amount would exceed the limit, so none of it was consumed.
   *
   * @param remaining what may still be consumed in this window (less than {@code requested})
   * @param resetAt when the window ends; retrying before then can succeed only after a refund
   * @param requested the refused amount, at least 1
   */
  record Exhausted(long remaining, Instant resetAt, long requested) implements QuotaDecision {
    /** Validates the fields. */
    public Exhausted {
      requireValid(remaining, resetAt);
      if (requested <= 0) {
        throw new IllegalArgumentException("requested must be at least 1, was " + requested);
      }
    }
  }

  private static void requireValid(long remaining, Instant resetAt) {
    Objects.requireNonNull(resetAt, "resetAt");
    if (remaining < 0) {
      throw new IllegalArgumentException("remaining must be at least 0, was " + remaining);
    }
  }
}
