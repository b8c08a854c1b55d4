package dev.tdeveloper.dr.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of {@link PointInTimeRecovery}: base choice, replay, refusals and isolation. */
class PointInTimeRecoveryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final BackupScope GLOBEX = BackupScope.of(TenantId.of("globex"));

  @TempDir Path temp;
  private final InMemoryChangeJournal journal = new InMemoryChangeJournal();
  private final SnapshotBaseBackups bases = new SnapshotBaseBackups();
  private PointInTimeRecovery recovery;

  @BeforeEach
  void setUp() {
    recovery = PointInTimeRecovery.builder().journal(journal).baseBackups(bases).build();
  }

  private void write(BackupScope scope, int second, String path, String text) {
    journal.append(
        scope,
        T0.plusSeconds(second),
        "notes",
        path,
        Optional.of(text.getBytes(StandardCharsets.UTF_8)));
  }

  private void delete(BackupScope scope, int second, String path) {
    journal.append(scope, T0.plusSeconds(second), "notes", path, Optional.empty());
  }

  private static Map<String, String> text(Path directory) {
    Map<String, String> text = new java.util.TreeMap<>();
    SnapshotBaseBackups.files(directory)
        .forEach((p, c) -> text.put(p, new String(c, StandardCharsets.UTF_8)));
    return text;
  }

  private BaseBackup base(BackupScope scope, String id, int second, Map<String, String> files) {
    Map<String, byte[]> bytes = new java.util.TreeMap<>();
    files.forEach((p, t) -> bytes.put(p, t.getBytes(StandardCharsets.UTF_8)));
    return bases.take(
        new BaseBackup(scope, "notes", id, T0.plusSeconds(second), journal.nextSequence(scope)),
        bytes);
  }

  @Test
  void startsFromTheNewestBaseAtOrBeforeTheTargetAndReplaysUpToIt() {
    base(ACME, "b0", 0, Map.of());
    write(ACME, 1, "a.txt", "one");
    write(ACME, 2, "dir/b.txt", "two");
    base(ACME, "b2", 2, Map.of("a.txt", "one", "dir/b.txt", "two"));
    write(ACME, 3, "a.txt", "three");
    delete(ACME, 4, "dir/b.txt");
    write(ACME, 5, "a.txt", "five");

    RecoveryResult result =
        recovery.recover(
            ACME, "notes", RecoveryTarget.instant(T0.plusSeconds(4)), temp.resolve("at4"));
    assertThat(result.baseBackupId()).isEqualTo("b2");
    assertThat(result.recordsReplayed()).isEqualTo(2);
    assertThat(result.lastAppliedSequence()).isEqualTo(OptionalLong.of(3));
    assertThat(result.lastAppliedTime()).contains(T0.plusSeconds(4));
    assertThat(text(temp.resolve("at4"))).isEqualTo(Map.of("a.txt", "three"));
    assertThat(temp.resolve("at4/dir")).as("the emptied directory is removed").doesNotExist();

    RecoveryResult early =
        recovery.recover(ACME, "notes", RecoveryTarget.sequence(0), temp.resolve("seq0"));
    assertThat(early.baseBackupId()).isEqualTo("b0");
    assertThat(text(temp.resolve("seq0"))).isEqualTo(Map.of("a.txt", "one"));
  }

  @Test
  void replaysOnlyTheRecoveredSourceAndNeverAnotherTenantsRecords() {
    base(ACME, "acme-0", 0, Map.of());
    base(GLOBEX, "globex-0", 0, Map.of("secret.txt", "globex base"));
    write(GLOBEX, 1, "secret.txt", "globex change");
    journal.append(ACME, T0.plusSeconds(1), "other", "x.txt", Optional.of(new byte[] {1}));
    write(ACME, 2, "mine.txt", "acme change");

    RecoveryResult result =
        recovery.recover(
            ACME, "notes", RecoveryTarget.instant(T0.plusSeconds(9)), temp.resolve("acme"));
    assertThat(text(temp.resolve("acme"))).isEqualTo(Map.of("mine.txt", "acme change"));
    assertThat(result.recordsReplayed()).isEqualTo(1);
    assertThat(result.baseBackupId()).isEqualTo("acme-0");
  }

  @Test
  void refusesATargetBeforeTheOldestBase() {
    write(ACME, 1, "a.txt", "one");
    write(ACME, 2, "a.txt", "two");
    base(ACME, "b5", 5, Map.of("a.txt", "two"));

    assertThatThrownBy(
            () ->
                recovery.recover(
                    ACME, "notes", RecoveryTarget.instant(T0.plusSeconds(4)), temp.resolve("x")))
        .isInstanceOf(DrException.class)
        .hasMessageContaining("is before the oldest base backup b5");
    assertThatThrownBy(
            () -> recovery.recover(ACME, "notes", RecoveryTarget.sequence(0), temp.resolve("x")))
        .isInstanceOf(DrException.class)
        .hasMessageContaining("sequence 0 is before the oldest base backup b5");
    assertThatThrownBy(
            () -> recovery.recover(GLOBEX, "notes", RecoveryTarget.sequence(0), temp.resolve("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(temp.resolve("x")).doesNotExist();
  }

  @Test
  void refusesAJournalTruncatedPastTheBase() {
    base(ACME, "b0", 0, Map.of());
    write(ACME, 1, "a.txt", "one");
    write(ACME, 2, "a.txt", "two");
    journal.truncateBefore(ACME, 1);

    assertThatThrownBy(
            () ->
                recovery.recover(
                    ACME, "notes", RecoveryTarget.instant(T0.plusSeconds(9)), temp.resolve("x")))
        .isInstanceOf(DrException.class)
        .hasMessageContaining("gap after base backup b0: records 0 to 0 are gone");
    assertThat(temp.resolve("x")).doesNotExist();
  }

  @Test
  void refusesADirectoryThatIsNotEmptyOrIsAFile() throws IOException {
    base(ACME, "b0", 0, Map.of());
    Files.createDirectories(temp.resolve("full"));
    Files.writeString(temp.resolve("full/keep.txt"), "mine");
    Files.writeString(temp.resolve("file"), "a file");

    assertThatThrownBy(
            () -> recovery.recover(ACME, "notes", RecoveryTarget.instant(T0), temp.resolve("full")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not empty");
    assertThat(Files.readString(temp.resolve("full/keep.txt"))).isEqualTo("mine");
    assertThatThrownBy(
            () -> recovery.recover(ACME, "notes", RecoveryTarget.instant(T0), temp.resolve("file")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a file");
    Files.createDirectories(temp.resolve("empty"));
    assertThat(
            recovery
                .recover(ACME, "notes", RecoveryTarget.instant(T0), temp.resolve("empty"))
                .recordsReplayed())
        .isZero();
  }

  @Test
  void refusesASequenceNotJournaledYetAndBadArguments() {
    base(ACME, "b0", 0, Map.of());
    write(ACME, 1, "a.txt", "one");
    Path out = temp.resolve("x");

    assertThatThrownBy(() -> recovery.recover(ACME, "notes", RecoveryTarget.sequence(1), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target sequence 1 of scope tenant-acme has not been journaled yet");
    assertThatThrownBy(() -> RecoveryTarget.sequence(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> recovery.recover(ACME, "No Such", RecoveryTarget.sequence(0), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source 'No Such'");
    assertThatThrownBy(() -> PointInTimeRecovery.builder().journal(journal).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs base backups");
    assertThatThrownBy(() -> PointInTimeRecovery.builder().journal(journal).journal(journal))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("journal is set already");
    assertThatThrownBy(() -> new BaseBackup(ACME, "notes", "bad id", T0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BaseBackup.id 'bad id'");
    assertThat(out).doesNotExist();
  }

  @Test
  void refusesBaseBackupsThatListAnotherScopesBackup() {
    BaseBackups leaky =
        new BaseBackups() {
          @Override
          public java.util.List<BaseBackup> list(BackupScope scope, String source) {
            return java.util.List.of(new BaseBackup(GLOBEX, "notes", "theirs", T0, 0));
          }

          @Override
          public void restore(BaseBackup backup, Path target) {
            throw new AssertionError("must not restore " + backup);
          }
        };
    PointInTimeRecovery guarded =
        PointInTimeRecovery.builder().journal(journal).baseBackups(leaky).build();
    assertThatThrownBy(
            () -> guarded.recover(ACME, "notes", RecoveryTarget.instant(T0), temp.resolve("x")))
        .isInstanceOf(DrException.class)
        .hasMessageContaining("listed backup theirs of tenant-globex/notes");
  }
}
