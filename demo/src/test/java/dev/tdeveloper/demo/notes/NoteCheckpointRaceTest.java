package dev.tdeveloper.demo.notes;

import static dev.tdeveloper.demo.notes.NoteJournalRecoveryTest.ACME;
import static dev.tdeveloper.demo.notes.NoteJournalRecoveryTest.contents;
import static dev.tdeveloper.demo.notes.NoteJournalRecoveryTest.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tdeveloper.demo.notes.FaultyFiles.Op;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two checkpoints race a failing force. A force that fails leaves unknown what reached the device
 * (a later force may succeed without writing the pages the failed one dropped), so a checkpoint
 * whose position was read before the failure must not trust its own force and write its mark: it
 * repairs the journal (a rewrite from memory) instead, or fails. Otherwise it would return as if
 * the log's changes were no longer needed, and the backups would truncate them.
 */
class NoteCheckpointRaceTest {
  @TempDir Path dir;
  private final FaultyFiles files = new FaultyFiles();
  private final MemoryChangeLog log = new MemoryChangeLog();

  @Test
  void aCheckpointWhosePositionPrecedesAFailedForceRepairsTheJournalInsteadOfMarking()
      throws Exception {
    Path file = dir.resolve("acme.notes");
    NoteJournal journal = NoteJournal.open(file, ACME, log, files, Runnable::run);
    journal.put(note(1, "one"));
    files.fail(file, Op.FORCE);
    CountDownLatch failedAndHealed = new CountDownLatch(1);
    CompletableFuture<Void> second = new CompletableFuture<>();
    Thread other =
        new Thread(
            () -> {
              try {
                journal.checkpoint();
                second.complete(null);
              } catch (Throwable e) {
                second.completeExceptionally(e);
              }
            },
            "second-checkpoint");
    other.setDaemon(true);
    files.duringForce(
        file,
        0,
        () -> { // the first checkpoint's force: the second reads the same position, then waits
          files.duringForce(file, 0, () -> await(failedAndHealed)); // its force, after the failure
          other.start();
          while (other.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
          }
        });

    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> assertThatThrownBy(journal::checkpoint).hasMessageContaining("injected"));
    assertThat(journal.behind()).isTrue();
    files.heal(file);
    failedAndHealed.countDown();
    second.get(60, TimeUnit.SECONDS);

    assertThat(journal.behind()).as("a checkpoint that returned left no journal behind").isFalse();
    log.truncateBefore(ACME, log.position(ACME)); // what the backups do after it returned
    assertThat(restart(file)).isEqualTo(Map.of(1L, "one"));
    journal.close();
  }

  /** What a power loss now leaves of the journal, reopened over the same log. */
  private Map<Long, String> restart(Path file) throws Exception {
    Path image = dir.resolve("image.notes");
    Files.copy(file, image, StandardCopyOption.REPLACE_EXISTING);
    NoteFiles.cut(image, files.durableLength(file));
    try (NoteJournal journal = NoteJournal.open(image, ACME, log)) {
      return contents(journal);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the first checkpoint never failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
