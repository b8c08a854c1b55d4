package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.demo.notes.Note;
import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.BackupResult;
import dev.tdeveloper.dr.backup.BackupType;
import dev.tdeveloper.dr.crypto.AesGcmChunkCipher;
import dev.tdeveloper.dr.crypto.ChunkKeys;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.SourceEntry;
import dev.tdeveloper.dr.store.LocalBackupStore;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes' backup source hands every note over with its version's stamp: an incremental backup
 * reads only the notes changed since its parent, and every change, even one that keeps the size
 * while the clock stands still, or one made while a backup runs, is in the next backup.
 */
class NotesBackupVersionsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final String ALICE = "alice@example.com";
  private static final String BOB = "bob@example.com";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private LocalKeyManager keys;
  private NoteStore notes;
  private LocalBackupStore backups;
  private BackupEngine engine;

  @BeforeEach
  void open() {
    MasterKey.generateFile(dir.resolve("master.key"));
    keys =
        LocalKeyManager.builder(dir.resolve("keys"), MasterKey.fromFile(dir.resolve("master.key")))
            .open();
    keys.rotate(ACME);
    notes = new NoteStore(dir.resolve("notes"), EnvelopeEncryptor.builder(keys).build(), clock);
    notes.createSpace(ACME);
    backups = LocalBackupStore.open(dir.resolve("backups"));
    engine =
        BackupEngine.builder()
            .store(backups)
            .cipher(AesGcmChunkCipher.create(ChunkKeys.generate(dir.resolve("chunk.key"))))
            .clock(clock)
            .build();
  }

  @AfterEach
  void close() {
    backups.close();
    notes.close();
    keys.close();
  }

  private void create(String text, String author) {
    TenantContext.get(ACME, () -> notes.create(text, Optional.of(author)));
  }

  /** Rewrites Alice's notes (stored anew, and the journal compacted) to {@code text}. */
  private void rewriteAlices(String text) {
    TenantContext.get(
        ACME,
        () ->
            notes.rewriteByAuthor(
                ALICE, n -> Optional.of(new Note(n.id(), text, n.createdAt(), n.author()))));
  }

  private BackupResult backup(BackupSource source) {
    clock.advance(Duration.ofSeconds(60));
    return engine.backup(source, BackupType.INCREMENTAL, OptionalLong.empty());
  }

  /** Restores {@code result}'s backup and returns its records by note id. */
  private Map<Long, byte[]> restored(BackupResult result) throws IOException {
    Path target = dir.resolve("restore-" + result.backupId());
    engine.restore(BackupScope.of(ACME), result.backupId(), target);
    Map<Long, byte[]> records = new TreeMap<>();
    for (byte[] record : NotesBackupSource.readRecords(target)) {
      records.put(notes.open(ACME, List.of(record)).get(0).id(), record);
    }
    return records;
  }

  private static List<SourceEntry> entries(BackupSource source) throws IOException {
    List<SourceEntry> entries = new ArrayList<>();
    source.read((entry, content) -> entries.add(entry));
    return entries;
  }

  @Test
  void anIncrementalBackupReadsOnlyTheNotesChangedSinceItsParent() throws IOException {
    NotesBackupSource source = new NotesBackupSource(notes, ACME, clock);
    create("first note", BOB);
    create("second note", ALICE);
    create("third note", BOB);
    BackupResult full = backup(source);
    assertThat(full.bytesRead())
        .isEqualTo(notes.records(ACME).values().stream().mapToLong(r -> r.length).sum());

    rewriteAlices("2nd note!!!");
    BackupResult next = backup(source);

    // The rewrite compacts the journal but keeps Bob's notes' versions: only note 2 is read.
    assertThat(next.bytesRead()).isEqualTo(notes.records(ACME).get(2L).length);
    assertThat(next.chunksReused()).isEqualTo(2);
    Map<Long, byte[]> restored = restored(next);
    assertThat(restored).containsOnlyKeys(1L, 2L, 3L);
    notes.records(ACME).forEach((id, record) -> assertThat(restored.get(id)).isEqualTo(record));
    assertThat(backup(source).bytesRead()).as("nothing changed").isZero();
  }

  @Test
  void aChangeThatKeepsTheSizeWhileTheClockStandsStillIsANewVersion() throws IOException {
    NotesBackupSource source = new NotesBackupSource(notes, ACME, clock);
    create("aaaa", ALICE);
    create("bbbb", BOB);
    List<SourceEntry> before = entries(source);
    assertThat(entries(source)).as("nothing changed").isEqualTo(before);

    rewriteAlices("cccc");
    List<SourceEntry> after = entries(source);

    assertThat(after.get(0).size()).isEqualTo(before.get(0).size());
    assertThat(after.get(0).lastModified()).isEqualTo(before.get(0).lastModified());
    assertThat(after.get(0).stamp()).isNotEqualTo(before.get(0).stamp());
    assertThat(after.get(1)).isEqualTo(before.get(1));
  }

  @Test
  void aChangeMadeWhileABackupRunsIsInTheNextBackup() throws IOException {
    NotesBackupSource notesSource = new NotesBackupSource(notes, ACME, clock);
    create("before the round", ALICE);
    create("untouched", BOB);
    byte[] original = notes.records(ACME).get(1L).clone();
    boolean[] changed = {false};
    BackupSource changingMidway =
        new BackupSource() {
          @Override
          public String name() {
            return notesSource.name();
          }

          @Override
          public BackupScope scope() {
            return notesSource.scope();
          }

          @Override
          public void read(EntryConsumer consumer) throws IOException {
            notesSource.read(
                (entry, content) -> {
                  if (!changed[0]) {
                    rewriteAlices("changed during the round"); // after the snapshot
                    changed[0] = true;
                  }
                  consumer.accept(entry, content);
                });
          }
        };
    BackupResult during = backup(changingMidway);
    BackupResult next = backup(notesSource);

    assertThat(restored(during).get(1L)).as("the round's snapshot").isEqualTo(original);
    assertThat(restored(next).get(1L))
        .isEqualTo(notes.records(ACME).get(1L))
        .isNotEqualTo(original);
    assertThat(next.bytesRead()).isEqualTo(notes.records(ACME).get(1L).length);
  }
}
