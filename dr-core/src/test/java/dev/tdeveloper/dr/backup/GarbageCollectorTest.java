package dev.tdeveloper.dr.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectorTest {
  static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));

  @TempDir Path temp;
  final MapBackupStore store = new MapBackupStore();
  final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  final BackupEngine engine =
      BackupEngine.builder()
          .store(store)
          .cipher(new TestCipher())
          .clock(clock)
          .chunker(BackupEngineTest.SMALL)
          .build();

  /** Generates {@code files} files from {@code seed} under temp/src as acme's "files" source. */
  DirectorySource generated(long seed, int files) throws IOException {
    Path root = temp.resolve("src");
    Trees.generate(root, seed, files, BackupEngineTest.SMALL.max());
    return DirectorySource.of("files", ACME, root);
  }

  BackupResult fullBackup(BackupSource source) {
    return engine.backup(source, BackupType.FULL, OptionalLong.empty());
  }

  Set<String> chunkIds(BackupManifest manifest) {
    Set<String> ids = new HashSet<>();
    manifest.files().forEach(f -> f.chunks().forEach(c -> ids.add(c.id())));
    return ids;
  }

  @Test
  void deletingABackupKeepsTheChunksAnotherStillUses() throws IOException {
    DirectorySource source = generated(11, 30);
    Path root = source.root();
    BackupResult first = fullBackup(source);
    Files.write(root.resolve("d0/extra.bin"), new byte[] {1, 2, 3});
    Files.delete(root.resolve("d1/sub1/f1.bin"));
    clock.advance(Duration.ofMinutes(1));
    BackupResult second = engine.backup(source, BackupType.INCREMENTAL, OptionalLong.empty());

    CollectionReport report =
        engine.garbageCollector(Duration.ZERO).collect(ACME, Set.of(first.backupId()));

    Set<String> onlyFirst = chunkIds(first.manifest());
    onlyFirst.removeAll(chunkIds(second.manifest()));
    assertThat(onlyFirst).isNotEmpty();
    assertThat(report.manifestsDeleted()).containsExactly(first.backupId());
    assertThat(report.chunksDeleted()).containsExactlyInAnyOrderElementsOf(onlyFirst);
    assertThat(store.chunks(ACME).keySet())
        .containsExactlyInAnyOrderElementsOf(chunkIds(second.manifest()));
    assertThat(engine.verify(ACME, Optional.empty()).ok()).isTrue();
    engine.restore(ACME, second.backupId(), temp.resolve("restored"));
    Trees.assertSameFiles(root, temp.resolve("restored"));
  }

  @Test
  void chunksOfARunningBackupAreNeverCollected() throws Exception {
    DirectorySource directory = generated(12, 20);
    Path root = directory.root();
    BackupResult old = fullBackup(directory);
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch collected = new CountDownLatch(1);
    BackupSource pausing =
        new BackupSource() {
          @Override
          public String name() {
            return "files";
          }

          @Override
          public BackupScope scope() {
            return ACME;
          }

          @Override
          public void read(EntryConsumer consumer) throws IOException {
            int[] count = {0};
            directory.read(
                (entry, content) -> {
                  consumer.accept(entry, content);
                  if (++count[0] == 10) {
                    halfway.countDown();
                    try {
                      collected.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      throw new IOException(e);
                    }
                  }
                });
          }
        };
    clock.advance(Duration.ofMinutes(1));
    CompletableFuture<BackupResult> running =
        CompletableFuture.supplyAsync(() -> fullBackup(pausing));
    assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
    // The only published backup goes; the running one found (and claimed) all its chunks.
    CollectionReport report =
        engine.garbageCollector(Duration.ZERO).collect(ACME, Set.of(old.backupId()));
    collected.countDown();
    BackupResult result = running.get(60, TimeUnit.SECONDS);

    assertThat(report.chunksDeleted())
        .isNotEmpty(); // chunks of files the running backup had not reached
    assertThat(report.chunksKeptInFlight()).isPositive();
    VerifyReport verify = engine.verify(ACME, Optional.of(result.backupId()));
    assertThat(verify.ok()).as(verify.describe()).isTrue();
    engine.restore(ACME, result.backupId(), temp.resolve("restored"));
    Trees.assertSameFiles(root, temp.resolve("restored"));
  }

  @Test
  void anUnreferencedChunkFromElsewhereSurvivesTheGracePeriod() {
    String orphan = Sha256.hex(new byte[] {9}, 0, 1);
    store.putChunk(ACME, orphan, new byte[] {1, 2, 3}); // another process's unpublished backup
    GarbageCollector collector = engine.garbageCollector(Duration.ofHours(1));

    CollectionReport first = collector.collect(ACME, Set.of());
    clock.advance(Duration.ofMinutes(59));
    CollectionReport second = collector.collect(ACME, Set.of());
    clock.advance(Duration.ofMinutes(1));
    CollectionReport third = collector.collect(ACME, Set.of());

    assertThat(first.chunksKeptInGrace()).isEqualTo(1);
    assertThat(second.chunksKeptInGrace()).isEqualTo(1);
    assertThat(third.chunksDeleted()).containsExactly(orphan);
    assertThat(store.chunks(ACME)).isEmpty();
  }

  @Test
  void anUnknownBackupIdIsRefusedAndNothingIsDeleted() throws IOException {
    BackupResult kept = fullBackup(generated(13, 5));
    int chunks = store.chunks(ACME).size();
    assertThatThrownBy(
            () ->
                engine
                    .garbageCollector(Duration.ZERO)
                    .collect(ACME, Set.of(kept.backupId(), "nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
    assertThat(store.manifests(ACME)).containsExactly(kept.backupId());
    assertThat(store.chunks(ACME)).hasSize(chunks);
    assertThatThrownBy(() -> engine.garbageCollector(Duration.ofSeconds(-1)))
        .hasMessageContaining("grace");
  }

  @Test
  void aCorruptRemainingManifestStopsCollectionBeforeAnyDeletion() throws IOException {
    DirectorySource source = generated(14, 5);
    BackupResult doomed = fullBackup(source);
    clock.advance(Duration.ofMinutes(1));
    BackupResult broken = fullBackup(source);
    store.deleteManifest(ACME, broken.backupId());
    store.publishManifest(
        ACME, broken.backupId(), "{\"sha256\":\"00\"}".getBytes(StandardCharsets.UTF_8));
    int chunks = store.chunks(ACME).size();
    assertThatThrownBy(
            () -> engine.garbageCollector(Duration.ZERO).collect(ACME, Set.of(doomed.backupId())))
        .isInstanceOf(DrException.class)
        .hasMessageContaining(broken.backupId());
    assertThat(store.manifests(ACME)).contains(doomed.backupId());
    assertThat(store.chunks(ACME)).hasSize(chunks);
  }
}
