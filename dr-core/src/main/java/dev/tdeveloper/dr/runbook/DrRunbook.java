package dev.tdeveloper.dr.runbook;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A disaster-recovery runbook: ordered {@link RunbookStep}s, each run as precondition, action,
 * verification. A precondition that does not hold stops the run ({@link
 * RunbookOutcome#FAILED_PRECONDITION}); a failed action or verification rolls back that step and
 * the completed earlier ones in reverse order ({@link RunbookOutcome#ROLLED_BACK}, or {@link
 * RunbookOutcome#ROLLBACK_FAILED} naming the step whose rollback threw).
 *
 * <p>Every transition is appended to the run's journal ({@code <journalDirectory>/<runId>.run},
 * forced to disk) and then published as a {@link RunbookEvent} to the listeners (the execution log
 * for the audit hook). Executing a run id whose journal exists resumes it: completed steps are
 * skipped; a step started but not completed has its verification run first, and only if that fails
 * is its action run again, so actions must be idempotent or safe to repeat once their verification
 * says they did not take effect. An interrupted roll-back continues where it stopped, running an
 * interrupted rollback again (so rollbacks must be idempotent too). A finished run id cannot be
 * executed again.
 *
 * <p>Thread-safe: different run ids may execute at once; the same run id only once at a time.
 */
public final class DrRunbook {
  private final String name;
  private final List<RunbookStep> steps;
  private final Path journalDirectory;
  private final InstantSource clock;
  private final Listeners<RunbookEvent> listeners;
  private final Set<String> executing = ConcurrentHashMap.newKeySet();

  DrRunbook(
      String name,
      List<RunbookStep> steps,
      Path journalDirectory,
      InstantSource clock,
      List<EventListener<? super RunbookEvent>> listeners) {
    this.name = name;
    this.steps = List.copyOf(steps);
    this.journalDirectory = journalDirectory;
    this.clock = clock;
    this.listeners = Listeners.of(listeners);
  }

  /**
   * Returns a builder of a runbook named {@code name}.
   *
   * @throws IllegalArgumentException if the name is blank, longer than 128 characters or holds
   *     control characters
   */
  public static DrRunbookBuilder builder(String name) {
    return new DrRunbookBuilder(RunbookNames.requireName("runbook name", name));
  }

  /** Returns the runbook's name. */
  public String name() {
    return name;
  }

  /** Returns the steps in execution order. */
  public List<RunbookStep> steps() {
    return steps;
  }

  /**
   * Evaluates every step's precondition now and lists what would run; runs no action, verification
   * or rollback and writes no journal. Preconditions get the run id {@value RunbookContext#DRY_RUN}
   * and their notes are dropped.
   */
  public RunbookPlan dryRun() {
    List<RunbookPlan.PlannedStep> planned = new ArrayList<>();
    for (RunbookStep step : steps) {
      RunbookContext context =
          new RunbookContext(name, RunbookContext.DRY_RUN, step.name(), note -> {});
      boolean holds;
      String how;
      try {
        holds = step.precondition().test(context);
        how = holds ? "holds" : "does not hold";
      } catch (Exception e) {
        RunExecution.keepInterrupt(e);
        holds = false;
        how = RunbookNames.clip("threw " + e);
      }
      planned.add(
          new RunbookPlan.PlannedStep(
              step.name(), step.description(), holds, how, step.rollback().isPresent()));
    }
    return new RunbookPlan(name, planned);
  }

  /**
   * Executes the run {@code runId}, or resumes it if its journal shows it was interrupted.
   *
   * @throws IllegalArgumentException if the run id is malformed
   * @throws IllegalStateException if the run finished already, or is executing now in this process
   * @throws DrException if its journal is open in another process, damaged, or was written by a
   *     runbook with another name or other steps, or cannot be written (the run may then be
   *     resumed)
   */
  public RunbookResult execute(String runId) {
    RunbookNames.requireRunId(runId);
    if (!executing.add(runId)) {
      throw new IllegalStateException(
          "run '" + runId + "' of runbook '" + name + "' is executing already");
    }
    try {
      try {
        Files.createDirectories(journalDirectory);
      } catch (IOException e) {
        throw new DrException("cannot create runbook journal directory " + journalDirectory, e);
      }
      try (RunJournal journal = RunJournal.open(journalDirectory.resolve(runId + ".run"))) {
        RunJournal.State state = journal.state();
        if (state.outcome.isPresent()) {
          throw new IllegalStateException(
              "run '"
                  + runId
                  + "' of runbook '"
                  + name
                  + "' finished already ("
                  + state.outcome.get()
                  + " at "
                  + state.finishedAt
                  + "); start a new run with another run id");
        }
        List<String> names = steps.stream().map(RunbookStep::name).toList();
        if (state.started && (!name.equals(state.runbook) || !names.equals(state.steps))) {
          throw new DrException(
              "run '"
                  + runId
                  + "' was started by runbook '"
                  + state.runbook
                  + "' with steps "
                  + state.steps
                  + "; this is runbook '"
                  + name
                  + "' with steps "
                  + names
                  + ", so it cannot resume it");
        }
        return new RunExecution(name, runId, steps, journal, clock, listeners).run();
      }
    } finally {
      executing.remove(runId);
    }
  }
}
