package dev.tdeveloper.benchmarks.dr;

import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.BackupResult;
import dev.tdeveloper.dr.backup.BackupType;
import dev.tdeveloper.dr.backup.RestoreResult;
import dev.tdeveloper.dr.crypto.AesGcmChunkCipher;
import dev.tdeveloper.dr.crypto.MasterKey;
import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.store.InMemoryBackupStore;
import dev.tdeveloper.dr.store.LocalBackupStore;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Backing up and restoring a generated {@link MixedTree} of {@code megabytes} MiB (1 GiB by
 * default), one whole operation per iteration, from and to the page cache: MB/s is {@code
 * megabytes} divided by the score. {@code tdeveloperFullBackup} backs the tree up into a fresh
 * {@link LocalBackupStore} with AES-256-GCM ({@link AesGcmChunkCipher}) and zstd, {@code
 * tdeveloperIncremental1Percent} backs it up incrementally after {@link MixedTree#changeOnePercent}
 * (and prints the bytes written as a share of the tree), {@code tdeveloperRestore} restores a full
 * backup into a fresh directory. The store forces every chunk and its directory to the device, as a
 * backup must.
 *
 * <p>The peer of all three is {@code cpR}: {@code cp -r} of the tree into a fresh directory, which
 * forces nothing; {@code cpRDurable} is the same followed by {@code sync -f}, what a durable copy
 * costs. The floors: {@code sha256Floor} hashes every byte once with SHA-256 on as many threads as
 * the engine uses (a deduplicating backup must hash every byte at least once, and ours does it
 * twice: chunk ids and file digests), {@code readFloor} only reads every byte.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BackupBenchmark {
  private static final BackupScope SCOPE = BackupScope.of(TenantId.of("bench"));
  private static final int READ_BUFFER = 1 << 20;

  /** Size of the tree in MiB; the smoke test shrinks it. */
  @Param("1024")
  public int megabytes;

  /** Worker threads of the engine and of the floors; 0 means the available processors. */
  @Param("0")
  public int parallelism;

  /** The engine's zstd level. */
  @Param("3")
  public int level;

  private Path temp;
  private MixedTree tree;
  private List<Path> files;
  private int threads;
  private int iteration;
  private Path output;
  private LocalBackupStore store;
  private BackupEngine engine;
  private String restoreFrom;
  private long changed;
  private BackupResult incremental;

  /** Generates the tree; {@code tdeveloperRestore} also backs it up once. */
  @Setup(Level.Trial)
  public void generate(BenchmarkParams params) throws IOException {
    threads = parallelism == 0 ? Runtime.getRuntime().availableProcessors() : parallelism;
    temp = Files.createTempDirectory("backup-bench");
    tree = MixedTree.generate(temp.resolve("tree"), (long) megabytes << 20, 42);
    try (Stream<Path> walk = Files.walk(tree.root)) {
      files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
    }
    files.sort(Comparator.comparingLong(BackupBenchmark::size).reversed());
    if (params.getBenchmark().endsWith(".tdeveloperRestore")) {
      openStore(temp.resolve("restore-store"));
      restoreFrom = backup(BackupType.FULL).backupId();
    }
  }

  /** Deletes everything the trial wrote. */
  @TearDown(Level.Trial)
  public void deleteAll() {
    closeStore();
    MixedTree.delete(temp);
  }

  /**
   * Picks a fresh output path; for the backups, opens a fresh store, and for the incremental one
   * makes its full parent and changes 1% of the tree; then syncs the file system (not measured).
   */
  @Setup(Level.Iteration)
  public void prepare(BenchmarkParams params) throws IOException {
    iteration++;
    output = temp.resolve("out-" + iteration);
    String benchmark = params.getBenchmark();
    if (benchmark.endsWith(".tdeveloperFullBackup")) {
      openStore(output);
    } else if (benchmark.endsWith(".tdeveloperFullBackupInMemory")) {
      engine = engine(InMemoryBackupStore.create());
    } else if (benchmark.endsWith(".tdeveloperIncremental1Percent")) {
      openStore(output);
      backup(BackupType.FULL);
      changed = tree.changeOnePercent(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(iteration));
    }
    // Start every measured operation with nothing dirty in the page cache: otherwise each one pays
    // for the write-back the previous one (or its deletion) left, and the figures swing 3x.
    try {
      run("sync", "-f", temp.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while syncing before an iteration", e);
    }
  }

  /** Deletes the iteration's output; reports the incremental's bytes written. */
  @TearDown(Level.Iteration)
  public void clean() {
    if (incremental != null) {
      System.out.printf(
          "%nincremental after changing %d of %d bytes (%.2f%%): read %d, wrote %d sealed bytes"
              + " = %.2f%% of the tree, %d new chunks%n",
          changed,
          tree.bytes,
          100.0 * changed / tree.bytes,
          incremental.bytesRead(),
          incremental.bytesWritten(),
          100.0 * incremental.bytesWritten() / tree.bytes,
          incremental.chunksNew());
      incremental = null;
    }
    if (restoreFrom == null) {
      closeStore();
      engine = null;
    }
    MixedTree.delete(output);
  }

  private void openStore(Path root) {
    store = LocalBackupStore.open(root);
    engine = engine(store);
  }

  private BackupEngine engine(BackupStore target) {
    byte[] key = new byte[MasterKey.LENGTH];
    key[0] = 42;
    return BackupEngine.builder()
        .store(target)
        .cipher(AesGcmChunkCipher.create(MasterKey.of(key)))
        .compressionLevel(level)
        .parallelism(threads)
        .build();
  }

  private void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  private BackupResult backup(BackupType type) {
    return engine.backup(DirectorySource.of("tree", SCOPE, tree.root), type, OptionalLong.empty());
  }

  /** The peer: {@code cp -r} into a fresh directory. */
  @Benchmark
  public int cpR() throws IOException, InterruptedException {
    return run("cp", "-r", tree.root.toString(), output.toString());
  }

  /** {@code cp -r}, then {@code sync -f}: a copy forced to the device. */
  @Benchmark
  public int cpRDurable() throws IOException, InterruptedException {
    return run("cp", "-r", tree.root.toString(), output.toString())
        + run("sync", "-f", output.toString());
  }

  /** A full backup into a fresh store. */
  @Benchmark
  public BackupResult tdeveloperFullBackup() {
    return backup(BackupType.FULL);
  }

  /**
   * A full backup into an {@link InMemoryBackupStore}: the engine's own work (chunking, hashing,
   * zstd, AES-GCM) without the local store's two forces per chunk.
   */
  @Benchmark
  public BackupResult tdeveloperFullBackupInMemory() {
    return backup(BackupType.FULL);
  }

  /** An incremental backup after 1% of the bytes changed. */
  @Benchmark
  public BackupResult tdeveloperIncremental1Percent() {
    incremental = backup(BackupType.INCREMENTAL);
    return incremental;
  }

  /** A restore of the full backup into a fresh directory. */
  @Benchmark
  public RestoreResult tdeveloperRestore() {
    return engine.restore(SCOPE, restoreFrom, output);
  }

  /** The floor: SHA-256 of every byte, once, on the engine's number of threads. */
  @Benchmark
  public long sha256Floor() throws Exception {
    return readAll(true);
  }

  /** Reading every byte on the engine's number of threads. */
  @Benchmark
  public long readFloor() throws Exception {
    return readAll(false);
  }

  private long readAll(boolean hash) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        parts.add(pool.submit(() -> readFiles(next, hash)));
      }
      long sum = 0;
      for (Future<Long> part : parts) {
        sum += part.get();
      }
      return sum;
    } finally {
      pool.shutdownNow();
    }
  }

  private long readFiles(AtomicInteger next, boolean hash) throws IOException {
    byte[] buffer = new byte[READ_BUFFER];
    MessageDigest digest = sha256();
    long sum = 0;
    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
      try (InputStream in = Files.newInputStream(files.get(i))) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          if (hash) {
            digest.update(buffer, 0, n);
          } else {
            sum += buffer[0];
          }
        }
      }
      if (hash) {
        sum += digest.digest()[0];
      }
    }
    return sum;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + exit);
    }
    return exit;
  }
}
