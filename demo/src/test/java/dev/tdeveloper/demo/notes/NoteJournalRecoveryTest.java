package dev.tdeveloper.demo.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.demo.notes.NoteJournal.Sealed;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notes journal backed by a durable change log recovers from the log what a power loss took of
 * its unforced tail. Crash images are copies of the open journal cut as a power loss may cut them
 * ({@link NoteFiles}).
 */
class NoteJournalRecoveryTest {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path dir;

  static Sealed note(long id, String text) {
    return new Sealed(
        id, Instant.ofEpochSecond(1_000 + id, 7), text.getBytes(StandardCharsets.UTF_8), true);
  }

  static Map<Long, String> contents(NoteJournal journal) {
    Map<Long, String> contents = new TreeMap<>();
    journal
        .notes()
        .values()
        .forEach(n -> contents.put(n.id(), new String(n.ciphertext(), StandardCharsets.UTF_8)));
    return contents;
  }

  /** Writes acme's notes 1 to 40 (every fifth deletes its predecessor, note 3 changes). */
  private static void write(NoteJournal journal) {
    for (long id = 1; id <= 40; id++) {
      journal.put(note(id, "note " + id));
      if (id % 5 == 0) {
        journal.delete(id - 1);
      }
    }
    journal.put(note(3, "changed"));
  }

  @Test
  void aLogAheadOfTheJournalByManyRecordsIsReappliedOnOpen() throws Exception {
    MemoryChangeLog log = new MemoryChangeLog();
    Path image = dir.resolve("image.notes");
    Map<Long, String> expected;
    long next;
    try (NoteJournal journal = NoteJournal.open(dir.resolve("acme.notes"), ACME, log)) {
      write(journal);
      expected = contents(journal);
      next = journal.nextId();
      Files.copy(dir.resolve("acme.notes"), image);
    }
    assertThat(NoteFiles.loseUnforcedTail(image)).as("bytes lost").isPositive();
    try (NoteJournal journal = NoteJournal.open(image, ACME, log)) {
      assertThat(contents(journal)).isEqualTo(expected).doesNotContainKey(39L);
      assertThat(journal.nextId()).isEqualTo(next);
    }
    try (NoteJournal journal = NoteJournal.open(image, ACME, log)) { // recovered once, for good
      assertThat(contents(journal)).isEqualTo(expected);
    }
  }

  @Test
  void aTornLastRecordIsCutAndItsChangeReappliedFromTheLog() throws Exception {
    MemoryChangeLog log = new MemoryChangeLog();
    Path image = dir.resolve("image.notes");
    Map<Long, String> expected;
    try (NoteJournal journal = NoteJournal.open(dir.resolve("acme.notes"), ACME, log)) {
      write(journal);
      journal.put(note(41, "the last one, torn"));
      expected = contents(journal);
      Files.copy(dir.resolve("acme.notes"), image);
    }
    NoteFiles.cut(image, Files.size(image) - 5);
    try (NoteJournal journal = NoteJournal.open(image, ACME, log)) {
      assertThat(contents(journal)).isEqualTo(expected).containsKey(41L);
      assertThat(journal.nextId()).isEqualTo(42);
    }
  }

  @Test
  void aCleanCloseLeavesNothingToReapply() throws Exception {
    MemoryChangeLog log = new MemoryChangeLog();
    Path file = dir.resolve("acme.notes");
    try (NoteJournal journal = NoteJournal.open(file, ACME, log)) {
      write(journal);
    }
    long size = Files.size(file);
    assertThat(NoteFiles.forcedLength(file)).isEqualTo(size);
    log.truncateBefore(ACME, log.position(ACME)); // the log may drop all it heard
    try (NoteJournal journal = NoteJournal.open(file, ACME, log)) {
      assertThat(journal.notes()).hasSize(32);
    }
    assertThat(Files.size(file)).isEqualTo(size);
  }

  @Test
  void aLogTruncatedPastTheLastCheckpointRefusesTheOpen() throws Exception {
    MemoryChangeLog log = new MemoryChangeLog();
    Path image = dir.resolve("image.notes");
    try (NoteJournal journal = NoteJournal.open(dir.resolve("acme.notes"), ACME, log)) {
      write(journal);
      Files.copy(dir.resolve("acme.notes"), image);
    }
    NoteFiles.loseUnforcedTail(image);
    log.truncateBefore(ACME, 3);
    assertThatThrownBy(() -> NoteJournal.open(image, ACME, log))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void recoveryAppliesOnlyTheTenantsOwnChanges() throws Exception {
    MemoryChangeLog log = new MemoryChangeLog();
    Path image = dir.resolve("image.notes");
    try (NoteJournal acme = NoteJournal.open(dir.resolve("acme.notes"), ACME, log);
        NoteJournal globex = NoteJournal.open(dir.resolve("globex.notes"), GLOBEX, log)) {
      acme.put(note(1, "acme's"));
      for (long id = 1; id <= 5; id++) {
        globex.put(note(id, "globex's " + id));
      }
      Files.copy(dir.resolve("acme.notes"), image);
    }
    NoteFiles.loseUnforcedTail(image);
    try (NoteJournal acme = NoteJournal.open(image, ACME, log)) {
      assertThat(contents(acme)).isEqualTo(Map.of(1L, "acme's"));
      assertThat(acme.nextId()).isEqualTo(2);
    }
  }

  @Test
  void writesWithoutTheLogAreNeverOverwrittenByItsOlderChanges() throws Exception {
    MemoryChangeLog log = new MemoryChangeLog();
    Path image = dir.resolve("image.notes");
    try (NoteJournal journal = NoteJournal.open(dir.resolve("acme.notes"), ACME, log)) {
      journal.put(note(1, "first"));
      Files.copy(dir.resolve("acme.notes"), image); // a crash: note 1 is past the checkpoint
    }
    try (NoteJournal offline = NoteJournal.open(image, ACME, NoteChangeLog.none())) {
      assertThat(contents(offline)).isEqualTo(Map.of(1L, "first"));
      offline.put(note(1, "changed without the log"));
    }
    try (NoteJournal journal = NoteJournal.open(image, ACME, log)) {
      assertThat(contents(journal)).isEqualTo(Map.of(1L, "changed without the log"));
    }
  }

  @Test
  void aJournalCreatedAfreshDoesNotReplayTheChangesOfADroppedOne() throws Exception {
    MemoryChangeLog log = new MemoryChangeLog();
    Path file = dir.resolve("acme.notes");
    try (NoteJournal journal = NoteJournal.open(file, ACME, log)) {
      write(journal);
    }
    Files.delete(
        file); // the space is dropped; the log keeps its changes for point-in-time recovery
    try (NoteJournal journal = NoteJournal.open(file, ACME, log)) {
      assertThat(journal.notes()).isEmpty();
      journal.put(note(1, "new"));
    }
    try (NoteJournal journal = NoteJournal.open(file, ACME, log)) {
      assertThat(contents(journal)).isEqualTo(Map.of(1L, "new"));
    }
  }
}
