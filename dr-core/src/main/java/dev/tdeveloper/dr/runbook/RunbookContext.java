package dev.tdeveloper.dr.runbook;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a step's precondition, action, verification and rollback are told: which run and step they
 * serve, and a way to leave notes in the execution log ("promoted replica db-2"). Notes go to the
 * run's journal and listeners as {@link RunbookEvent.Kind#NOTE} events; in a dry run they are
 * dropped. Thread-safe.
 */
public final class RunbookContext {
  /** The run id a {@link DrRunbook#dryRun()} passes to preconditions: {@value}. */
  public static final String DRY_RUN = "dry-run";

  private final String runbook;
  private final String runId;
  private final String stepName;
  private final Consumer<String> notes;

  RunbookContext(String runbook, String runId, String stepName, Consumer<String> notes) {
    this.runbook = runbook;
    this.runId = runId;
    this.stepName = stepName;
    this.notes = notes;
  }

  /** Returns the runbook's name. */
  public String runbook() {
    return runbook;
  }

  /** Returns the run's id, or {@value #DRY_RUN} in a dry run. */
  public String runId() {
    return runId;
  }

  /** Returns the name of the step being run. */
  public String stepName() {
    return stepName;
  }

  /**
   * Records a note in the execution log, cut to 2000 characters.
   *
   * @throws IllegalArgumentException if the note is blank
   * @throws dev.tdeveloper.dr.DrException if the journal cannot be written
   */
  public void note(String note) {
    Objects.requireNonNull(note, "note");
    if (note.isBlank()) {
      throw new IllegalArgumentException("a runbook note must not be blank");
    }
    notes.accept(RunbookNames.clip(note));
  }
}
