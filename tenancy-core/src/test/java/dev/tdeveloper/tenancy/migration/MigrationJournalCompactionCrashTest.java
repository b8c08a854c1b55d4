package dev.tdeveloper.tenancy.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a child JVM at each step of a compaction of its migration journal, then reopens the file
 * and checks it holds exactly the states before the compaction (killed before the snapshot is
 * installed) or after it (killed after), and keeps working.
 */
class MigrationJournalCompactionCrashTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {JournalFile.SNAPSHOT_WRITTEN, JournalFile.SNAPSHOT_INSTALLED})
  void aCompactionKilledAtAnyStepReopensToTheAcknowledgedState(String step) throws Exception {
    MigrationJournal uncompacted = MigrationJournal.inMemory();
    CompactingMigrationJournalMain.scenario(uncompacted);
    List<MigrationState> before = uncompacted.list();
    List<MigrationState> after;
    try (FileMigrationJournal reference =
        CompactingMigrationJournalMain.builder(dir.resolve("reference.journal")).open()) {
      CompactingMigrationJournalMain.scenario(reference);
      reference.compact();
      after = reference.list();
    }
    assertThat(after).as("the compaction drops the old completed migration").hasSize(2);

    Path file = dir.resolve("migrations.journal");
    try (ChildJvm child =
        ChildJvm.start(
            CompactingMigrationJournalMain.class,
            dir.resolve("child.err"),
            file.toString(),
            step)) {
      child.awaitLine("AT " + step, 30);
      child.kill();
    }

    try (FileMigrationJournal reopened = CompactingMigrationJournalMain.builder(file).open()) {
      assertThat(reopened.discardedBytesOnOpen()).isZero();
      assertThat(reopened.list())
          .isEqualTo(step.equals(JournalFile.SNAPSHOT_WRITTEN) ? before : after);
      assertThat(Files.exists(DurableFiles.tempOf(file))).as("stale snapshot removed").isFalse();
      MigrationState acme = reopened.find(CompactingMigrationJournalMain.id(1)).orElseThrow();
      reopened.update(acme.enter(MigrationPhase.VERIFYING, CompactingMigrationJournalMain.NOW));
      reopened.compact();
    }
    try (FileMigrationJournal again = CompactingMigrationJournalMain.builder(file).open()) {
      assertThat(again.list()).hasSize(2);
      assertThat(again.find(CompactingMigrationJournalMain.id(1)).orElseThrow().phase())
          .isEqualTo(MigrationPhase.VERIFYING);
    }
  }
}
