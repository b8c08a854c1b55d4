package dev.tdeveloper.dr.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a backup and a restore ask the store: one chunk listing per backup instead of an existence
 * check per chunk, none per restored chunk, and as many requests in flight as the store asks for.
 */
class StoreRequestsTest {
  static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));

  @TempDir Path temp;

  /** Counts the calls that cost a request on a remote store. */
  static class CountingStore extends MapBackupStore {
    final AtomicInteger has = new AtomicInteger();
    final AtomicInteger lists = new AtomicInteger();
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger gets = new AtomicInteger();

    @Override
    public boolean hasChunk(BackupScope scope, String chunkId) {
      has.incrementAndGet();
      return super.hasChunk(scope, chunkId);
    }

    @Override
    public void listChunks(BackupScope scope, java.util.function.Consumer<String> consumer) {
      lists.incrementAndGet();
      super.listChunks(scope, consumer);
    }

    @Override
    public void putChunk(BackupScope scope, String chunkId, byte[] sealed) {
      puts.incrementAndGet();
      super.putChunk(scope, chunkId, sealed);
    }

    @Override
    public byte[] getChunk(BackupScope scope, String chunkId) {
      gets.incrementAndGet();
      return super.getChunk(scope, chunkId);
    }

    void reset() {
      has.set(0);
      lists.set(0);
      puts.set(0);
      gets.set(0);
    }
  }

  BackupEngine engine(MapBackupStore store) {
    return BackupEngine.builder()
        .store(store)
        .cipher(new TestCipher())
        .chunker(BackupEngineTest.SMALL)
        .parallelism(1)
        .build();
  }

  DirectorySource generated(long seed) throws IOException {
    Path root = temp.resolve("src");
    Trees.generate(root, seed, 30, BackupEngineTest.SMALL.max());
    return DirectorySource.of("files", ACME, root);
  }

  static Set<String> chunkIds(BackupManifest manifest) {
    Set<String> ids = new HashSet<>();
    manifest.files().forEach(f -> f.chunks().forEach(c -> ids.add(c.id())));
    return ids;
  }

  @Test
  void backupsListTheScopeOnceAndNeverAskPerChunk() throws IOException {
    CountingStore store = new CountingStore();
    BackupEngine engine = engine(store);
    DirectorySource source = generated(21);
    BackupResult full = engine.backup(source, BackupType.FULL, OptionalLong.empty());
    int fullPuts = store.puts.get();
    int fullHas = store.has.get();
    int fullLists = store.lists.get();
    store.reset();
    Files.write(source.root().resolve("d0/changed.bin"), new byte[] {4, 5, 6, 7});
    BackupResult incremental = engine.backup(source, BackupType.INCREMENTAL, OptionalLong.empty());
    BackupResult unchangedFull = engine.backup(source, BackupType.FULL, OptionalLong.empty());

    assertThat(fullLists).isEqualTo(1);
    assertThat(fullHas).isZero();
    assertThat(fullPuts).isEqualTo(chunkIds(full.manifest()).size());
    assertThat(incremental.manifest().type()).isEqualTo(BackupType.INCREMENTAL);
    assertThat(store.lists.get()).isEqualTo(2);
    assertThat(store.has.get()).isZero();
    assertThat(store.puts.get()).isEqualTo(1); // the new file's one chunk; re-read files none
    assertThat(unchangedFull.manifest().totals().chunksNew()).isZero();
  }

  @Test
  void restoreFetchesEachChunkOnceWithoutAskingWhetherItExists() throws IOException {
    CountingStore store = new CountingStore();
    BackupEngine engine = engine(store);
    DirectorySource source = generated(22);
    BackupResult full = engine.backup(source, BackupType.FULL, OptionalLong.empty());
    store.reset();

    engine.restore(ACME, full.backupId(), temp.resolve("restored"));

    Trees.assertSameFiles(source.root(), temp.resolve("restored"));
    assertThat(store.has.get()).isZero();
    int references = full.manifest().files().stream().mapToInt(f -> f.chunks().size()).sum();
    assertThat(store.gets.get()).isEqualTo(references);
  }

  @Test
  void aChunkListedBeforeACollectionDeletedItIsAskedForAndStoredAgain() throws Exception {
    CountingStore store = new CountingStore();
    BackupEngine engine = engine(store);
    DirectorySource directory = generated(23);
    BackupResult old = engine.backup(directory, BackupType.FULL, OptionalLong.empty());
    Set<String> oldChunks = chunkIds(old.manifest());
    store.reset();
    // Runs after the backup listed the scope and before it claims any chunk: the collection
    // deletes every chunk the listing saw.
    BackupSource collectingFirst =
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
            CollectionReport report =
                engine
                    .garbageCollector(java.time.Duration.ZERO)
                    .collect(ACME, Set.of(old.backupId()));
            assertThat(report.chunksDeleted()).containsExactlyInAnyOrderElementsOf(oldChunks);
            directory.read(consumer);
          }
        };

    BackupResult result = engine.backup(collectingFirst, BackupType.FULL, OptionalLong.empty());

    assertThat(store.lists.get()).isEqualTo(2); // the backup's, then the collection's
    assertThat(store.has.get()).isEqualTo(oldChunks.size()); // listed, then a collection ran
    assertThat(result.manifest().totals().chunksNew()).isEqualTo(oldChunks.size());
    assertThat(store.chunks(ACME).keySet()).containsExactlyInAnyOrderElementsOf(oldChunks);
    engine.restore(ACME, result.backupId(), temp.resolve("restored"));
    Trees.assertSameFiles(directory.root(), temp.resolve("restored"));
  }

  @Test
  void aRemoteStoreGetsItsIoConcurrencyOfPutsInFlightBeyondTheParallelism() throws Exception {
    int concurrency = 6;
    CountDownLatch allInFlight = new CountDownLatch(concurrency);
    AtomicInteger reached = new AtomicInteger();
    MapBackupStore store =
        new MapBackupStore() {
          @Override
          public int ioConcurrency() {
            return concurrency;
          }

          @Override
          public void putChunk(BackupScope scope, String chunkId, byte[] sealed) {
            allInFlight.countDown();
            try {
              // The first puts wait for each other: with fewer in flight this stays false.
              if (allInFlight.await(30, TimeUnit.SECONDS)) {
                reached.compareAndSet(0, 1);
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.putChunk(scope, chunkId, sealed);
          }
        };
    BackupEngine engine = engine(store); // parallelism 1

    BackupResult result = engine.backup(generated(24), BackupType.FULL, OptionalLong.empty());

    assertThat(result.manifest().totals().chunksNew()).isGreaterThan(concurrency);
    assertThat(reached.get()).isEqualTo(1);
  }
}
