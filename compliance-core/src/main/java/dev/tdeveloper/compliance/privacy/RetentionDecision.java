package dev.tdeveloper.compliance.privacy;

import java.util.Objects;

/**
 * What a {@link RetentionPolicy} decided for one piece of data, and why. Immutable and thread-safe.
 *
 * @param action what to do with the data now
 * @param reason why, such as the retention end or the legal hold's reason
 */
public record RetentionDecision(Action action, String reason) {
  /** What to do with data. */
  public enum Action {
    /** Keep it: its retention period has not ended. */
    RETAIN,
    /** Its retention ended: anonymize it. */
    ANONYMIZE,
    /** Its retention ended: delete it. */
    DELETE,
    /** Keep it whatever its age: a legal hold covers it. */
    HELD
  }

  /** Checks the fields. */
  public RetentionDecision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
  }
}
