package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.CrashPoint;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Run in a child JVM by {@link ProvisioningJournalCompactionCrashTest}: records {@link #scenario}
 * into the journal file {@code args[0]}, then compacts it and stops for good at compaction step
 * {@code args[1]}, announcing {@code AT <step>} on stdout until the parent kills it.
 */
public final class CompactingProvisioningJournalMain {
  static final List<String> IDS = List.of("r1", "r2", "old-done", "old-failed", "new-done");
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(10));

  private CompactingProvisioningJournalMain() {}

  /** Opens {@code file} as the child does, with a fixed clock and a 5-day finished retention. */
  static FileProvisioningJournalBuilder builder(Path file) {
    return FileProvisioningJournal.builder(file)
        .clock(new ManualClock(NOW))
        .finishedRetention(Duration.ofDays(5));
  }

  /** Running, old finished and recently finished sagas, each with superseded records. */
  static void scenario(ProvisioningJournal journal) {
    FileProvisioningJournalCompactionTest.run(journal, "r1", "acme", 2);
    journal.record(
        FileProvisioningJournalCompactionTest.Sagas.finished(
            FileProvisioningJournalCompactionTest.run(journal, "old-done", "acme", 3),
            SagaState.DONE,
            NOW.minus(Duration.ofDays(6))));
    journal.record(
        FileProvisioningJournalCompactionTest.Sagas.finished(
            FileProvisioningJournalCompactionTest.run(journal, "old-failed", "globex", 1),
            SagaState.FAILED,
            NOW.minus(Duration.ofDays(7))));
    journal.record(
        FileProvisioningJournalCompactionTest.Sagas.finished(
            FileProvisioningJournalCompactionTest.run(journal, "new-done", "globex", 3),
            SagaState.DONE,
            NOW.minus(Duration.ofDays(1))));
    FileProvisioningJournalCompactionTest.run(journal, "r2", "initech", 1);
  }

  /** Arguments: journal file, compaction step to stop at. */
  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    String stopAt = args[1];
    try (FileProvisioningJournal journal =
        builder(Path.of(args[0])).compactionHook(CrashPoint.holdAt(stopAt)).open()) {
      scenario(journal);
      journal.compact();
    }
  }
}
