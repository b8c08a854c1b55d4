package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.demo.notes.NoteChangeLog.Change;
import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes' change journal as their write-ahead log: replay, retention and a torn tail. */
class NoteChangeJournalTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path dir;

  private static List<String> replay(NoteChangeJournal changes, TenantId tenant, long from) {
    List<String> seen = new ArrayList<>();
    changes.replay(tenant, from, c -> seen.add(describe(c)));
    return seen;
  }

  private static String describe(Change change) {
    return change.id() + "=" + change.record().map(String::new).orElse("deleted");
  }

  @Test
  void replaysOnlyTheTenantsChangesInOrderFromAPosition() {
    try (NoteChangeJournal changes = new NoteChangeJournal(dir, InstantSource.system())) {
      changes.put(ACME, 1, "a1".getBytes());
      changes.put(GLOBEX, 1, "g1".getBytes());
      changes.delete(ACME, 1);
      changes.put(ACME, 2, "a2".getBytes());
      assertThat(changes.durable()).isTrue();
      assertThat(changes.position(ACME)).isEqualTo(3);
      assertThat(replay(changes, ACME, 0)).containsExactly("1=a1", "1=deleted", "2=a2");
      assertThat(replay(changes, ACME, 2)).containsExactly("2=a2");
      assertThat(replay(changes, ACME, 3)).isEmpty();
      assertThat(replay(changes, GLOBEX, 0)).containsExactly("1=g1");
    }
  }

  @Test
  void theBackupsTruncateOnlyAfterTheTenantsNotesAreCheckpointed() {
    try (NoteChangeJournal changes = new NoteChangeJournal(dir, InstantSource.system())) {
      for (long id = 1; id <= 3; id++) {
        changes.put(ACME, id, ("a" + id).getBytes());
      }
      assertThatThrownBy(() -> changes.journal().truncateBefore(BackupScope.of(ACME), 2))
          .isInstanceOf(IllegalStateException.class);
      assertThat(replay(changes, ACME, 0)).hasSize(3);

      List<TenantId> checkpointed = new ArrayList<>();
      changes.checkpointsBy(checkpointed::add);
      changes.journal().truncateBefore(BackupScope.of(ACME), 2);
      assertThat(checkpointed).containsExactly(ACME);
      assertThat(replay(changes, ACME, 2)).containsExactly("3=a3");
      assertThatThrownBy(() -> replay(changes, ACME, 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no longer holds change 0");
    }
  }

  @Test
  void aTornLastRecordOfTheChangeJournalIsCutAndTheNotesStayWhole() throws Exception {
    MasterKey.generateFile(dir.resolve("master.key"));
    try (LocalKeyManager keys =
        LocalKeyManager.builder(dir.resolve("keys"), MasterKey.fromFile(dir.resolve("master.key")))
            .open()) {
      try (NoteChangeJournal changes = new NoteChangeJournal(dir, InstantSource.system());
          NoteStore store = NoteChangeJournalCrashChild.open(dir, keys, changes)) {
        TenantContext.run(ACME, () -> store.create("kept"));
      }
      Path segment =
          dir.resolve("backup-journal").resolve("tenant-acme").resolve("00000000000000000000.seg");
      Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND);
      try (NoteChangeJournal changes = new NoteChangeJournal(dir, InstantSource.system());
          NoteStore store = NoteChangeJournalCrashChild.open(dir, keys, changes)) {
        assertThat(changes.position(ACME)).isEqualTo(1);
        assertThat(TenantContext.get(ACME, store::list))
            .extracting(n -> n.text())
            .containsExactly("kept");
        assertThat(TenantContext.get(ACME, () -> store.create("next")).id()).isEqualTo(2);
        assertThat(TenantContext.get(ACME, () -> store.find(2)).map(n -> n.text()))
            .isEqualTo(Optional.of("next"));
      }
    }
  }
}
