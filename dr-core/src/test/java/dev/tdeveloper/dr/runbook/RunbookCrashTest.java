package dev.tdeveloper.dr.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runbook's durability proof: a child JVM executing a run is killed ({@code destroyForcibly})
 * in the middle of a step, before or after the step's effect; the parent resumes the run from its
 * journal and every step's action took effect exactly once.
 */
class RunbookCrashTest {
  @TempDir Path temp;

  static DrRunbook runbook(Path journals, Path effects, Consumer<String> hook) {
    return DrRunbook.builder("failover")
        .journalDirectory(journals)
        .step(FileSteps.step(effects, "fence", hook))
        .step(FileSteps.step(effects, "promote", hook))
        .step(FileSteps.step(effects, "repoint", hook))
        .build();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"before fence", "after fence", "before promote", "after promote", "after repoint"})
  void resumedRunTakesEveryEffectExactlyOnceAfterAKillMidStep(String point) throws Exception {
    Path journals = temp.resolve("runs");
    Path effects = temp.resolve("effects.txt");
    try (ChildJvm child =
        ChildJvm.start(
            RunbookCrashChild.class,
            temp.resolve("child.err"),
            journals.toString(),
            effects.toString(),
            "run-7",
            point)) {
      assertThat(child.nextLine(60)).as(child.errorOutput()).isEqualTo("AT " + point);
      child.kill();
    }
    List<RunbookEvent> log = new CopyOnWriteArrayList<>();
    DrRunbook resumed =
        DrRunbook.builder("failover")
            .journalDirectory(journals)
            .listener(log::add)
            .step(FileSteps.step(effects, "fence", at -> {}))
            .step(FileSteps.step(effects, "promote", at -> {}))
            .step(FileSteps.step(effects, "repoint", at -> {}))
            .build();

    RunbookResult result = resumed.execute("run-7");

    assertThat(result.completed()).as(result.toString()).isTrue();
    assertThat(result.resumed()).isTrue();
    assertThat(result.completedSteps()).containsExactly("fence", "promote", "repoint");
    assertThat(FileSteps.lines(effects)).containsExactly("fence", "promote", "repoint");
    assertThat(log.get(0).kind()).isEqualTo(RunbookEvent.Kind.RUN_RESUMED);
  }
}
