package dev.tdeveloper.compliance.privacy;

/**
 * Where a {@link PrivacyRequest} stands. A request starts {@link #RECEIVED}, moves to {@link
 * #IN_PROGRESS} when processing starts and ends in one of the terminal states.
 */
public enum PrivacyRequestStatus {
  /** Received, not yet processed. */
  RECEIVED,
  /** Being processed. */
  IN_PROGRESS,
  /** Done in every system. */
  COMPLETED,
  /** Done in some systems; the history says which failed or were held, and why. */
  PARTIALLY_COMPLETED,
  /** Refused, such as when the identity is not verified or a legal hold covers all the data. */
  REJECTED,
  /** Nothing could be done; the history says why. */
  FAILED;

  /** Returns whether the request has ended and can no longer change. */
  public boolean isTerminal() {
    return this != RECEIVED && this != IN_PROGRESS;
  }

  /** Returns whether a request may move from this status to {@code next}. */
  public boolean canMoveTo(PrivacyRequestStatus next) {
    return switch (this) {
      case RECEIVED -> next == IN_PROGRESS || next == REJECTED;
      case IN_PROGRESS -> next.isTerminal();
      default -> false;
    };
  }
}
