package dev.tdeveloper.dr.runbook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One transition of a runbook run, as written to the run's journal and published to listeners (the
 * execution log, for the audit hook). Immutable and thread-safe.
 *
 * @param runbook the runbook's name
 * @param runId the run's id
 * @param kind what happened
 * @param step the step it happened to; empty for whole-run transitions
 * @param detail what a person reading the log needs: a reason, a note, an outcome
 * @param at when it happened
 */
public record RunbookEvent(
    String runbook, String runId, Kind kind, Optional<String> step, String detail, Instant at) {
  /** What happened. */
  public enum Kind {
    /** A new run started; the detail lists its steps. */
    RUN_STARTED,
    /** A run resumed from its journal after a crash or failure. */
    RUN_RESUMED,
    /** A step was skipped on resume because it had completed before. */
    STEP_SKIPPED,
    /** A step's precondition did not hold; the run stops. */
    PRECONDITION_FAILED,
    /** A step's action is about to run. */
    STEP_STARTED,
    /** A step's action returned. */
    ACTION_COMPLETED,
    /** A step's verification passed; the step is complete. */
    STEP_COMPLETED,
    /** A step's action threw or its verification failed; the run rolls back. */
    STEP_FAILED,
    /** A step's rollback is about to run. */
    ROLLBACK_STARTED,
    /** A step's rollback returned. */
    ROLLBACK_COMPLETED,
    /** A step has no rollback and was left as it is. */
    ROLLBACK_SKIPPED,
    /** A step's rollback threw; the run stops. */
    ROLLBACK_FAILED,
    /** A note a step left through {@link RunbookContext#note}. */
    NOTE,
    /** The run ended; the detail starts with its {@link RunbookOutcome}. */
    RUN_FINISHED
  }

  /** Checks that no field is null. */
  public RunbookEvent {
    Objects.requireNonNull(runbook, "runbook");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
  }
}
