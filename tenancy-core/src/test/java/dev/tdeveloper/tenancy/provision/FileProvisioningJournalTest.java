package dev.tdeveloper.tenancy.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.ProvisioningJournalException;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.testkit.ProvisioningJournalContract;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProvisioningJournalTest extends ProvisioningJournalContract {
  @TempDir Path dir;

  @Override
  protected ProvisioningJournal newJournal() {
    return FileProvisioningJournal.open(dir.resolve("contract.journal"));
  }

  private Path file() {
    return ((FileProvisioningJournal) journal).file();
  }

  private FileProvisioningJournal reopen() {
    journal.close();
    journal = FileProvisioningJournal.open(file());
    return (FileProvisioningJournal) journal;
  }

  @Test
  void keepsTheLatestRecordsAcrossReopen() {
    journal.record(running("s1", "acme", 0, T0));
    journal.record(running("s1", "acme", 2, T0.plusSeconds(1)));
    SagaRecord done = finished(running("s2", "globex", 0, T0), SagaState.DONE, T0);
    journal.record(running("s2", "globex", 0, T0));
    journal.record(done);

    FileProvisioningJournal reopened = reopen();

    assertThat(reopened.discardedBytesOnOpen()).isZero();
    assertThat(reopened.find("s1")).contains(running("s1", "acme", 2, T0.plusSeconds(1)));
    assertThat(reopened.find("s2")).contains(done);
    assertThat(reopened.incomplete()).extracting(SagaRecord::sagaId).containsExactly("s1");
  }

  @Test
  void truncatesATornFinalRecordAndKeepsEverythingBefore() throws IOException {
    journal.record(running("s1", "acme", 0, T0));
    journal.record(running("s1", "acme", 1, T0.plusSeconds(1)));
    long intact = Files.size(file());
    journal.record(running("s1", "acme", 2, T0.plusSeconds(2)));
    journal.close();
    truncateBy(file(), 3);

    FileProvisioningJournal reopened = reopen();

    assertThat(reopened.discardedBytesOnOpen()).isPositive();
    assertThat(Files.size(file())).isEqualTo(intact);
    assertThat(reopened.find("s1")).contains(running("s1", "acme", 1, T0.plusSeconds(1)));
    reopened.record(running("s1", "acme", 3, T0.plusSeconds(3)));
    assertThat(reopen().find("s1")).contains(running("s1", "acme", 3, T0.plusSeconds(3)));
  }

  @Test
  void truncatesARecordWhoseChecksumDoesNotMatch() throws IOException {
    journal.record(running("s1", "acme", 1, T0));
    journal.record(running("s2", "globex", 1, T0));
    journal.close();
    try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
      raf.seek(raf.length() - 5);
      int b = raf.read();
      raf.seek(raf.length() - 5);
      raf.write(b ^ 0x01);
    }

    FileProvisioningJournal reopened = reopen();

    assertThat(reopened.discardedBytesOnOpen()).isPositive();
    assertThat(reopened.find("s1")).isPresent();
    assertThat(reopened.find("s2")).isEmpty();
  }

  @Test
  void failsNamingFileAndOffsetWhenDamageIsFollowedByAnIntactRecord() throws IOException {
    journal.record(running("s1", "acme", 1, T0));
    long second = Files.size(file());
    journal.record(running("s2", "globex", 1, T0));
    journal.record(running("s3", "initech", 1, T0));
    journal.close();
    try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
      raf.seek(second + 20);
      int b = raf.read();
      raf.seek(second + 20);
      raf.write(b ^ 0x01);
    }
    byte[] damaged = Files.readAllBytes(file());

    assertThatThrownBy(() -> FileProvisioningJournal.open(file()))
        .isInstanceOf(ProvisioningJournalException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("corrupt at offset " + second);
    assertThat(Files.readAllBytes(file())).as("nothing is cut").isEqualTo(damaged);
    journal = FileProvisioningJournal.open(dir.resolve("other.journal"));
  }

  @Test
  void truncatesAHeaderOnlyTail() throws IOException {
    journal.record(running("s1", "acme", 1, T0));
    journal.close();
    Files.write(file(), new byte[] {0, 0, 0, 42}, StandardOpenOption.APPEND);

    FileProvisioningJournal reopened = reopen();

    assertThat(reopened.discardedBytesOnOpen()).isEqualTo(4);
    assertThat(reopened.find("s1")).isPresent();
  }

  @Test
  void repairsAHeaderTornWhileTheFileWasCreated() throws IOException {
    Path torn = dir.resolve("torn.journal");
    Files.write(torn, "TDP".getBytes(StandardCharsets.US_ASCII));

    try (FileProvisioningJournal opened = FileProvisioningJournal.open(torn)) {
      opened.record(running("s1", "acme", 0, T0));
    }
    try (FileProvisioningJournal again = FileProvisioningJournal.open(torn)) {
      assertThat(again.find("s1")).isPresent();
    }
  }

  @Test
  void refusesAFileThatIsNotAJournalAndLeavesItAlone() throws IOException {
    Path foreign = dir.resolve("notes.txt");
    byte[] content = "hello, these are my notes".getBytes(StandardCharsets.UTF_8);
    Files.write(foreign, content);

    assertThatThrownBy(() -> FileProvisioningJournal.open(foreign))
        .isInstanceOf(ProvisioningJournalException.class)
        .hasMessageContaining("not a provisioning journal");
    assertThat(Files.readAllBytes(foreign)).isEqualTo(content);
  }

  @Test
  void failsRatherThanDropAnIntactRecordItCannotDecode() throws IOException {
    journal.record(running("s1", "acme", 0, T0));
    journal.close();
    byte[] payload = "{\"v\":99}".getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
    frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
    Files.write(file(), frame.array(), StandardOpenOption.APPEND);
    long size = Files.size(file());

    assertThatThrownBy(() -> FileProvisioningJournal.open(file()))
        .isInstanceOf(ProvisioningJournalException.class)
        .hasMessageContaining("cannot be read")
        .hasMessageContaining("version");
    assertThat(Files.size(file())).isEqualTo(size);
    journal = FileProvisioningJournal.open(dir.resolve("other.journal"));
  }

  @Test
  void refusesASecondOpenOfTheSameFile() {
    assertThatThrownBy(() -> FileProvisioningJournal.open(file()))
        .isInstanceOf(ProvisioningJournalException.class)
        .hasMessageContaining("already open");
    journal.record(running("s1", "acme", 0, T0));
    assertThat(journal.find("s1")).isPresent();
  }

  @Test
  void refusesUseAfterClose() {
    journal.close();

    assertThatThrownBy(() -> journal.record(running("s1", "acme", 0, T0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> journal.incomplete()).isInstanceOf(IllegalStateException.class);
  }

  static void truncateBy(Path file, int bytes) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() - bytes);
    }
  }
}
