package dev.tdeveloper.compliance.controls;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The record of periodic access reviews that {@link AccessReviewCollector} reads: which scopes must
 * be reviewed and the reviews done. Implementations must be thread-safe.
 */
public interface AccessReviewLog {
  /** Returns every scope that must be reviewed periodically: the population. */
  Set<ReviewScope> scopes();

  /**
   * Returns the reviews completed or recorded in {@code [from, to)}, in any order.
   *
   * @param from the first instant included
   * @param to the first instant excluded
   */
  List<AccessReview> reviews(Instant from, Instant to);
}
