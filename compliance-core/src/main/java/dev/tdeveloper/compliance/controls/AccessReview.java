package dev.tdeveloper.compliance.controls;

import java.time.Instant;
import java.util.Objects;

/**
 * One periodic access review: who reviewed which scope, when, and what came of it. Immutable and
 * thread-safe.
 *
 * @param scope what was reviewed
 * @param reviewer who reviewed it, 1 to 256 characters
 * @param reviewedAt when the review was completed
 * @param outcome what came of it
 */
public record AccessReview(
    ReviewScope scope, String reviewer, Instant reviewedAt, Outcome outcome) {

  /** What an access review concluded. */
  public enum Outcome {
    /** Every grant was confirmed. */
    NO_CHANGE,
    /** Some grants were removed or changed; the review is complete. */
    ACCESS_CHANGED,
    /** The review was started but not finished; it does not count as a review. */
    INCOMPLETE
  }

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the reviewer is blank, too long or holds control characters
   */
  public AccessReview {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(reviewedAt, "reviewedAt");
    Objects.requireNonNull(outcome, "outcome");
    if (reviewer.isBlank()
        || reviewer.length() > 256
        || reviewer.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "AccessReview.reviewer must have 1 to 256 characters and no control characters");
    }
  }

  /** Returns whether the review was completed, so that it counts for its scope. */
  public boolean completed() {
    return outcome != Outcome.INCOMPLETE;
  }
}
