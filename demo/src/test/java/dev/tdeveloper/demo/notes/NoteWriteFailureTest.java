package dev.tdeveloper.demo.notes;

import static dev.tdeveloper.demo.notes.NoteJournalRecoveryTest.ACME;
import static dev.tdeveloper.demo.notes.NoteJournalRecoveryTest.GLOBEX;
import static dev.tdeveloper.demo.notes.NoteJournalRecoveryTest.contents;
import static dev.tdeveloper.demo.notes.NoteJournalRecoveryTest.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tdeveloper.demo.notes.FaultyFiles.Op;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write's answer agrees with what a restart finds, whichever step fails: the change log refusing
 * it (an error, and the note never appears), the notes journal refusing it after the log took it
 * (acknowledged: the log's force is the commit point, so it is visible and survives), or the
 * checkpoint after both (acknowledged and survives). No checkpoint is written past a change the
 * journal lacks until a compaction repairs it; one tenant's failing journal never affects another.
 * Restarts are crash images: the journal cut to what was forced, reopened over the same log.
 */
class NoteWriteFailureTest {
  @TempDir Path dir;
  private final FaultyFiles files = new FaultyFiles();
  private final RefusingLog log = new RefusingLog();

  private NoteJournal open(TenantId tenant) {
    return NoteJournal.open(
        dir.resolve(tenant.value() + ".notes"), tenant, log, files, Runnable::run);
  }

  /** What a power loss now leaves of {@code tenant}'s journal, reopened over the same log. */
  private Map<Long, String> restart(TenantId tenant) throws Exception {
    Path file = dir.resolve(tenant.value() + ".notes");
    Path image = dir.resolve("image-" + tenant.value() + ".notes");
    Files.copy(file, image, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    NoteFiles.cut(image, files.durableLength(file));
    try (NoteJournal journal = NoteJournal.open(image, tenant, log)) {
      return contents(journal);
    }
  }

  @Test
  void aChangeTheLogRefusesIsAnErrorAndNeverAppears() throws Exception {
    try (NoteJournal journal = open(ACME)) {
      journal.put(note(1, "kept"));
      log.refuse = true;
      assertThatThrownBy(() -> journal.put(note(2, "refused"))).hasMessageContaining("refused");
      assertThatThrownBy(() -> journal.delete(1)).hasMessageContaining("refused");
      assertThat(contents(journal)).isEqualTo(Map.of(1L, "kept"));
      assertThat(journal.nextId()).isEqualTo(2);
      assertThat(restart(ACME)).isEqualTo(Map.of(1L, "kept"));
    }
    try (NoteJournal journal = open(ACME)) {
      assertThat(contents(journal)).isEqualTo(Map.of(1L, "kept"));
    }
  }

  @Test
  void aChangeTheJournalRefusesAfterTheLogIsAcknowledgedVisibleAndSurvives() throws Exception {
    Path file = dir.resolve("acme.notes");
    try (NoteJournal journal = open(ACME)) {
      journal.put(note(1, "before"));
      journal.checkpoint();
      files.fail(file, Op.APPEND, Op.REWRITE);
      journal.put(note(2, "in the log only")); // no exception: committed
      journal.delete(1);
      assertThat(contents(journal)).isEqualTo(Map.of(2L, "in the log only"));
      assertThat(journal.behind()).isTrue();
      long marked = files.durableLength(file);
      assertThatThrownBy(journal::checkpoint).hasMessageContaining("injected");
      assertThat(files.durableLength(file)).as("no checkpoint past the gap").isEqualTo(marked);
      assertThat(restart(ACME)).isEqualTo(Map.of(2L, "in the log only"));

      files.heal(file);
      journal.checkpoint(); // the repair: a compaction from memory, with its checkpoint
      assertThat(journal.behind()).isFalse();
      log.truncateBefore(ACME, log.position(ACME)); // what the backups may now do
      assertThat(restart(ACME)).isEqualTo(Map.of(2L, "in the log only"));
    }
  }

  @Test
  void aFailedCheckpointAfterBothLogsLosesNothingAndIsRetried() throws Exception {
    Path file = dir.resolve("acme.notes");
    try (NoteJournal journal = open(ACME)) {
      files.fail(file, Op.FORCE);
      journal.put(note(1, "written"));
      assertThatThrownBy(journal::checkpoint).hasMessageContaining("injected");
      assertThat(journal.behind()).as("what reached the device is unknown").isTrue();
      assertThat(restart(ACME)).isEqualTo(Map.of(1L, "written"));
      files.heal(file);
      journal.put(note(2, "next")); // the journal is behind: this write schedules the repair
      assertThat(journal.behind()).isFalse();
      log.truncateBefore(ACME, log.position(ACME));
      assertThat(restart(ACME)).isEqualTo(Map.of(1L, "written", 2L, "next"));
    }
  }

  @Test
  void aJournalBehindOnCloseIsRecoveredFromTheLogOnOpen() {
    Path file = dir.resolve("acme.notes");
    try (NoteJournal journal = open(ACME)) {
      journal.put(note(1, "one"));
      files.fail(file, Op.APPEND, Op.REWRITE);
      journal.put(note(2, "two"));
    } // the checkpoint on close fails; the file is closed all the same
    files.heal(file);
    try (NoteJournal journal = open(ACME)) {
      assertThat(contents(journal)).isEqualTo(Map.of(1L, "one", 2L, "two"));
      assertThat(journal.behind()).isFalse();
    }
  }

  /**
   * A checkpoint forces outside the writers' lock; a force that fails while a writer holds that
   * lock and waits to compact must not wait for the lock itself before letting the writer go.
   */
  @Test
  void aForceFailingWhileAWriterWaitsToCompactDoesNotDeadlock() throws Exception {
    Path file = dir.resolve("acme.notes");
    NoteJournal journal = open(ACME); // not closed on failure: a deadlocked close would hang
    journal.put(note(1, "one"));
    files.fail(file, Op.FORCE);
    Thread compactor = new Thread(journal::compact, "compactor");
    compactor.setDaemon(true);
    files.duringForce(
        file,
        0,
        () -> {
          compactor.start(); // takes the writers' lock, then waits for the force's
          while (compactor.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
          }
        });
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> assertThatThrownBy(journal::checkpoint).hasMessageContaining("injected"));
    compactor.join();
    assertThat(contents(journal)).isEqualTo(Map.of(1L, "one"));
    journal.close();
  }

  @Test
  void withoutADurableLogAFailedWriteIsAnErrorAndNeverAppears() {
    Path file = dir.resolve("acme.notes");
    try (NoteJournal journal =
        NoteJournal.open(file, ACME, NoteChangeLog.none(), files, Runnable::run)) {
      journal.put(note(1, "kept"));
      files.fail(file, Op.APPEND);
      assertThatThrownBy(() -> journal.put(note(2, "lost"))).hasMessageContaining("injected");
      assertThat(contents(journal)).isEqualTo(Map.of(1L, "kept"));
    }
    files.heal(file);
    try (NoteJournal journal = NoteJournal.open(file, ACME, NoteChangeLog.none())) {
      assertThat(contents(journal)).isEqualTo(Map.of(1L, "kept"));
    }
  }

  @Test
  void oneTenantsFailingJournalNeverAffectsAnother() throws Exception {
    try (NoteJournal acme = open(ACME);
        NoteJournal globex = open(GLOBEX)) {
      files.fail(dir.resolve("acme.notes"), Op.APPEND, Op.FORCE, Op.REWRITE);
      for (long id = 1; id <= 20; id++) {
        acme.put(note(id, "acme " + id));
        globex.put(note(id, "globex " + id));
      }
      assertThatThrownBy(acme::checkpoint).hasMessageContaining("injected");
      globex.checkpoint();
      assertThat(globex.behind()).isFalse();
      assertThat(acme.behind()).isTrue();
      log.truncateBefore(GLOBEX, log.position(GLOBEX));
      assertThat(restart(GLOBEX)).hasSize(20).containsEntry(20L, "globex 20");
      assertThat(restart(ACME)).hasSize(20).containsEntry(20L, "acme 20");
    }
  }

  /** A durable log in memory that refuses changes while {@link #refuse} is set. */
  private static final class RefusingLog implements NoteChangeLog {
    private final MemoryChangeLog log = new MemoryChangeLog();
    volatile boolean refuse;

    @Override
    public void put(TenantId tenant, long id, byte[] record) {
      check();
      log.put(tenant, id, record);
    }

    @Override
    public void delete(TenantId tenant, long id) {
      check();
      log.delete(tenant, id);
    }

    private void check() {
      if (refuse) {
        throw new IllegalStateException("the change log refused the change (disk full)");
      }
    }

    @Override
    public boolean durable() {
      return true;
    }

    @Override
    public long position(TenantId tenant) {
      return log.position(tenant);
    }

    @Override
    public void replay(TenantId tenant, long from, Consumer<Change> changes) {
      log.replay(tenant, from, changes);
    }

    void truncateBefore(TenantId tenant, long position) {
      log.truncateBefore(tenant, position);
    }
  }
}
