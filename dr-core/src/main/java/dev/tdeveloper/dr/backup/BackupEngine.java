package dev.tdeveloper.dr.backup;

import com.github.luben.zstd.Zstd;
import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.spi.ChunkCipher;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs sources up into a {@link BackupStore}, restores and verifies them. A backup cuts each file
 * into content-defined chunks, compresses them with zstd, seals them with the {@link ChunkCipher}
 * and stores each under the SHA-256 of its plaintext unless the scope has it already; the manifest
 * is published last, so a backup that fails or is killed is never visible. Thread-safe: backups,
 * restores and verifications may run concurrently.
 *
 * <p>A backup reads, chunks and hashes on the calling thread and seals and stores new chunks on
 * {@linkplain Builder#parallelism worker threads}; a restore opens chunks ahead on workers and
 * writes files in order on the calling thread. Either runs as many workers as the larger of the
 * parallelism and the store's {@link BackupStore#ioConcurrency()} (store requests in flight), at
 * most parallelism of them compressing, sealing or opening at once, and holds at most twice the
 * workers in chunks in flight. A backup learns which chunks the scope has from one {@link
 * BackupStore#listChunks} instead of asking the store per chunk.
 */
public final class BackupEngine {
  private static final Logger LOG = LoggerFactory.getLogger(BackupEngine.class);
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final BackupStore store;
  private final ChunkCodec codec;
  private final Chunker chunker;
  private final int parallelism;
  private final boolean skipUnchangedFiles;
  private final InstantSource clock;
  private final Ticker ticker;
  private final Listeners<BackupEvent> listeners;
  private final InFlightChunks inFlight = new InFlightChunks();
  private final AtomicLong lastIdMillis = new AtomicLong();

  /**
   * The manifest this engine published last per scope and source, with the bytes it stored;
   * manifests never change.
   */
  private final Map<SourceKey, Verifier.Published> published = new ConcurrentHashMap<>();

  private final SecureRandom random = new SecureRandom();

  private BackupEngine(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store must be set");
    this.codec = new ChunkCodec(Objects.requireNonNull(b.cipher, "cipher must be set"), b.level);
    this.chunker = Chunker.of(b.chunker);
    this.parallelism = b.parallelism;
    this.skipUnchangedFiles = b.skipUnchangedFiles;
    this.clock = b.clock;
    this.ticker = b.ticker;
    this.listeners = Listeners.of(b.listeners);
  }

  private int ioConcurrency() {
    return Math.min(256, Math.max(1, store.ioConcurrency()));
  }

  /** Returns a builder; the store and cipher are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Backs {@code source} up. A {@link BackupType#INCREMENTAL} backup takes the latest backup of the
   * same source and scope as parent and, unless {@link Builder#skipUnchangedFiles} is off, does not
   * read files whose size, modification time and {@link dev.tdeveloper.dr.spi.FileStamp} (when the
   * source reports one) are as the parent recorded them; without such a backup it runs as, and is
   * recorded as, a full one.
   *
   * @param journalSequence the change-journal sequence this backup starts after (the scope's next
   *     sequence taken before reading), if any: recovery replays the journal from it
   * @throws BackupFailedException if the source cannot be read, changes while read, or the store
   *     fails; nothing is published
   */
  public BackupResult backup(BackupSource source, BackupType type, OptionalLong journalSequence) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(journalSequence, "journalSequence");
    if (journalSequence.isPresent() && journalSequence.getAsLong() < 0) {
      throw new IllegalArgumentException(
          "journalSequence must be >= 0, got " + journalSequence.getAsLong());
    }
    BackupScope scope = Objects.requireNonNull(source.scope(), "source.scope()");
    String name = BackupManifest.requireSourceName(source.name());
    long start = ticker.read();
    Instant startedAt = clock.instant();
    String backupId = nextId(startedAt);
    try (InFlightChunks.Lease lease = inFlight.lease(scope)) {
      Optional<BackupManifest> parent =
          type == BackupType.INCREMENTAL ? latest(scope, name) : Optional.empty();
      BackupManifest manifest;
      Set<String> written;
      try (BackupRun run =
          new BackupRun(
              store,
              codec,
              chunker,
              scope,
              name,
              lease,
              skipUnchangedFiles ? parent : Optional.empty(),
              parallelism,
              ioConcurrency())) {
        run.read(source);
        Instant finishedAt = clock.instant();
        manifest =
            run.manifest(
                backupId,
                parent.isPresent() ? BackupType.INCREMENTAL : BackupType.FULL,
                parent.map(BackupManifest::backupId),
                startedAt,
                finishedAt.isBefore(startedAt) ? startedAt : finishedAt,
                journalSequence);
        written = run.written();
      }
      byte[] json = manifest.toJson();
      store.publishManifest(scope, backupId, json);
      // A copy: a store may keep the array it was given.
      published.put(new SourceKey(scope, name), new Verifier.Published(manifest, json.clone()));
      BackupResult result =
          new BackupResult(manifest, Duration.ofNanos(ticker.read() - start), written);
      listeners.publish(new BackupEvent.BackupCompleted(result));
      return result;
    } catch (IOException | UncheckedIOException | DrException e) {
      String reason =
          "backup "
              + backupId
              + " of source '"
              + name
              + "' in "
              + scope.key()
              + " failed: "
              + e.getMessage();
      listeners.publish(new BackupEvent.BackupFailed(scope, name, backupId, reason));
      throw new BackupFailedException(reason, e);
    }
  }

  /**
   * Restores backup {@code backupId} of {@code scope} into {@code target}, which must not exist or
   * be an empty directory. Files are written into a hidden sibling directory and renamed into place
   * once every chunk and file verified, so {@code target} either receives the whole backup or stays
   * as it was (the sibling is removed on failure).
   *
   * @throws IllegalArgumentException if {@code target} is not empty
   * @throws BackupIntegrityException naming the chunk and the files using it, if a chunk is missing
   *     or corrupt
   * @throws CorruptManifestException if the manifest does not verify
   * @throws DrException if the backup does not exist or writing fails
   */
  public RestoreResult restore(BackupScope scope, String backupId, Path target) {
    Objects.requireNonNull(target, "target");
    long start = ticker.read();
    BackupManifest manifest = manifest(scope, backupId);
    long bytes =
        new Restorer(store, codec, parallelism, ioConcurrency()).restore(scope, manifest, target);
    RestoreResult result =
        new RestoreResult(
            scope,
            backupId,
            target,
            manifest.files().size(),
            bytes,
            Duration.ofNanos(ticker.read() - start));
    listeners.publish(new BackupEvent.RestoreCompleted(result));
    return result;
  }

  /**
   * Checks one backup, or every backup of {@code scope}: each manifest's hash, and each chunk they
   * reference (present, authenticates, decompresses, hashes to its id), reading each chunk once.
   */
  public VerifyReport verify(BackupScope scope, Optional<String> backupId) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(backupId, "backupId");
    List<String> ids =
        backupId
            .map(BackupManifest::requireBackupId)
            .map(List::of)
            .orElseGet(() -> store.manifests(scope));
    VerifyReport report = new Verifier(store, codec).verify(scope, ids);
    if (!report.ok()) {
      LOG.warn("backup verification found problems: {}", report.describe());
    }
    listeners.publish(new BackupEvent.Verified(report));
    return report;
  }

  /**
   * Checks a backup this engine just made: its published manifest hashes right, every chunk it
   * references is stored, and the chunks it wrote read back (present, authenticate, decompress,
   * hash to their id). The chunks it reused are not read again: they were when the backup that
   * wrote them was checked, and {@link #verify} reads every chunk. So a backup run every minute
   * reads back what changed, not the whole source.
   */
  public VerifyReport verifyWritten(BackupResult result) {
    Objects.requireNonNull(result, "result");
    BackupManifest manifest = result.manifest();
    Verifier.Published last = published.get(new SourceKey(manifest.scope(), manifest.source()));
    VerifyReport report =
        new Verifier(store, codec)
            .verifyWritten(
                manifest.scope(),
                manifest.backupId(),
                result.writtenChunks(),
                Optional.ofNullable(last).filter(p -> p.manifest() == manifest));
    if (!report.ok()) {
      LOG.warn("backup verification found problems: {}", report.describe());
    }
    listeners.publish(new BackupEvent.Verified(report));
    return report;
  }

  /**
   * Returns the verified manifest of a published backup.
   *
   * @throws DrException if there is no such backup in the scope
   * @throws CorruptManifestException if its manifest does not verify
   */
  public BackupManifest manifest(BackupScope scope, String backupId) {
    Objects.requireNonNull(scope, "scope");
    BackupManifest.requireBackupId(backupId);
    byte[] json =
        store
            .manifest(scope, backupId)
            .orElseThrow(() -> new DrException("no backup " + backupId + " in " + scope.key()));
    return BackupManifest.fromJson(scope, backupId, json);
  }

  /**
   * Returns the latest backup of {@code source} in {@code scope}, skipping (and logging) manifests
   * that do not verify.
   */
  public Optional<BackupManifest> latest(BackupScope scope, String source) {
    Objects.requireNonNull(scope, "scope");
    BackupManifest.requireSourceName(source);
    List<String> ids = store.manifests(scope);
    Verifier.Published last = published.get(new SourceKey(scope, source));
    BackupManifest mine = last == null ? null : last.manifest();
    for (int i = ids.size() - 1; i >= 0; i--) {
      if (mine != null && mine.backupId().equals(ids.get(i))) {
        return Optional.of(mine); // published by this engine and still listed: no need to parse
      }
      Optional<byte[]> json = store.manifest(scope, ids.get(i));
      if (json.isEmpty()) {
        continue;
      }
      try {
        BackupManifest manifest = BackupManifest.fromJson(scope, ids.get(i), json.get());
        if (manifest.source().equals(source)) {
          return Optional.of(manifest);
        }
      } catch (CorruptManifestException e) {
        LOG.warn("skipping backup {} of {}: {}", ids.get(i), scope.key(), e.getMessage());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns a garbage collector for this engine's store that never deletes chunks this engine's
   * running backups use, and keeps other unreferenced chunks until they have been seen unreferenced
   * for {@code grace} (see {@link GarbageCollector}).
   *
   * @throws IllegalArgumentException if {@code grace} is negative
   */
  public GarbageCollector garbageCollector(Duration grace) {
    return new GarbageCollector(store, inFlight, clock, grace, listeners);
  }

  private String nextId(Instant startedAt) {
    long millis = lastIdMillis.updateAndGet(last -> Math.max(last + 1, startedAt.toEpochMilli()));
    return ID_TIME.format(Instant.ofEpochMilli(millis))
        + "-"
        + String.format("%08x", random.nextInt());
  }

  /** Configures a {@link BackupEngine}; each setting may be given once. Not thread-safe. */
  public static final class Builder {
    /** The default zstd compression level: {@value}. */
    public static final int DEFAULT_COMPRESSION_LEVEL = 3;

    private BackupStore store;
    private ChunkCipher cipher;
    private InstantSource clock = InstantSource.system();
    private Ticker ticker = Ticker.system();
    private ChunkerSettings chunker = ChunkerSettings.DEFAULT;
    private int level = DEFAULT_COMPRESSION_LEVEL;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private boolean skipUnchangedFiles = true;
    private final java.util.ArrayList<EventListener<? super BackupEvent>> listeners =
        new java.util.ArrayList<>();
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    private void once(String setting) {
      if (!set.add(setting)) {
        throw new IllegalStateException("BackupEngine." + setting + " was already set");
      }
    }

    /** Sets where chunks and manifests go (required). */
    public Builder store(BackupStore store) {
      once("store");
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Sets how chunks are sealed (required). */
    public Builder cipher(ChunkCipher cipher) {
      once("cipher");
      this.cipher = Objects.requireNonNull(cipher, "cipher");
      return this;
    }

    /** Sets the wall clock for backup ids and timestamps; the system clock by default. */
    public Builder clock(InstantSource clock) {
      once("clock");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the monotonic time source for durations; the system ticker by default. */
    public Builder ticker(Ticker ticker) {
      once("ticker");
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** Sets the chunk size bounds; {@link ChunkerSettings#DEFAULT} by default. */
    public Builder chunker(ChunkerSettings settings) {
      once("chunker");
      this.chunker = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets the zstd level, {@value #DEFAULT_COMPRESSION_LEVEL} by default.
     *
     * @throws IllegalArgumentException if zstd does not support it
     */
    public Builder compressionLevel(int level) {
      once("compressionLevel");
      if (level < Zstd.minCompressionLevel() || level > Zstd.maxCompressionLevel()) {
        throw new IllegalArgumentException(
            "BackupEngine.compressionLevel must be within "
                + Zstd.minCompressionLevel()
                + " and "
                + Zstd.maxCompressionLevel()
                + ", got "
                + level);
      }
      this.level = level;
      return this;
    }

    /**
     * Sets how many worker threads of each backup seal and store chunks, and of each restore open
     * them; the number of available processors by default. A store whose writes wait on the device
     * may deserve more.
     *
     * @throws IllegalArgumentException if {@code parallelism} is not within 1 and 256
     */
    public Builder parallelism(int parallelism) {
      once("parallelism");
      if (parallelism < 1 || parallelism > 256) {
        throw new IllegalArgumentException(
            "BackupEngine.parallelism must be within 1 and 256, got " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Sets whether an incremental backup skips reading the files its parent recorded unchanged; on
     * by default. What it trusts: a file whose size and modification time are as recorded and, when
     * the source reports a {@link dev.tdeveloper.dr.spi.FileStamp} ({@link
     * dev.tdeveloper.dr.source.DirectorySource} does on Linux and macOS), whose inode and
     * status-change time are too, has the recorded content. The stamp catches a rewrite whose
     * modification time was set back ({@code touch -r}) and a file replaced by another; what it
     * cannot catch is a change that leaves the ctime as it was (the clock set back, or the block
     * device written under the file system). Parents written before stamps were recorded match no
     * stamped file, so the first incremental after an upgrade reads everything. Off, an incremental
     * reads and hashes every file (still storing only the chunks the scope lacks).
     */
    public Builder skipUnchangedFiles(boolean skip) {
      once("skipUnchangedFiles");
      this.skipUnchangedFiles = skip;
      return this;
    }

    /** Adds a listener for the engine's and its collectors' events. */
    public Builder listener(EventListener<? super BackupEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws IllegalStateException if the store or cipher was not set
     */
    public BackupEngine build() {
      if (store == null || cipher == null) {
        throw new IllegalStateException(
            "BackupEngine needs a store and a cipher; missing: "
                + (store == null ? "store " : "")
                + (cipher == null ? "cipher" : ""));
      }
      return new BackupEngine(this);
    }
  }

  private record SourceKey(BackupScope scope, String source) {}
}
