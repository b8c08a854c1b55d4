package dev.tdeveloper.tenancy.quota.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileQuotaStoreRecoveryTest {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final Instant monthEnd = clock.instant().plus(Duration.ofDays(31));

  private QuotaKey key(int i) {
    return new QuotaKey(ACME, "r" + i, clock.instant());
  }

  private FileQuotaStore open() {
    return FileQuotaStore.builder(dir).clock(clock).open();
  }

  /** Writes counters r0..r(count-1) holding i+1 each, one record per counter. */
  private void write(int count) {
    try (FileQuotaStore store = open()) {
      for (int i = 0; i < count; i++) {
        store.tryAdd(key(i), i + 1, 1_000, monthEnd);
      }
    }
  }

  private Path log(long generation) {
    return QuotaFiles.log(dir, generation);
  }

  private long frameLength(int i) {
    return CounterCodec.frame(key(i), new Counter(i + 1, monthEnd)).length;
  }

  private void assertCounters(int count) {
    try (FileQuotaStore store = open()) {
      for (int i = 0; i < count; i++) {
        assertThat(store.used(key(i))).as("r%d", i).isEqualTo(i + 1);
      }
    }
  }

  private static void flipByte(Path file, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= 0x5a;
    Files.write(file, bytes);
  }

  @Test
  void theFilesOfAStoreNotClosedReopenToEveryCounterAndClosingCutsTheZeroTail() throws IOException {
    Path image = dir.resolveSibling(dir.getFileName() + "-image");
    try (FileQuotaStore store = open()) {
      for (int i = 0; i < 5; i++) {
        store.tryAdd(key(i), i + 1, 1_000, monthEnd);
      }
      assertThat(Files.size(log(1))).as("preallocated").isGreaterThan(CounterLog.CHUNK);
      Files.createDirectories(image); // what a killed process leaves on disk
      for (Path file : new Path[] {log(1), QuotaFiles.snapshot(dir, 1)}) {
        if (Files.exists(file)) {
          Files.copy(file, image.resolve(file.getFileName()));
        }
      }
    }
    long records = QuotaFiles.LOG_HEADER;
    for (int i = 0; i < 5; i++) {
      records += frameLength(i);
    }
    assertThat(Files.size(log(1))).as("closed: cut to its records").isEqualTo(records);

    try (FileQuotaStore store = FileQuotaStore.builder(image).clock(clock).open()) {
      for (int i = 0; i < 5; i++) {
        assertThat(store.used(key(i))).as("r%d", i).isEqualTo(i + 1);
      }
    }
    assertThat(Files.size(QuotaFiles.log(image, 1))).isEqualTo(records);
  }

  @Test
  void truncatesATornLastRecordAndKeepsEverythingBefore() throws IOException {
    write(5);
    long size = Files.size(log(1));
    byte[] torn = Arrays.copyOf(CounterCodec.frame(key(5), new Counter(6, monthEnd)), 20);
    Files.write(log(1), torn, StandardOpenOption.APPEND);
    assertCounters(5);
    assertThat(Files.size(log(1))).isEqualTo(size);
    try (FileQuotaStore store = open()) {
      assertThat(store.used(key(5))).isZero();
      store.tryAdd(key(5), 6, 1_000, monthEnd);
    }
    assertCounters(6);
  }

  @Test
  void truncatesATornLastRecordWhoseChecksumDoesNotMatch() throws IOException {
    write(5);
    long lastOffset = Files.size(log(1)) - frameLength(4);
    flipByte(log(1), Files.size(log(1)) - 1);
    assertCounters(4);
    assertThat(Files.size(log(1))).isEqualTo(lastOffset);
  }

  @Test
  void failsNamingFileAndOffsetWhenAMiddleRecordIsDamaged() throws IOException {
    write(5);
    long second = QuotaFiles.LOG_HEADER + frameLength(0);
    flipByte(log(1), second + CounterCodec.FRAME_HEADER + 2);
    long size = Files.size(log(1));
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            CorruptQuotaStoreException.class,
            e -> {
              assertThat(e.file()).isEqualTo(log(1));
              assertThat(e.offset()).isEqualTo(second);
            })
        .hasMessageContaining(log(1).toString())
        .hasMessageContaining("offset " + second)
        .hasMessageContaining("followed by a valid record");
    assertThat(Files.size(log(1))).as("nothing is cut").isEqualTo(size);
    assertThatThrownBy(this::open)
        .as("the failed open released the lock")
        .isInstanceOf(CorruptQuotaStoreException.class);
  }

  @Test
  void failsOnADamagedSnapshot() throws IOException {
    write(3);
    try (FileQuotaStore store = open()) {
      store.compact();
    }
    Path snapshot = QuotaFiles.snapshot(dir, 2);
    flipByte(snapshot, Files.size(snapshot) - 1);
    assertThatThrownBy(this::open)
        .isInstanceOf(CorruptQuotaStoreException.class)
        .hasMessageContaining(snapshot.toString());
  }

  @Test
  void failsOnASnapshotCutAtARecordBoundary() throws IOException {
    write(3);
    try (FileQuotaStore store = open()) {
      store.compact();
    }
    Path snapshot = QuotaFiles.snapshot(dir, 2);
    byte[] bytes = Files.readAllBytes(snapshot);
    Files.write(snapshot, Arrays.copyOf(bytes, (int) (bytes.length - frameLength(2))));
    assertThatThrownBy(this::open)
        .isInstanceOf(CorruptQuotaStoreException.class)
        .hasMessageContaining("holds 2 records, its header says 3");
  }

  @Test
  void failsWhenTheSnapshotOfTheLogIsMissing() throws IOException {
    write(3);
    Files.delete(QuotaFiles.snapshot(dir, 1));
    assertThatThrownBy(this::open)
        .isInstanceOf(CorruptQuotaStoreException.class)
        .hasMessageContaining(log(1).toString())
        .hasMessageContaining("is missing");
  }

  @Test
  void ignoresASnapshotLeftHalfWrittenByAnInterruptedCompaction() throws IOException {
    write(3);
    Path temp = DurableFiles.tempOf(QuotaFiles.snapshot(dir, 2));
    Files.write(temp, new byte[] {'T', 'D', 'Q'});
    assertCounters(3);
    assertThat(temp).doesNotExist();
  }

  @Test
  void rewritesALogHeaderCutShortByACrash() throws IOException {
    write(3);
    try (FileQuotaStore store = open()) {
      store.compact();
    }
    Files.write(log(2), new byte[] {'T', 'D'});
    assertCounters(3);
    assertThat(Files.size(log(2))).isEqualTo(QuotaFiles.LOG_HEADER);
  }

  @Test
  void refusesAFileThatIsNotAQuotaLog() throws IOException {
    write(1);
    Files.writeString(log(1), "not a quota log at all");
    assertThatThrownBy(this::open)
        .isInstanceOf(CorruptQuotaStoreException.class)
        .hasMessageContaining("not a quota log");
  }
}
