package dev.tdeveloper.distribution.routing;

import java.util.List;

/**
 * Where a request goes and why: the answers in order of preference (one, or several for a
 * multi-value policy) and the reasons — which regions residency and health removed, which policy
 * chose and how.
 *
 * <p>Immutable and thread-safe.
 *
 * @param answers at least one answer, best first
 * @param reasons what each step of the decision did, in order
 */
public record RouteDecision(List<RouteAnswer> answers, List<String> reasons) {
  /** Copies the lists and checks there is an answer. */
  public RouteDecision {
    answers = List.copyOf(answers);
    reasons = List.copyOf(reasons);
    if (answers.isEmpty()) {
      throw new IllegalArgumentException("a route decision has at least one answer");
    }
  }

  /** Returns the best answer. */
  public RouteAnswer primary() {
    return answers.get(0);
  }
}
