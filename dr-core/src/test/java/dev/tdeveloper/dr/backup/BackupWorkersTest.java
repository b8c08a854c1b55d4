package dev.tdeveloper.dr.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.SourceEntry;
import dev.tdeveloper.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup's worker threads: failures, bounded chunks in flight, claims held until the end. */
class BackupWorkersTest {
  static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  static final ChunkerSettings SMALL = BackupEngineTest.SMALL;

  @TempDir Path temp;

  /** Fails its Nth put, once, and remembers the chunk. */
  static final class FailingStore extends MapBackupStore {
    final int failAt;
    final AtomicInteger puts = new AtomicInteger();
    final AtomicReference<String> failed = new AtomicReference<>();

    FailingStore(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public void putChunk(BackupScope scope, String chunkId, byte[] sealed) {
      if (puts.incrementAndGet() == failAt) {
        failed.set(chunkId);
        throw new DrException("device full");
      }
      super.putChunk(scope, chunkId, sealed);
    }
  }

  /** Stores its first two puts, then blocks every put until opened, counting those that wait. */
  static final class GatedStore extends MapBackupStore {
    final CountDownLatch gate = new CountDownLatch(1);
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger waiting = new AtomicInteger();

    @Override
    public void putChunk(BackupScope scope, String chunkId, byte[] sealed) {
      if (puts.incrementAndGet() <= 2) {
        super.putChunk(scope, chunkId, sealed);
        return;
      }
      waiting.incrementAndGet();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DrException("interrupted");
      }
      super.putChunk(scope, chunkId, sealed);
    }
  }

  static BackupEngine engine(MapBackupStore store, int parallelism) {
    return BackupEngine.builder()
        .store(store)
        .cipher(new TestCipher())
        .chunker(SMALL)
        .parallelism(parallelism)
        .build();
  }

  /** One file of random bytes that counts how many were read. */
  static BackupSource randomSource(int size, AtomicLong read) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return new BackupSource() {
      @Override
      public String name() {
        return "random";
      }

      @Override
      public BackupScope scope() {
        return ACME;
      }

      @Override
      public void read(EntryConsumer consumer) throws IOException {
        InputStream counting =
            new FilterInputStream(new ByteArrayInputStream(bytes)) {
              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read.addAndGet(Math.max(n, 0));
                return n;
              }
            };
        consumer.accept(new SourceEntry("data.bin", size, Instant.EPOCH), counting);
      }
    };
  }

  @Test
  void aStoreFailingTheNthPutFailsTheBackupNamingTheChunkAndPublishesNothing() throws IOException {
    Path root = temp.resolve("src");
    Trees.generate(root, 21, 40, SMALL.max());
    FailingStore store = new FailingStore(5);
    List<BackupEvent> events = new ArrayList<>();
    BackupEngine engine =
        BackupEngine.builder()
            .store(store)
            .cipher(new TestCipher())
            .chunker(SMALL)
            .parallelism(2)
            .listener(events::add)
            .build();
    DirectorySource source = DirectorySource.of("files", ACME, root);

    assertThatThrownBy(() -> engine.backup(source, BackupType.FULL, OptionalLong.empty()))
        .isInstanceOf(BackupFailedException.class)
        .hasMessageContaining("chunk " + store.failed.get() + " could not be stored")
        .hasMessageContaining("device full");
    assertThat(store.manifests(ACME)).isEmpty();
    assertThat(events).hasAtLeastOneElementOfType(BackupEvent.BackupFailed.class);

    // The failure was the store's, once: the next run completes and restores byte-exact.
    BackupResult next = engine.backup(source, BackupType.FULL, OptionalLong.empty());
    assertThat(store.manifests(ACME)).containsExactly(next.backupId());
    engine.restore(ACME, next.backupId(), temp.resolve("restored"));
    Trees.assertSameFiles(root, temp.resolve("restored"));
  }

  @Test
  void aFailureOnTheOnlyWorkerStopsTheBackup() throws IOException {
    Path root = temp.resolve("src");
    Trees.generate(root, 22, 40, SMALL.max());
    FailingStore store = new FailingStore(1);
    BackupEngine engine = engine(store, 1);
    assertThatThrownBy(
            () ->
                engine.backup(
                    DirectorySource.of("files", ACME, root), BackupType.FULL, OptionalLong.empty()))
        .isInstanceOf(BackupFailedException.class)
        .hasMessageContaining("chunk " + store.failed.get());
    assertThat(store.manifests(ACME)).isEmpty();
    // Once the first put failed, the reader stops handing chunks over: far fewer than it read.
    assertThat(store.puts.get()).isLessThan(40);
  }

  @Test
  void chunksInFlightStayWithinTwiceTheParallelismAndStayClaimed() throws Exception {
    GatedStore store = new GatedStore();
    BackupEngine engine = engine(store, 2);
    AtomicLong read = new AtomicLong();
    BackupSource source = randomSource(4 << 20, read);
    Thread[] reader = new Thread[1];
    CompletableFuture<BackupResult> backup =
        CompletableFuture.supplyAsync(
            () -> {
              reader[0] = Thread.currentThread();
              return engine.backup(source, BackupType.FULL, OptionalLong.empty());
            });
    // Wait until both workers block in the store and the reader blocks waiting for a slot.
    while (store.waiting.get() < 2
        || reader[0] == null
        || reader[0].getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    // Two chunks stored, four handed over, one cut and waiting, and the chunker's read-ahead of
    // two maximums.
    assertThat(read.get()).isLessThanOrEqualTo(9L * SMALL.max());
    assertThat(read.get()).isLessThan(4 << 20);

    // A collection meanwhile keeps the two chunks stored but not yet in any manifest: claimed.
    assertThat(store.chunks(ACME)).hasSize(2);
    CollectionReport report = engine.garbageCollector(Duration.ZERO).collect(ACME, Set.of());
    assertThat(report.chunksDeleted()).isEmpty();
    assertThat(report.chunksKeptInFlight()).isEqualTo(2);
    assertThat(store.chunks(ACME)).hasSize(2);

    store.gate.countDown();
    BackupResult result = backup.get(1, TimeUnit.MINUTES);
    assertThat(result.bytesRead()).isEqualTo(4 << 20);
    assertThat(engine.verify(ACME, Optional.of(result.backupId())).ok()).isTrue();
  }

  @Test
  void restoreWithManyWorkersIsByteExact() throws IOException {
    Path root = temp.resolve("src");
    Trees.generate(root, 23, 60, SMALL.max());
    MapBackupStore store = new MapBackupStore();
    BackupEngine engine = engine(store, 3);
    BackupResult result =
        engine.backup(
            DirectorySource.of("files", ACME, root), BackupType.FULL, OptionalLong.empty());
    engine.restore(ACME, result.backupId(), temp.resolve("restored"));
    Trees.assertSameFiles(root, temp.resolve("restored"));
  }

  @Test
  void parallelismMustBeWithinBounds() {
    assertThatThrownBy(() -> BackupEngine.builder().parallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism must be within 1 and 256, got 0");
    assertThatThrownBy(() -> BackupEngine.builder().parallelism(1).parallelism(2))
        .isInstanceOf(IllegalStateException.class);
  }
}
