package dev.tdeveloper.dr.backup;

import static dev.tdeveloper.dr.backup.BackupEngineTest.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.FileStamp;
import dev.tdeveloper.dr.spi.SourceEntry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files an incremental backup skips: those whose size, modification time and stamp (inode and
 * ctime, from {@link DirectorySource} on Linux) are as the parent recorded them, and no others.
 */
class UnchangedFilesTest {
  static final Instant MTIME = Instant.parse("2029-06-01T12:00:00Z");

  @TempDir Path temp;
  final MapBackupStore store = new MapBackupStore();
  final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

  BackupEngine engine(boolean skipUnchangedFiles) {
    return BackupEngine.builder()
        .store(store)
        .cipher(new TestCipher())
        .clock(clock)
        .chunker(BackupEngineTest.SMALL)
        .skipUnchangedFiles(skipUnchangedFiles)
        .build();
  }

  final BackupEngine engine = engine(true);

  /** Six files of 20,000 bytes, each filled with its own letter, all modified at {@link #MTIME}. */
  DirectorySource tree() throws IOException {
    Path root = temp.resolve("src");
    for (int i = 0; i < 6; i++) {
      write(root.resolve("d/f" + i + ".txt"), (char) ('a' + i));
    }
    return DirectorySource.of("files", ACME, root);
  }

  static void write(Path file, char fill) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.valueOf(fill).repeat(20_000), StandardCharsets.US_ASCII);
    Files.setLastModifiedTime(file, FileTime.from(MTIME));
  }

  BackupResult incremental(BackupEngine engine, BackupSource source) {
    clock.advance(Duration.ofMinutes(1));
    return engine.backup(source, BackupType.INCREMENTAL, OptionalLong.empty());
  }

  static FileStamp stamp(BackupResult result, String path) {
    return result.manifest().file(path).orElseThrow().stamp().orElseThrow();
  }

  static Instant ctime(Path file) throws IOException {
    return ((FileTime) Files.getAttribute(file, "unix:ctime")).toInstant();
  }

  /**
   * Sets the file's modification time back to {@link #MTIME} until its ctime differs from {@code
   * recorded} (each set moves the ctime to now; a coarse kernel clock may need more than one).
   */
  static void restoreModificationTime(Path file, Instant recorded) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    do {
      Files.setLastModifiedTime(file, FileTime.from(MTIME));
    } while (ctime(file).equals(recorded) && System.nanoTime() < deadline);
    assertThat(ctime(file)).isNotEqualTo(recorded);
  }

  @Test
  void anIncrementalReadsOnlyTheChangedFileAndRestoresTheTreeByteIdentical() throws IOException {
    DirectorySource source = tree();
    BackupResult full = engine.backup(source, BackupType.FULL, OptionalLong.empty());
    write(source.root().resolve("d/f2.txt"), 'z');
    restoreModificationTime(
        source.root().resolve("d/f2.txt"), stamp(full, "d/f2.txt").statusChanged());

    BackupResult incremental = incremental(engine, source);
    assertThat(full.manifest().files()).allMatch(f -> f.stamp().isPresent());
    assertThat(incremental.bytesRead()).isEqualTo(20_000);
    assertThat(incremental.manifest().file("d/f0.txt")).isEqualTo(full.manifest().file("d/f0.txt"));
    Path target = temp.resolve("restored");
    engine.restore(ACME, incremental.backupId(), target);
    Trees.assertSameFiles(source.root(), target);
  }

  @Test
  void aFileRewrittenWithItsSizeAndModificationTimeRestoredIsReadAgain() throws IOException {
    DirectorySource source = tree();
    Path file = source.root().resolve("d/f3.txt");
    BackupResult full = engine.backup(source, BackupType.FULL, OptionalLong.empty());
    write(file, 'q'); // what touch -r does after the write: same size, same mtime
    restoreModificationTime(file, stamp(full, "d/f3.txt").statusChanged());
    assertThat(Files.size(file)).isEqualTo(full.manifest().file("d/f3.txt").orElseThrow().size());
    assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(MTIME);

    BackupResult incremental = incremental(engine, source);
    assertThat(incremental.bytesRead()).isEqualTo(20_000);
    assertThat(incremental.manifest().file("d/f3.txt").orElseThrow().sha256())
        .isNotEqualTo(full.manifest().file("d/f3.txt").orElseThrow().sha256());
    Path target = temp.resolve("restored");
    engine.restore(ACME, incremental.backupId(), target);
    Trees.assertSameFiles(source.root(), target);
  }

  @Test
  void aFileReplacedByAnotherIsReadAgain() throws IOException {
    DirectorySource source = tree();
    Path file = source.root().resolve("d/f4.txt");
    BackupResult full = engine.backup(source, BackupType.FULL, OptionalLong.empty());
    Path aside = source.root().resolve("aside.tmp");
    write(aside, 'r');
    Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertThat(Files.getAttribute(file, "unix:ino")).isNotEqualTo(stamp(full, "d/f4.txt").inode());

    BackupResult incremental = incremental(engine, source);
    assertThat(incremental.bytesRead()).isEqualTo(20_000);
    assertThat(stamp(incremental, "d/f4.txt").inode())
        .isNotEqualTo(stamp(full, "d/f4.txt").inode());
    Path target = temp.resolve("restored");
    engine.restore(ACME, incremental.backupId(), target);
    Trees.assertSameFiles(source.root(), target);
  }

  @Test
  void onlyTheSameSizeModificationTimeAndStampCountAsUnchanged() {
    Instant ctime = Instant.parse("2029-06-02T00:00:00Z");
    FileStamp stamp = new FileStamp(77, ctime);
    BackupFile recorded =
        new BackupFile(
            "f",
            10,
            MTIME,
            "0".repeat(64),
            List.of(new ChunkRef("1".repeat(64), 10)),
            Optional.of(stamp));
    BackupFile unstamped =
        new BackupFile("f", 10, MTIME, "0".repeat(64), List.of(new ChunkRef("1".repeat(64), 10)));

    assertThat(BackupRun.unchanged(recorded, new SourceEntry("f", 10, MTIME, Optional.of(stamp))))
        .isTrue();
    assertThat(
            BackupRun.unchanged(
                recorded, new SourceEntry("f", 10, MTIME, Optional.of(new FileStamp(78, ctime)))))
        .as("new inode")
        .isFalse();
    assertThat(
            BackupRun.unchanged(
                recorded,
                new SourceEntry(
                    "f", 10, MTIME, Optional.of(new FileStamp(77, ctime.plusNanos(1))))))
        .as("new ctime")
        .isFalse();
    assertThat(BackupRun.unchanged(recorded, new SourceEntry("f", 11, MTIME, Optional.of(stamp))))
        .as("new size")
        .isFalse();
    assertThat(
            BackupRun.unchanged(
                recorded, new SourceEntry("f", 10, MTIME.plusMillis(1), Optional.of(stamp))))
        .as("new mtime")
        .isFalse();
    assertThat(BackupRun.unchanged(unstamped, new SourceEntry("f", 10, MTIME, Optional.of(stamp))))
        .as("a parent from before stamps")
        .isFalse();
    assertThat(BackupRun.unchanged(recorded, new SourceEntry("f", 10, MTIME)))
        .as("a source without stamps: size and mtime")
        .isTrue();
  }

  @Test
  void aParentWithoutStampsMakesTheNextIncrementalReadEverythingOnce() throws IOException {
    DirectorySource source = tree();
    BackupSource unstamped = new UnstampedSource(source);
    BackupResult old = engine.backup(unstamped, BackupType.FULL, OptionalLong.empty());
    assertThat(old.manifest().files()).allMatch(f -> f.stamp().isEmpty());
    assertThat(new String(old.manifest().toJson(), StandardCharsets.UTF_8))
        .doesNotContain("inode")
        .doesNotContain("ctime");

    BackupResult first = incremental(engine, source);
    BackupResult second = incremental(engine, source);
    assertThat(first.bytesRead()).isEqualTo(6 * 20_000);
    assertThat(first.chunksNew()).isZero();
    assertThat(second.bytesRead()).isZero();
    assertThat(incremental(engine, unstamped).bytesRead()).as("size and mtime only").isZero();
  }

  @Test
  void withSkippingOffAnIncrementalReadsEveryFileAndStoresNothingNew() throws IOException {
    BackupEngine reading = engine(false);
    DirectorySource source = tree();
    reading.backup(source, BackupType.FULL, OptionalLong.empty());
    BackupResult incremental = incremental(reading, source);
    assertThat(incremental.manifest().type()).isEqualTo(BackupType.INCREMENTAL);
    assertThat(incremental.bytesRead()).isEqualTo(6 * 20_000);
    assertThat(incremental.chunksNew()).isZero();
    assertThatThrownBy(
            () -> BackupEngine.builder().skipUnchangedFiles(true).skipUnchangedFiles(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("skipUnchangedFiles");
  }

  @Test
  void stampsSurviveTheManifestRoundTrip() throws IOException {
    BackupResult full = engine.backup(tree(), BackupType.FULL, OptionalLong.empty());
    BackupManifest read = BackupManifest.fromJson(ACME, full.backupId(), full.manifest().toJson());
    assertThat(read).isEqualTo(full.manifest());
    assertThat(read.files()).allMatch(f -> f.stamp().isPresent());
  }

  /** A source handing the wrapped one's files without stamps, as a manifest of old recorded. */
  record UnstampedSource(BackupSource inner) implements BackupSource {
    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public BackupScope scope() {
      return inner.scope();
    }

    @Override
    public void read(EntryConsumer consumer) throws IOException {
      inner.read(
          (entry, in) ->
              consumer.accept(
                  new SourceEntry(entry.path(), entry.size(), entry.lastModified()), in));
    }
  }
}
