package dev.tdeveloper.tenancy.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a child JVM at each step of a compaction of its provisioning journal, then reopens the file
 * and checks it answers exactly as the journal did before the compaction (killed before the
 * snapshot is installed) or after it (killed after), and keeps working.
 */
class ProvisioningJournalCompactionCrashTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {JournalFile.SNAPSHOT_WRITTEN, JournalFile.SNAPSHOT_INSTALLED})
  void aCompactionKilledAtAnyStepReopensToTheAcknowledgedState(String step) throws Exception {
    List<String> ids = CompactingProvisioningJournalMain.IDS;
    ProvisioningJournal uncompacted = ProvisioningJournal.inMemory();
    CompactingProvisioningJournalMain.scenario(uncompacted);
    List<Object> before = FileProvisioningJournalCompactionTest.answers(uncompacted, ids);
    List<Object> after;
    try (FileProvisioningJournal reference =
        CompactingProvisioningJournalMain.builder(dir.resolve("reference.journal")).open()) {
      CompactingProvisioningJournalMain.scenario(reference);
      reference.compact();
      after = FileProvisioningJournalCompactionTest.answers(reference, ids);
    }
    assertThat(after).as("the compaction drops old finished sagas").isNotEqualTo(before);

    Path file = dir.resolve("sagas.journal");
    try (ChildJvm child =
        ChildJvm.start(
            CompactingProvisioningJournalMain.class,
            dir.resolve("child.err"),
            file.toString(),
            step)) {
      child.awaitLine("AT " + step, 30);
      child.kill();
    }

    try (FileProvisioningJournal reopened =
        CompactingProvisioningJournalMain.builder(file).open()) {
      assertThat(reopened.discardedBytesOnOpen()).isZero();
      assertThat(FileProvisioningJournalCompactionTest.answers(reopened, ids))
          .isEqualTo(step.equals(JournalFile.SNAPSHOT_WRITTEN) ? before : after);
      assertThat(Files.exists(DurableFiles.tempOf(file))).as("stale snapshot removed").isFalse();
      reopened.record(
          FileProvisioningJournalCompactionTest.Sagas.running(
              "r3", "acme", 0, CompactingProvisioningJournalMain.NOW));
      reopened.compact();
    }
    try (FileProvisioningJournal again = CompactingProvisioningJournalMain.builder(file).open()) {
      assertThat(again.find("r3")).isPresent();
      List<Object> finds = FileProvisioningJournalCompactionTest.answers(again, ids);
      assertThat(finds.subList(finds.size() - ids.size(), finds.size()))
          .isEqualTo(after.subList(after.size() - ids.size(), after.size()));
    }
  }
}
