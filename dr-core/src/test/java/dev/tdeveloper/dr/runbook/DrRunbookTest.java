package dev.tdeveloper.dr.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.runbook.RunbookEvent.Kind;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrRunbookTest {
  @TempDir Path temp;
  final ManualClock clock = new ManualClock();
  final List<RunbookEvent> log = new CopyOnWriteArrayList<>();

  Path effects() {
    return temp.resolve("effects.txt");
  }

  RunbookStep step(String name) {
    return FileSteps.step(effects(), name, at -> {});
  }

  DrRunbookBuilder builder() {
    return DrRunbook.builder("failover")
        .journalDirectory(temp.resolve("runs"))
        .clock(clock)
        .listener(log::add);
  }

  List<String> kinds() {
    return log.stream().map(e -> e.kind() + e.step().map(s -> " " + s).orElse("")).toList();
  }

  @Test
  void stepsRunInOrderAndEveryTransitionIsLogged() throws Exception {
    DrRunbook runbook =
        builder().step(step("fence")).step(step("promote")).step(step("repoint")).build();

    RunbookResult result = runbook.execute("run-1");

    assertThat(result.completed()).isTrue();
    assertThat(result.completedSteps()).containsExactly("fence", "promote", "repoint");
    assertThat(FileSteps.lines(effects())).containsExactly("fence", "promote", "repoint");
    assertThat(kinds())
        .containsExactly(
            "RUN_STARTED",
            "STEP_STARTED fence",
            "ACTION_COMPLETED fence",
            "STEP_COMPLETED fence",
            "STEP_STARTED promote",
            "ACTION_COMPLETED promote",
            "STEP_COMPLETED promote",
            "STEP_STARTED repoint",
            "ACTION_COMPLETED repoint",
            "STEP_COMPLETED repoint",
            "RUN_FINISHED");
    assertThat(log).allMatch(e -> e.runId().equals("run-1") && e.runbook().equals("failover"));
  }

  @Test
  void preconditionThatDoesNotHoldStopsTheRunBeforeTheStep() throws Exception {
    RunbookStep guarded =
        RunbookStep.builder("promote")
            .precondition(context -> false)
            .action(context -> FileSteps.append(effects(), "promote"))
            .verification(context -> true)
            .rollback(context -> FileSteps.append(effects(), "undo promote"))
            .build();
    DrRunbook runbook = builder().step(step("fence")).step(guarded).step(step("repoint")).build();

    RunbookResult result = runbook.execute("run-1");

    assertThat(result.outcome()).isEqualTo(RunbookOutcome.FAILED_PRECONDITION);
    assertThat(result.step()).contains("promote");
    assertThat(result.reason().orElseThrow())
        .isEqualTo("precondition of step 'promote' does not hold");
    assertThat(FileSteps.lines(effects())).containsExactly("fence");
  }

  @Test
  void failedVerificationRollsBackThatStepAndTheEarlierOnesInReverseOrder() throws Exception {
    RunbookStep unverifiable =
        RunbookStep.builder("repoint")
            .action(context -> FileSteps.append(effects(), "repoint"))
            .verification(context -> false)
            .rollback(context -> FileSteps.append(effects(), "undo repoint"))
            .build();
    RunbookStep noRollback =
        RunbookStep.builder("announce")
            .action(context -> FileSteps.append(effects(), "announce"))
            .verification(context -> true)
            .build();
    DrRunbook runbook =
        builder()
            .step(step("fence"))
            .step(noRollback)
            .step(step("promote"))
            .step(unverifiable)
            .build();

    RunbookResult result = runbook.execute("run-1");

    assertThat(result.outcome()).isEqualTo(RunbookOutcome.ROLLED_BACK);
    assertThat(result.step()).contains("repoint");
    assertThat(result.reason()).contains("verification of step 'repoint' does not hold");
    assertThat(result.rolledBackSteps()).containsExactly("repoint", "promote", "fence");
    assertThat(FileSteps.lines(effects()))
        .containsExactly(
            "fence",
            "announce",
            "promote",
            "repoint",
            "undo repoint",
            "undo promote",
            "undo fence");
    assertThat(kinds()).contains("ROLLBACK_SKIPPED announce");
  }

  @Test
  void actionThatThrowsIsRolledBackToo() throws Exception {
    RunbookStep broken =
        RunbookStep.builder("promote")
            .action(
                context -> {
                  throw new IllegalStateException("replica lag 40 s");
                })
            .verification(context -> true)
            .rollback(context -> FileSteps.append(effects(), "undo promote"))
            .build();
    DrRunbook runbook = builder().step(step("fence")).step(broken).build();

    RunbookResult result = runbook.execute("run-1");

    assertThat(result.outcome()).isEqualTo(RunbookOutcome.ROLLED_BACK);
    assertThat(result.reason().orElseThrow()).contains("replica lag 40 s");
    assertThat(FileSteps.lines(effects())).containsExactly("fence", "undo promote", "undo fence");
  }

  @Test
  void rollbackThatThrowsStopsTheRunNamingItsStep() throws Exception {
    RunbookStep stuck =
        RunbookStep.builder("promote")
            .action(context -> FileSteps.append(effects(), "promote"))
            .verification(context -> true)
            .rollback(
                context -> {
                  throw new IllegalStateException("cannot demote");
                })
            .build();
    RunbookStep failing =
        RunbookStep.builder("repoint").action(context -> {}).verification(context -> false).build();
    DrRunbook runbook = builder().step(step("fence")).step(stuck).step(failing).build();

    RunbookResult result = runbook.execute("run-1");

    assertThat(result.outcome()).isEqualTo(RunbookOutcome.ROLLBACK_FAILED);
    assertThat(result.step()).contains("promote");
    assertThat(result.reason().orElseThrow())
        .contains(
            "verification of step 'repoint'", "rollback of step 'promote' threw", "cannot demote");
    assertThat(FileSteps.lines(effects())).containsExactly("fence", "promote");
  }

  @Test
  void dryRunEvaluatesPreconditionsAndExecutesNothing() throws Exception {
    List<String> preconditions = new CopyOnWriteArrayList<>();
    RunbookStep guarded =
        RunbookStep.builder("promote")
            .description("promote replica db-2")
            .precondition(
                context -> {
                  preconditions.add(context.runId() + " " + context.stepName());
                  context.note("lag 0 s");
                  return false;
                })
            .action(context -> FileSteps.append(effects(), "promote"))
            .verification(
                context -> {
                  FileSteps.append(effects(), "verified");
                  return true;
                })
            .build();
    DrRunbook runbook = builder().step(step("fence")).step(guarded).build();

    RunbookPlan plan = runbook.dryRun();

    assertThat(plan.steps())
        .containsExactly(
            new RunbookPlan.PlannedStep(
                "fence", "append 'fence' to effects.txt", true, "holds", true),
            new RunbookPlan.PlannedStep(
                "promote", "promote replica db-2", false, "does not hold", false));
    assertThat(plan.allPreconditionsHold()).isFalse();
    assertThat(preconditions).containsExactly("dry-run promote");
    assertThat(FileSteps.lines(effects())).isEmpty();
    assertThat(log).isEmpty();
    assertThat(temp.resolve("runs")).doesNotExist();
  }

  @Test
  void notesGoToTheExecutionLog() {
    RunbookStep noting =
        RunbookStep.builder("promote")
            .action(context -> context.note("promoted replica db-2"))
            .verification(context -> true)
            .build();

    builder().step(noting).build().execute("run-1");

    assertThat(log)
        .filteredOn(e -> e.kind() == Kind.NOTE)
        .extracting(RunbookEvent::detail)
        .containsExactly("promoted replica db-2");
  }

  @Test
  void finishedRunCannotBeExecutedAgain() throws Exception {
    DrRunbook runbook = builder().step(step("fence")).build();
    runbook.execute("run-1");

    assertThatThrownBy(() -> runbook.execute("run-1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("run 'run-1' of runbook 'failover' finished already (COMPLETED")
        .hasMessageContaining("another run id");
    assertThat(FileSteps.lines(effects())).containsExactly("fence");
  }

  /**
   * A "promote" file step that throws (a simulated crash) at {@code point} while crash[0] holds.
   */
  private RunbookStep crashingPromote(String point, boolean[] crash) {
    return FileSteps.step(
        effects(),
        "promote",
        at -> {
          if (crash[0] && at.equals(point)) {
            throw new OutOfMemoryError("simulated crash at " + point);
          }
        });
  }

  @Test
  void resumeSkipsCompletedStepsAndVerifiesTheInterruptedOneBeforeRepeatingIt() throws Exception {
    boolean[] crash = {true};
    RunbookStep crashing = crashingPromote("after promote", crash);
    DrRunbook runbook = builder().step(step("fence")).step(crashing).step(step("repoint")).build();
    assertThatThrownBy(() -> runbook.execute("run-1")).isInstanceOf(OutOfMemoryError.class);
    crash[0] = false;
    log.clear();

    RunbookResult result = runbook.execute("run-1");

    assertThat(result.completed()).isTrue();
    assertThat(result.resumed()).isTrue();
    assertThat(FileSteps.lines(effects())).containsExactly("fence", "promote", "repoint");
    assertThat(kinds())
        .startsWith(
            "RUN_RESUMED", "STEP_SKIPPED fence", "STEP_COMPLETED promote", "STEP_STARTED repoint");
  }

  @Test
  void resumeRunsTheActionAgainWhenItsVerificationFails() throws Exception {
    boolean[] crash = {true};
    RunbookStep crashing = crashingPromote("before promote", crash);
    DrRunbook runbook = builder().step(step("fence")).step(crashing).build();
    assertThatThrownBy(() -> runbook.execute("run-1")).isInstanceOf(OutOfMemoryError.class);
    crash[0] = false;

    RunbookResult result = runbook.execute("run-1");

    assertThat(result.completed()).isTrue();
    assertThat(FileSteps.lines(effects())).containsExactly("fence", "promote");
  }

  @Test
  void interruptedRollbackContinuesWhereItStopped() throws Exception {
    boolean[] crash = {true};
    RunbookStep promote =
        RunbookStep.builder("promote")
            .action(context -> FileSteps.append(effects(), "promote"))
            .verification(context -> true)
            .rollback(
                context -> {
                  FileSteps.append(effects(), "undo promote");
                  if (crash[0]) {
                    throw new OutOfMemoryError("simulated crash in a rollback");
                  }
                })
            .build();
    RunbookStep failing =
        RunbookStep.builder("repoint").action(context -> {}).verification(context -> false).build();
    DrRunbook runbook = builder().step(step("fence")).step(promote).step(failing).build();
    assertThatThrownBy(() -> runbook.execute("run-1")).isInstanceOf(OutOfMemoryError.class);
    crash[0] = false;

    RunbookResult result = runbook.execute("run-1");

    assertThat(result.outcome()).isEqualTo(RunbookOutcome.ROLLED_BACK);
    assertThat(result.step()).contains("repoint");
    assertThat(result.rolledBackSteps()).containsExactly("promote", "fence");
    assertThat(FileSteps.lines(effects()))
        .containsExactly("fence", "promote", "undo promote", "undo promote", "undo fence");
  }

  @Test
  void resumeByARunbookWithOtherStepsIsRefused() {
    DrRunbook crashing =
        builder()
            .step(
                FileSteps.step(
                    effects(),
                    "fence",
                    at -> {
                      throw new OutOfMemoryError("crash");
                    }))
            .build();
    assertThatThrownBy(() -> crashing.execute("run-1")).isInstanceOf(OutOfMemoryError.class);
    DrRunbook changed = builder().step(step("fence")).step(step("promote")).build();

    assertThatThrownBy(() -> changed.execute("run-1"))
        .isInstanceOf(DrException.class)
        .hasMessageContaining("started by runbook 'failover' with steps [fence]")
        .hasMessageContaining("cannot resume it");
  }

  @Test
  void badInputIsRefusedWithTheFieldNamed() {
    assertThatThrownBy(() -> RunbookStep.builder("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step name '  ' is not allowed");
    assertThatThrownBy(() -> DrRunbook.builder(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runbook name '' is not allowed");
    assertThatThrownBy(() -> builder().step(step("fence")).step(step("fence")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "runbook 'failover' has a step named 'fence' already (step 1); step names must be"
                + " unique");
    assertThatThrownBy(() -> builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("runbook 'failover' has no steps; add at least one");
    assertThatThrownBy(() -> DrRunbook.builder("x").step(step("fence")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("runbook 'x' needs a journalDirectory");
    assertThatThrownBy(() -> RunbookStep.builder("fence").action(c -> {}).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("step 'fence' needs a verification");
    DrRunbook runbook = builder().step(step("fence")).build();
    assertThatThrownBy(() -> runbook.execute("../etc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runId '../etc' is not allowed");
    assertThat(temp.resolve("runs")).doesNotExist();
  }
}
