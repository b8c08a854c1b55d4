package dev.tdeveloper.dr.runbook;

import dev.tdeveloper.dr.runbook.RunbookEvent.Kind;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One execution of a run: walks the steps from where the journal left off, journaling each
 * transition before publishing it. Confined to the thread that calls {@link #run()}.
 */
final class RunExecution {
  private final String runbook;
  private final String runId;
  private final List<RunbookStep> steps;
  private final RunJournal journal;
  private final RunJournal.State state;
  private final InstantSource clock;
  private final Listeners<RunbookEvent> listeners;
  private final boolean resumed;

  RunExecution(
      String runbook,
      String runId,
      List<RunbookStep> steps,
      RunJournal journal,
      InstantSource clock,
      Listeners<RunbookEvent> listeners) {
    this.runbook = runbook;
    this.runId = runId;
    this.steps = steps;
    this.journal = journal;
    this.state = journal.state();
    this.clock = clock;
    this.listeners = listeners;
    this.resumed = state.started;
  }

  RunbookResult run() {
    List<String> names = steps.stream().map(RunbookStep::name).toList();
    if (resumed) {
      emit(Kind.RUN_RESUMED, Optional.empty(), "completed before: " + state.completed);
    } else {
      emit(Kind.RUN_STARTED, Optional.empty(), "steps: " + String.join(", ", names), names);
    }
    if (state.failedStep.isPresent()) {
      return rollBack(names.indexOf(state.failedStep.get()), state.failure);
    }
    for (int i = 0; i < steps.size(); i++) {
      RunbookStep step = steps.get(i);
      Optional<String> at = Optional.of(step.name());
      RunbookContext context = context(step);
      if (state.completed.contains(step.name())) {
        emit(Kind.STEP_SKIPPED, at, "completed in an earlier execution");
        continue;
      }
      if (state.inProgress.equals(at)) {
        if (check(step.verification(), context).isEmpty()) {
          emit(Kind.STEP_COMPLETED, at, "verified on resume; action not repeated");
          continue;
        }
        emit(Kind.STEP_STARTED, at, "not verified on resume; running the action again");
      } else {
        Optional<String> refused = check(step.precondition(), context);
        if (refused.isPresent()) {
          String reason = "precondition of step '" + step.name() + "' " + refused.get();
          emit(Kind.PRECONDITION_FAILED, at, reason);
          return finish(RunbookOutcome.FAILED_PRECONDITION, at, reason);
        }
        emit(Kind.STEP_STARTED, at, step.description());
      }
      try {
        step.action().run(context);
      } catch (Exception e) {
        keepInterrupt(e);
        String reason = RunbookNames.clip("action of step '" + step.name() + "' threw " + e);
        emit(Kind.STEP_FAILED, at, reason);
        return rollBack(i, reason);
      }
      emit(Kind.ACTION_COMPLETED, at, "action returned");
      Optional<String> unverified = check(step.verification(), context);
      if (unverified.isPresent()) {
        String reason = "verification of step '" + step.name() + "' " + unverified.get();
        emit(Kind.STEP_FAILED, at, reason);
        return rollBack(i, reason);
      }
      emit(Kind.STEP_COMPLETED, at, "verified");
    }
    return finish(RunbookOutcome.COMPLETED, Optional.empty(), "every step verified");
  }

  /** Rolls back step {@code failed} and every earlier one, newest first, skipping those done. */
  private RunbookResult rollBack(int failed, String reason) {
    Optional<String> failedStep = Optional.of(steps.get(failed).name());
    for (int j = failed; j >= 0; j--) {
      RunbookStep step = steps.get(j);
      Optional<String> at = Optional.of(step.name());
      if (state.rolledBack.contains(step.name())) {
        continue;
      }
      if (step.rollback().isEmpty()) {
        emit(Kind.ROLLBACK_SKIPPED, at, "step has no rollback");
        continue;
      }
      emit(Kind.ROLLBACK_STARTED, at, "rolling back after: " + reason);
      try {
        step.rollback().get().run(context(step));
      } catch (Exception e) {
        keepInterrupt(e);
        String why =
            RunbookNames.clip(
                reason + "; then the rollback of step '" + step.name() + "' threw " + e);
        emit(Kind.ROLLBACK_FAILED, at, why);
        return finish(RunbookOutcome.ROLLBACK_FAILED, at, why);
      }
      emit(Kind.ROLLBACK_COMPLETED, at, "rolled back");
    }
    return finish(RunbookOutcome.ROLLED_BACK, failedStep, reason);
  }

  private RunbookResult finish(RunbookOutcome outcome, Optional<String> step, String reason) {
    String detail = outcome == RunbookOutcome.COMPLETED ? outcome.name() : outcome + ": " + reason;
    RunbookEvent event =
        new RunbookEvent(
            runbook, runId, Kind.RUN_FINISHED, step, RunbookNames.clip(detail), clock.instant());
    journal.append(event, List.of(), Optional.of(outcome));
    listeners.publish(event);
    return new RunbookResult(
        runbook,
        runId,
        outcome,
        step,
        outcome == RunbookOutcome.COMPLETED ? Optional.empty() : Optional.of(reason),
        new ArrayList<>(state.completed),
        state.rollbackOrder,
        resumed);
  }

  /** Returns empty if the check holds, else how it failed. */
  private static Optional<String> check(RunbookStep.Check check, RunbookContext context) {
    try {
      return check.test(context) ? Optional.empty() : Optional.of("does not hold");
    } catch (Exception e) {
      keepInterrupt(e);
      return Optional.of(RunbookNames.clip("threw " + e));
    }
  }

  private RunbookContext context(RunbookStep step) {
    Optional<String> at = Optional.of(step.name());
    return new RunbookContext(runbook, runId, step.name(), note -> emit(Kind.NOTE, at, note));
  }

  private void emit(Kind kind, Optional<String> step, String detail) {
    emit(kind, step, detail, List.of());
  }

  private void emit(Kind kind, Optional<String> step, String detail, List<String> names) {
    RunbookEvent event =
        new RunbookEvent(runbook, runId, kind, step, RunbookNames.clip(detail), clock.instant());
    journal.append(event, names, Optional.empty());
    listeners.publish(event);
  }

  static void keepInterrupt(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
  }
}
