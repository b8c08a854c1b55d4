package dev.tdeveloper.observability.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What one delivery attempt came to, as the receiver answered it. */
sealed interface Outcome {
  /** The receiver took the notification. */
  record Accepted() implements Outcome {}

  /**
   * A failure worth retrying (429, 5xx), after the receiver's {@code Retry-After} if it sent one.
   */
  record Retryable(String reason, Optional<Duration> retryAfter) implements Outcome {
    public Retryable {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  /** The receiver refused the notification; sending it again would not help. */
  record Refused(String reason) implements Outcome {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** One attempt to hand a notification to the receiver; I/O errors are retried. */
  @FunctionalInterface
  interface Attempt {
    Outcome attempt(Notification notification) throws java.io.IOException, InterruptedException;
  }
}
