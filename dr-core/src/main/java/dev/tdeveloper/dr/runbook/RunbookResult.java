package dev.tdeveloper.dr.runbook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run of a {@link DrRunbook} ended. Immutable and thread-safe.
 *
 * @param runbook the runbook's name
 * @param runId the run's id
 * @param outcome how it ended
 * @param step the step the outcome names: whose precondition failed, which failed (rolled back), or
 *     whose rollback failed; empty when completed
 * @param reason why it did not complete; empty when completed
 * @param completedSteps the steps whose verification passed, in order (before a crash included)
 * @param rolledBackSteps the steps rolled back, in the order they were
 * @param resumed whether this execution resumed an earlier, interrupted one
 */
public record RunbookResult(
    String runbook,
    String runId,
    RunbookOutcome outcome,
    Optional<String> step,
    Optional<String> reason,
    List<String> completedSteps,
    List<String> rolledBackSteps,
    boolean resumed) {
  /** Checks that no field is null and copies the lists. */
  public RunbookResult {
    Objects.requireNonNull(runbook, "runbook");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(reason, "reason");
    completedSteps = List.copyOf(completedSteps);
    rolledBackSteps = List.copyOf(rolledBackSteps);
  }

  /** Returns whether every step ran and verified. */
  public boolean completed() {
    return outcome == RunbookOutcome.COMPLETED;
  }
}
