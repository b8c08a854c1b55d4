package dev.tdeveloper.dr.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check after each backup ({@link BackupEngine#verifyWritten}): it reads back only the chunks
 * the backup wrote, still finds a reused chunk missing or the manifest tampered with, and the next
 * incremental takes the manifest this engine published as parent without reading it again.
 */
class WrittenChunksVerifyTest {
  @TempDir Path temp;

  /** Counts chunk reads and manifest reads. */
  static final class CountingStore extends StoreRequestsTest.CountingStore {
    final AtomicInteger manifestReads = new AtomicInteger();

    @Override
    public Optional<byte[]> manifest(dev.tdeveloper.dr.spi.BackupScope scope, String backupId) {
      manifestReads.incrementAndGet();
      return super.manifest(scope, backupId);
    }
  }

  private final CountingStore store = new CountingStore();
  private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final BackupEngine engine = engine();

  private BackupEngine engine() {
    return BackupEngine.builder()
        .store(store)
        .cipher(new TestCipher())
        .chunker(BackupEngineTest.SMALL)
        .clock(clock)
        .parallelism(1)
        .build();
  }

  private DirectorySource source(long seed) throws IOException {
    Path root = temp.resolve("src");
    Trees.generate(root, seed, 30, BackupEngineTest.SMALL.max());
    return DirectorySource.of("files", StoreRequestsTest.ACME, root);
  }

  @Test
  void readsBackOnlyTheChunksTheBackupWrote() throws IOException {
    DirectorySource source = source(31);
    BackupResult full = engine.backup(source, BackupType.FULL, OptionalLong.empty());
    Files.write(source.root().resolve("d0/changed.bin"), new byte[] {9, 8, 7, 6, 5});
    BackupResult incremental = engine.backup(source, BackupType.INCREMENTAL, OptionalLong.empty());
    store.reset();

    VerifyReport first = engine.verifyWritten(full);
    int firstGets = store.gets.get();
    store.reset();
    VerifyReport second = engine.verifyWritten(incremental);

    assertThat(full.writtenChunks()).isEqualTo(StoreRequestsTest.chunkIds(full.manifest()));
    assertThat(first.ok()).isTrue();
    assertThat(firstGets).isEqualTo(full.writtenChunks().size());
    assertThat(incremental.writtenChunks()).hasSize(1);
    assertThat(second.ok()).isTrue();
    assertThat(second.chunksChecked())
        .isEqualTo(StoreRequestsTest.chunkIds(incremental.manifest()).size());
    assertThat(store.gets.get()).isEqualTo(1);
    assertThat(store.lists.get()).isEqualTo(1); // the reused chunks' presence, in one listing
  }

  @Test
  void aCorruptWrittenChunkFailsTheCheck() throws IOException {
    BackupResult full = engine.backup(source(32), BackupType.FULL, OptionalLong.empty());
    String chunk = full.writtenChunks().iterator().next();
    store.chunks(StoreRequestsTest.ACME).get(chunk)[20] ^= 1;

    VerifyReport report = engine.verifyWritten(full);

    assertThat(report.ok()).isFalse();
    assertThat(report.corruptChunks())
        .singleElement()
        .satisfies(p -> assertThat(p.chunkId()).isEqualTo(chunk));
  }

  @Test
  void aMissingReusedChunkFailsTheCheck() throws IOException {
    DirectorySource source = source(33);
    BackupResult full = engine.backup(source, BackupType.FULL, OptionalLong.empty());
    BackupResult again = engine.backup(source, BackupType.INCREMENTAL, OptionalLong.empty());
    String chunk = full.manifest().files().get(1).chunks().get(0).id();
    store.deleteChunk(StoreRequestsTest.ACME, chunk);

    VerifyReport report = engine.verifyWritten(again);

    assertThat(again.writtenChunks()).isEmpty();
    assertThat(report.ok()).isFalse();
    assertThat(report.missingChunks())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.chunkId()).isEqualTo(chunk);
              assertThat(p.filesByBackup()).containsOnlyKeys(again.backupId());
            });
  }

  @Test
  void aTamperedManifestFailsTheCheck() throws IOException {
    BackupResult full = engine.backup(source(34), BackupType.FULL, OptionalLong.empty());
    String json =
        new String(
            store.manifest(StoreRequestsTest.ACME, full.backupId()).orElseThrow(),
            StandardCharsets.UTF_8);
    String path = full.manifest().files().get(0).path();
    store.deleteManifest(StoreRequestsTest.ACME, full.backupId());
    store.publishManifest(
        StoreRequestsTest.ACME,
        full.backupId(),
        json.replace(path, "evil/" + path).getBytes(StandardCharsets.UTF_8));

    VerifyReport report = engine.verifyWritten(full);

    assertThat(report.ok()).isFalse();
    assertThat(report.corruptManifests())
        .extracting(VerifyReport.ManifestProblem::backupId)
        .containsExactly(full.backupId());
  }

  @Test
  void aStoredManifestReplacedByAnotherValidOneIsCheckedAsStored() throws IOException {
    // The check skips parsing only the bytes it wrote; a manifest with a correct hash but other
    // content (here: a file's chunk swapped for one never stored) is the one checked.
    BackupResult full = engine.backup(source(37), BackupType.FULL, OptionalLong.empty());
    BackupManifest m = full.manifest();
    int index = 0;
    while (m.files().get(index).size() == 0) {
      index++;
    }
    BackupFile first = m.files().get(index);
    String absent = "ab".repeat(32);
    List<BackupFile> files = new ArrayList<>(m.files());
    files.set(
        index,
        new BackupFile(
            first.path(),
            first.size(),
            first.lastModified(),
            first.sha256(),
            List.of(new ChunkRef(absent, (int) first.size())),
            first.stamp()));
    BackupManifest other =
        new BackupManifest(
            m.formatVersion(),
            m.backupId(),
            m.scope(),
            m.source(),
            m.type(),
            m.parent(),
            m.startedAt(),
            m.finishedAt(),
            m.journalSequence(),
            files,
            m.totals());
    store.deleteManifest(StoreRequestsTest.ACME, full.backupId());
    store.publishManifest(StoreRequestsTest.ACME, full.backupId(), other.toJson());

    VerifyReport report = engine.verifyWritten(full);

    assertThat(report.corruptManifests()).isEmpty();
    assertThat(report.missingChunks())
        .singleElement()
        .satisfies(p -> assertThat(p.chunkId()).isEqualTo(absent));
  }

  @Test
  void theNextIncrementalTakesThePublishedManifestAsParentWithoutReadingIt() throws IOException {
    DirectorySource source = source(35);
    BackupResult full = engine.backup(source, BackupType.FULL, OptionalLong.empty());
    store.reset();
    store.manifestReads.set(0);

    BackupResult incremental = engine.backup(source, BackupType.INCREMENTAL, OptionalLong.empty());

    assertThat(incremental.manifest().parent()).contains(full.backupId());
    assertThat(incremental.manifest().totals().chunksNew()).isZero();
    assertThat(store.manifestReads.get()).isZero();
    assertThat(engine.latest(StoreRequestsTest.ACME, "files")).contains(incremental.manifest());
    assertThat(engine.verify(StoreRequestsTest.ACME, Optional.empty()).ok()).isTrue();
  }

  @Test
  void aParentPublishedElsewhereIsStillReadFromTheStore() throws IOException {
    DirectorySource source = source(36);
    BackupEngine other = engine();
    engine.backup(source, BackupType.FULL, OptionalLong.empty());
    clock.advance(Duration.ofMinutes(1));
    BackupResult elsewhere = other.backup(source, BackupType.FULL, OptionalLong.empty());
    store.manifestReads.set(0);
    clock.advance(Duration.ofMinutes(1));

    BackupResult incremental = engine.backup(source, BackupType.INCREMENTAL, OptionalLong.empty());

    assertThat(incremental.manifest().parent()).contains(elsewhere.backupId());
    assertThat(store.manifestReads.get()).isEqualTo(1);
  }
}
