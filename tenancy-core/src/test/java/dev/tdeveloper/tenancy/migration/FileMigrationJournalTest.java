package dev.tdeveloper.tenancy.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.MigrationJournalContract;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMigrationJournalTest extends MigrationJournalContract {
  @TempDir Path dir;

  @Override
  protected MigrationJournal newJournal() {
    return MigrationJournal.openFile(dir.resolve("migrations.journal"));
  }

  private FileMigrationJournal file() {
    return (FileMigrationJournal) journal;
  }

  private FileMigrationJournal reopen() {
    Path path = file().file();
    journal.close();
    journal = FileMigrationJournal.open(path);
    return file();
  }

  /** Records a migration of {@code tenant} that copied {@code batches} batches; returns it. */
  private MigrationState copy(String tenant, int second, int batches) {
    MigrationState state = planned(tenant, second);
    journal.tryBegin(state);
    state = state.enter(MigrationPhase.COPYING, T0.plusSeconds(second));
    journal.update(state);
    for (int b = 0; b < batches; b++) {
      state = state.copied(String.format("k%05d", b * 10 + 9), 10, T0.plusSeconds(second + b));
      journal.update(state);
    }
    return state;
  }

  @Test
  void keepsEveryStateAcrossReopen() {
    MigrationState acme = copy("acme", 1, 3);
    MigrationState globex = copy("globex", 2, 1);
    MigrationState done = globex.finished(MigrationPhase.FAILED, "checksums differ", T0);
    journal.update(done);

    FileMigrationJournal reopened = reopen();

    assertThat(reopened.discardedBytesOnOpen()).isZero();
    assertThat(reopened.list()).containsExactly(acme, done);
    assertThat(reopened.unfinished(TenantId.of("acme"))).contains(acme);
    assertThat(reopened.unfinished(TenantId.of("globex"))).isEmpty();
    assertThat(reopened.tryBegin(planned("acme", 9))).as("acme is still migrating").isFalse();
  }

  @Test
  void truncatesATornFinalRecordAndKeepsEverythingBefore() throws IOException {
    MigrationState acme = copy("acme", 1, 2);
    long intact = Files.size(file().file());
    journal.update(acme.copied("k99999", 10, T0.plusSeconds(60)));
    journal.close();
    try (RandomAccessFile raf = new RandomAccessFile(file().file().toFile(), "rw")) {
      raf.setLength(raf.length() - 3);
    }

    FileMigrationJournal reopened = reopen();

    assertThat(reopened.discardedBytesOnOpen()).isPositive();
    assertThat(Files.size(reopened.file())).isEqualTo(intact);
    assertThat(reopened.find(acme.plan().id())).contains(acme);
    MigrationState next = acme.enter(MigrationPhase.VERIFYING, T0.plusSeconds(61));
    reopened.update(next);
    assertThat(reopen().find(acme.plan().id())).contains(next);
  }

  @Test
  void failsNamingFileAndOffsetWhenDamageIsFollowedByAValidRecord() throws IOException {
    MigrationState acme = planned("acme", 1);
    journal.tryBegin(acme);
    long second = Files.size(file().file());
    journal.update(acme.enter(MigrationPhase.COPYING, T0.plusSeconds(2)));
    journal.update(acme.enter(MigrationPhase.VERIFYING, T0.plusSeconds(3)));
    Path path = file().file();
    journal.close();
    flipByte(path, second + 20);
    byte[] damaged = Files.readAllBytes(path);

    assertThatThrownBy(() -> FileMigrationJournal.open(path))
        .isInstanceOf(MigrationJournalException.class)
        .hasMessageContaining(path.toString())
        .hasMessageContaining("corrupt at offset " + second)
        .hasMessageContaining("followed by a valid record");
    assertThat(Files.readAllBytes(path)).isEqualTo(damaged);
    journal = FileMigrationJournal.open(dir.resolve("other.journal"));
  }

  @Test
  void failsRatherThanDropAnIntactRecordItCannotDecode() throws IOException {
    journal.tryBegin(planned("acme", 1));
    Path path = file().file();
    long offset = Files.size(path);
    journal.close();
    byte[] payload = "{\"v\":99}".getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
    frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
    Files.write(path, frame.array(), StandardOpenOption.APPEND);

    assertThatThrownBy(() -> FileMigrationJournal.open(path))
        .isInstanceOf(MigrationJournalException.class)
        .hasMessageContaining("record at offset " + offset)
        .hasMessageContaining("version");
    journal = FileMigrationJournal.open(dir.resolve("other.journal"));
  }

  @Test
  void refusesAFileThatIsNotAJournalAndLeavesItAlone() throws IOException {
    Path foreign = dir.resolve("notes.txt");
    byte[] content = "hello, these are my notes".getBytes(StandardCharsets.UTF_8);
    Files.write(foreign, content);

    assertThatThrownBy(() -> FileMigrationJournal.open(foreign))
        .isInstanceOf(MigrationJournalException.class)
        .hasMessageContaining("not a migration journal");
    assertThat(Files.readAllBytes(foreign)).isEqualTo(content);
  }

  @Test
  void refusesASecondOpenOfTheSameFile() {
    assertThatThrownBy(() -> FileMigrationJournal.open(file().file()))
        .isInstanceOf(MigrationJournalException.class)
        .hasMessageContaining("already open");
    assertThat(journal.tryBegin(planned("acme", 1))).isTrue();
  }

  @Test
  void refusesUseAfterClose() {
    journal.close();

    assertThatThrownBy(() -> journal.tryBegin(planned("acme", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> journal.list()).isInstanceOf(IllegalStateException.class);
  }

  static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x01);
    }
  }
}
