package dev.tdeveloper.dr.runbook;

import java.util.List;
import java.util.Objects;

/**
 * What a run would do, from {@link DrRunbook#dryRun()}: each step in order, whether its
 * precondition holds now, and what it would run. Preconditions of later steps may depend on earlier
 * actions, so "does not hold now" is a warning, not a verdict. Immutable and thread-safe.
 *
 * @param runbook the runbook's name
 * @param steps the steps in execution order
 */
public record RunbookPlan(String runbook, List<PlannedStep> steps) {
  /** Checks that no field is null and copies the list. */
  public RunbookPlan {
    Objects.requireNonNull(runbook, "runbook");
    steps = List.copyOf(steps);
  }

  /** Returns whether every step's precondition holds now. */
  public boolean allPreconditionsHold() {
    return steps.stream().allMatch(PlannedStep::preconditionHolds);
  }

  /**
   * One step of a plan.
   *
   * @param name the step's name
   * @param description what its action would do
   * @param preconditionHolds whether its precondition holds now
   * @param precondition how the precondition evaluated: "holds", "does not hold", or what it threw
   * @param hasRollback whether a failure could be rolled back at this step
   */
  public record PlannedStep(
      String name,
      String description,
      boolean preconditionHolds,
      String precondition,
      boolean hasRollback) {
    /** Checks that no field is null. */
    public PlannedStep {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(precondition, "precondition");
    }
  }
}
