package dev.tdeveloper.dr.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupEngineTest {
  static final ChunkerSettings SMALL = new ChunkerSettings(1024, 4096, 16384);
  static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  static final BackupScope GLOBEX = BackupScope.of(TenantId.of("globex"));

  @TempDir Path temp;
  final MapBackupStore store = new MapBackupStore();
  final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  final List<BackupEvent> events = new ArrayList<>();
  final BackupEngine engine =
      BackupEngine.builder()
          .store(store)
          .cipher(new TestCipher())
          .clock(clock)
          .chunker(SMALL)
          .listener(events::add)
          .build();

  Path tree(String name, long seed) throws IOException {
    Path root = temp.resolve(name);
    Trees.generate(root, seed, 40, SMALL.max());
    return root;
  }

  /** Takes a full backup of {@code source} with no journal sequence. */
  BackupResult fullBackup(DirectorySource source) {
    return engine.backup(source, BackupType.FULL, OptionalLong.empty());
  }

  /** Takes a full backup of a new tree generated from {@code seed} as {@code acme}'s "files". */
  BackupResult fullOfNewTree(long seed) throws IOException {
    return fullBackup(DirectorySource.of("files", ACME, tree("src", seed)));
  }

  @Test
  void aRestoredTreeIsByteExact() throws IOException {
    Path root = tree("src", 1);
    BackupResult result =
        engine.backup(
            DirectorySource.of("files", ACME, root), BackupType.FULL, OptionalLong.of(42));
    Path target = temp.resolve("restored");
    RestoreResult restored = engine.restore(ACME, result.backupId(), target);
    Trees.assertSameFiles(root, target);
    assertThat(restored.files()).isEqualTo(40);
    assertThat(result.manifest().journalSequence()).hasValue(42);
    assertThat(result.manifest().type()).isEqualTo(BackupType.FULL);
    assertThat(events).hasAtLeastOneElementOfType(BackupEvent.BackupCompleted.class);
  }

  @Test
  void aSecondBackupOfTheSameDataWritesNoChunk() throws IOException {
    DirectorySource source = DirectorySource.of("files", ACME, tree("src", 2));
    BackupResult first = fullBackup(source);
    clock.advance(Duration.ofMinutes(1));
    BackupResult second = fullBackup(source);
    assertThat(first.chunksNew()).isPositive();
    assertThat(second.chunksNew()).isZero();
    assertThat(second.bytesWritten()).isZero();
    assertThat(second.bytesRead()).isEqualTo(first.bytesRead());
    assertThat(store.manifests(ACME)).containsExactly(first.backupId(), second.backupId());
  }

  @Test
  void anIncrementalAfterChangingOnePercentWritesAtMostTwoPercent() throws IOException {
    Path root = temp.resolve("big");
    Files.createDirectories(root);
    Random random = new Random(3);
    for (int i = 0; i < 8; i++) {
      byte[] bytes = new byte[1 << 20];
      random.nextBytes(bytes);
      Files.write(root.resolve("f" + i), bytes);
    }
    DirectorySource source = DirectorySource.of("files", ACME, root);
    BackupResult full = fullBackup(source);
    long total = 8L << 20;
    // Overwrite 1% of the bytes in four runs in two files. Each run costs its own bytes plus the
    // chunks around its two ends, so the scaled-down chunker keeps that overhead in proportion.
    for (int run = 0; run < 4; run++) {
      Path file = root.resolve("f" + (run % 2));
      try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
        byte[] patch = new byte[(int) (total / 100 / 4)];
        random.nextBytes(patch);
        out.seek(random.nextInt((1 << 20) - patch.length));
        out.write(patch);
      }
      Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2031-01-01T00:00:00Z")));
    }
    clock.advance(Duration.ofMinutes(1));
    BackupResult incremental = engine.backup(source, BackupType.INCREMENTAL, OptionalLong.empty());
    assertThat(incremental.manifest().type()).isEqualTo(BackupType.INCREMENTAL);
    assertThat(incremental.manifest().parent()).contains(full.backupId());
    assertThat(incremental.bytesRead()).isEqualTo(2L << 20);
    assertThat(incremental.bytesWritten()).isLessThanOrEqualTo(total * 2 / 100);
    Path target = temp.resolve("restored");
    engine.restore(ACME, incremental.backupId(), target);
    Trees.assertSameFiles(root, target);
  }

  @Test
  void anIncrementalWithoutAParentRunsAsFull() throws IOException {
    BackupResult result =
        engine.backup(
            DirectorySource.of("files", ACME, tree("src", 4)),
            BackupType.INCREMENTAL,
            OptionalLong.empty());
    assertThat(result.manifest().type()).isEqualTo(BackupType.FULL);
    assertThat(result.manifest().parent()).isEmpty();
  }

  @Test
  void tenantsNeverSeeEachOthersBackupsOrChunks() throws IOException {
    Path root = tree("src", 5);
    BackupResult acme = fullBackup(DirectorySource.of("files", ACME, root));
    BackupResult globex = fullBackup(DirectorySource.of("files", GLOBEX, root));
    // Same bytes, but chunks dedupe within a scope only.
    assertThat(globex.chunksNew()).isEqualTo(acme.chunksNew());
    assertThat(store.manifests(GLOBEX)).containsExactly(globex.backupId());
    assertThatThrownBy(() -> engine.restore(GLOBEX, acme.backupId(), temp.resolve("x")))
        .hasMessageContaining("no backup " + acme.backupId());
    // A manifest copied into another scope is refused.
    store.publishManifest(
        GLOBEX, acme.backupId(), store.manifest(ACME, acme.backupId()).orElseThrow());
    assertThatThrownBy(() -> engine.manifest(GLOBEX, acme.backupId()))
        .isInstanceOf(CorruptManifestException.class)
        .hasMessageContaining("scope");
    // Garbage collection of one tenant deletes nothing of the other's.
    engine.garbageCollector(Duration.ZERO).collect(ACME, java.util.Set.of(acme.backupId()));
    assertThat(store.chunks(ACME)).isEmpty();
    assertThat(engine.verify(GLOBEX, Optional.of(globex.backupId())).ok()).isTrue();
  }

  @Test
  void aCorruptChunkIsNamedByVerifyAndRefusedByRestore() throws IOException {
    BackupResult result = fullOfNewTree(6);
    BackupFile victim =
        result.manifest().files().stream().filter(f -> f.size() > 0).findFirst().orElseThrow();
    String chunk = victim.chunks().get(0).id();
    store.chunks(ACME).get(chunk)[20] ^= 1;
    VerifyReport report = engine.verify(ACME, Optional.empty());
    assertThat(report.ok()).isFalse();
    assertThat(report.corruptChunks())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.chunkId()).isEqualTo(chunk);
              assertThat(p.filesByBackup().get(result.backupId())).contains(victim.path());
            });
    Path target = temp.resolve("restored");
    assertThatThrownBy(() -> engine.restore(ACME, result.backupId(), target))
        .isInstanceOfSatisfying(
            BackupIntegrityException.class,
            e -> {
              assertThat(e.chunkId()).isEqualTo(chunk);
              assertThat(e.files()).contains(victim.path());
            })
        .hasMessageContaining(chunk);
    assertThat(target).doesNotExist();
    assertThat(temp.resolve(".restored.restoring-" + result.backupId())).doesNotExist();
  }

  @Test
  void aMissingChunkIsReportedWithTheBackupsUsingIt() throws IOException {
    DirectorySource source = DirectorySource.of("files", ACME, tree("src", 7));
    BackupResult first = fullBackup(source);
    clock.advance(Duration.ofMinutes(1));
    BackupResult second = fullBackup(source);
    String chunk = first.manifest().files().get(1).chunks().get(0).id();
    store.deleteChunk(ACME, chunk);
    VerifyReport report = engine.verify(ACME, Optional.empty());
    assertThat(report.missingChunks())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.chunkId()).isEqualTo(chunk);
              assertThat(p.filesByBackup()).containsOnlyKeys(first.backupId(), second.backupId());
            });
    assertThatThrownBy(() -> engine.restore(ACME, second.backupId(), temp.resolve("r")))
        .isInstanceOf(BackupIntegrityException.class)
        .hasMessageContaining(chunk)
        .hasMessageContaining("missing");
  }

  @Test
  void aTamperedManifestIsRefused() throws IOException {
    BackupResult result = fullOfNewTree(8);
    String json =
        new String(store.manifest(ACME, result.backupId()).orElseThrow(), StandardCharsets.UTF_8);
    String path = result.manifest().files().get(0).path();
    store.deleteManifest(ACME, result.backupId());
    store.publishManifest(
        ACME,
        result.backupId(),
        json.replace(path, "evil/" + path).getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> engine.restore(ACME, result.backupId(), temp.resolve("r")))
        .isInstanceOf(CorruptManifestException.class)
        .hasMessageContaining(result.backupId())
        .hasMessageContaining("hashes to");
    assertThat(engine.verify(ACME, Optional.empty()).corruptManifests())
        .extracting(VerifyReport.ManifestProblem::backupId)
        .containsExactly(result.backupId());
  }

  @Test
  void restoreRefusesANonEmptyTarget() throws IOException {
    BackupResult result = fullOfNewTree(9);
    Path target = temp.resolve("busy");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> engine.restore(ACME, result.backupId(), target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not empty");
    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("mine");
  }

  @Test
  void aFailingSourcePublishesNothing() {
    dev.tdeveloper.dr.spi.BackupSource failing =
        new dev.tdeveloper.dr.spi.BackupSource() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public BackupScope scope() {
            return ACME;
          }

          @Override
          public void read(EntryConsumer consumer) throws IOException {
            byte[] bytes = new byte[50_000];
            consumer.accept(
                new dev.tdeveloper.dr.spi.SourceEntry("a", bytes.length, Instant.EPOCH),
                new java.io.ByteArrayInputStream(bytes));
            throw new IOException("disk on fire");
          }
        };
    assertThatThrownBy(() -> engine.backup(failing, BackupType.FULL, OptionalLong.empty()))
        .isInstanceOf(BackupFailedException.class)
        .hasMessageContaining("broken")
        .hasMessageContaining("disk on fire");
    assertThat(store.manifests(ACME)).isEmpty();
    assertThat(events).hasAtLeastOneElementOfType(BackupEvent.BackupFailed.class);
  }

  @Test
  void builderRefusesBadSettings() {
    assertThatThrownBy(() -> BackupEngine.builder().compressionLevel(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("compressionLevel");
    assertThatThrownBy(() -> BackupEngine.builder().store(store).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cipher");
    assertThatThrownBy(() -> BackupEngine.builder().store(store).store(store))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                engine.backup(
                    DirectorySource.of("x", ACME, temp), BackupType.FULL, OptionalLong.of(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("journalSequence");
  }
}
