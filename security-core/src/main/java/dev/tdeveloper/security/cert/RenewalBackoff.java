package dev.tdeveloper.security.cert;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts a renewer's consecutive failed attempts and holds when the next may start: the initial
 * backoff doubled per further failure, at most the maximum; guarded by the renewer's lock.
 */
final class RenewalBackoff {
  private final Duration initial;
  private final Duration max;
  private int failures;
  private Instant nextAttempt = Instant.MIN;

  RenewalBackoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /** Returns the number of the next attempt: 1 after a success, then one more per failure. */
  int nextAttemptNumber() {
    return failures + 1;
  }

  /** Whether a failed attempt's backoff has not passed at {@code now}. */
  boolean waiting(Instant now) {
    return now.isBefore(nextAttempt);
  }

  /** Records a success: the next failure starts from the initial backoff again. */
  void succeeded() {
    failures = 0;
    nextAttempt = Instant.MIN;
  }

  /** Records a failure at {@code now} and returns when the next attempt may start. */
  Instant failed(Instant now) {
    failures++;
    nextAttempt = now.plus(backoff(failures));
    return nextAttempt;
  }

  private Duration backoff(int failures) {
    Duration backoff = initial;
    for (int i = 1; i < failures && backoff.compareTo(max) < 0; i++) {
      backoff = backoff.multipliedBy(2);
    }
    return backoff.compareTo(max) < 0 ? backoff : max;
  }
}
