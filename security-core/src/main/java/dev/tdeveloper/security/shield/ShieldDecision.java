package dev.tdeveloper.security.shield;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link AbuseShield#check}: {@link Pass} (run the request, then release its permit)
 * or {@link Block} (answer with the status). Immutable.
 */
public sealed interface ShieldDecision {
  /** Returns whether the request may run. */
  boolean passed();

  /**
   * The request may run. Release {@code permit} when it completes ({@link Permit#onSuccess()},
   * {@link Permit#onDropped()} or {@link Permit#onIgnore()}), or the concurrency limit leaks a
   * slot.
   *
   * @param permit the concurrency slot ({@link Permit#unlimited()} when the shield has no limit)
   */
  record Pass(Permit permit) implements ShieldDecision {
    /** Validates the decision. */
    public Pass {
      Objects.requireNonNull(permit, "permit");
    }

    @Override
    public boolean passed() {
      return true;
    }
  }

  /**
   * The request must not run.
   *
   * @param reason why
   * @param status the HTTP status to answer with (403, 429 or 503)
   * @param retryAfter when to try again, for the {@code Retry-After} header; empty when unknown or
   *     never
   */
  record Block(BlockReason reason, int status, Optional<Duration> retryAfter)
      implements ShieldDecision {
    /** Validates the decision. */
    public Block {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status must be 400 to 599, was " + status);
      }
    }

    @Override
    public boolean passed() {
      return false;
    }
  }
}
