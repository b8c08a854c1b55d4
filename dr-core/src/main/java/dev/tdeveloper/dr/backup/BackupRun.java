package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.spi.SourceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One backup in progress: reads the source, chunks changed files, stores chunks the scope lacks,
 * and builds the manifest. A file the parent holds with the same size, modification time and, if
 * the source reports one, {@link dev.tdeveloper.dr.spi.FileStamp} is not read: the parent's chunk
 * list is reused once its chunks are claimed. The reading thread chunks and hashes (each chunk and
 * each whole file) and decides which chunks are new; sealing and storing a new chunk runs on the
 * {@link ChunkWorkers}, at most twice their thread count at a time. Every chunk it references is
 * claimed in the engine's {@link InFlightChunks} before it is taken as present, and stays claimed
 * until the lease closes, after the workers stopped.
 *
 * <p>Which chunks the scope has is answered from one {@link BackupStore#listChunks} per run, not a
 * request per chunk. A listed chunk counts as present only while no collection of this engine has
 * deleted a chunk of the scope since just before the listing (checked under the claim, where no
 * deletion can run); after one has, the store is asked ({@link BackupStore#hasChunk}). An unlisted
 * chunk is stored without asking: if another backup stored it meanwhile, the put does nothing (the
 * store's contract), so answering "absent" is always safe. Driven by one thread; {@link #close()}
 * stops the workers.
 */
final class BackupRun implements AutoCloseable {
  private final BackupStore store;
  private final ChunkCodec codec;
  private final Chunker chunker;
  private final BackupScope scope;
  private final String source;
  private final InFlightChunks.Lease lease;
  private final Map<String, BackupFile> parentFiles;
  private final Set<String> known = new HashSet<>();
  private final Set<String> listed = new HashSet<>();
  private final Set<String> written = new HashSet<>();
  private final long deletionsBeforeListing;
  private final List<BackupFile> files = new ArrayList<>();
  private long bytesRead;
  private final ChunkWorkers workers;
  private final AtomicLong chunksNew = new AtomicLong();
  private final AtomicLong bytesWritten = new AtomicLong();
  private long chunksReused;

  BackupRun(
      BackupStore store,
      ChunkCodec codec,
      Chunker chunker,
      BackupScope scope,
      String source,
      InFlightChunks.Lease lease,
      Optional<BackupManifest> parent,
      int parallelism,
      int ioConcurrency) {
    this.store = store;
    this.codec = codec;
    this.chunker = chunker;
    this.scope = scope;
    this.source = source;
    this.lease = lease;
    this.parentFiles =
        parent
            .map(
                p ->
                    p.files().stream()
                        .collect(Collectors.toMap(BackupFile::path, Function.identity())))
            .orElse(Map.of());
    this.deletionsBeforeListing = lease.deletions();
    store.listChunks(scope, listed::add);
    this.workers = new ChunkWorkers(parallelism, ioConcurrency, "backup-" + source);
  }

  /**
   * Reads the whole source and waits until every new chunk is stored.
   *
   * @throws dev.tdeveloper.dr.DrException naming the chunk if sealing or storing one failed
   */
  void read(BackupSource backupSource) throws IOException {
    backupSource.read(this::accept);
    workers.finish();
  }

  /** Stops the workers; a chunk store still running is interrupted and waited for. */
  @Override
  public void close() {
    workers.close();
  }

  /**
   * Returns the ids of the chunks this run sealed and stored; call after {@link #read} returned.
   */
  Set<String> written() {
    return written;
  }

  /** Returns the manifest of what was read; call after {@link #read} returned. */
  BackupManifest manifest(
      String backupId,
      BackupType type,
      Optional<String> parent,
      Instant startedAt,
      Instant finishedAt,
      OptionalLong journalSequence) {
    return new BackupManifest(
        BackupManifest.FORMAT_VERSION,
        backupId,
        scope,
        source,
        type,
        parent,
        startedAt,
        finishedAt,
        journalSequence,
        files,
        new BackupTotals(
            files.size(), bytesRead, chunksNew.get(), chunksReused, bytesWritten.get()));
  }

  private void accept(SourceEntry entry, InputStream content) throws IOException {
    if (!files.isEmpty() && files.get(files.size() - 1).path().compareTo(entry.path()) >= 0) {
      throw new IOException(
          "source '"
              + source
              + "' handed '"
              + entry.path()
              + "' after '"
              + files.get(files.size() - 1).path()
              + "': files must come sorted by path, once each");
    }
    BackupFile previous = parentFiles.get(entry.path());
    if (previous != null && unchanged(previous, entry) && allStored(previous.chunks())) {
      chunksReused += previous.chunks().size();
      files.add(previous);
      return;
    }
    MessageDigest whole = Sha256.digest();
    List<ChunkRef> chunks = new ArrayList<>();
    long[] read = {0};
    chunker.chunk(
        content,
        (buffer, offset, length) -> {
          whole.update(buffer, offset, length);
          String id = Sha256.hex(buffer, offset, length);
          chunks.add(new ChunkRef(id, length));
          store(id, buffer, offset, length);
          read[0] += length;
        });
    bytesRead += read[0];
    if (read[0] != entry.size()) {
      throw new IOException(
          "source '"
              + source
              + "' handed "
              + read[0]
              + " bytes for '"
              + entry.path()
              + "' whose size was "
              + entry.size()
              + " (changed while read?)");
    }
    files.add(
        new BackupFile(
            entry.path(),
            entry.size(),
            entry.lastModified(),
            Sha256.hex(whole),
            chunks,
            entry.stamp()));
  }

  /**
   * Whether the parent's record of a file can stand for it: same size and modification time and,
   * when the source reports a {@link dev.tdeveloper.dr.spi.FileStamp}, the same one recorded (a
   * parent without it, from before stamps were recorded, does not match).
   */
  static boolean unchanged(BackupFile previous, SourceEntry entry) {
    return previous.size() == entry.size()
        && previous.lastModified().equals(entry.lastModified())
        && (entry.stamp().isEmpty() || entry.stamp().equals(previous.stamp()));
  }

  private boolean allStored(List<ChunkRef> chunks) {
    for (ChunkRef chunk : chunks) {
      if (!known.contains(chunk.id())) {
        if (!lease.claimAndCheck(chunk.id(), () -> present(chunk.id()))) {
          return false;
        }
        known.add(chunk.id());
      }
    }
    return true;
  }

  /** Whether the scope has the chunk; runs under the claim, where no collection deletes. */
  private boolean present(String id) {
    if (!listed.contains(id)) {
      return false;
    }
    return lease.deletions() == deletionsBeforeListing || store.hasChunk(scope, id);
  }

  private void store(String id, byte[] buffer, int offset, int length) {
    if (known.contains(id)) {
      chunksReused++;
      return;
    }
    if (lease.claimAndCheck(id, () -> present(id))) {
      chunksReused++;
    } else {
      byte[] plain = Arrays.copyOfRange(buffer, offset, offset + length);
      written.add(id);
      workers.execute(() -> seal(id, plain));
    }
    known.add(id);
  }

  private void seal(String id, byte[] plain) {
    try {
      byte[] sealed = workers.compute(() -> codec.seal(scope, id, plain, 0, plain.length));
      store.putChunk(scope, id, sealed);
      chunksNew.incrementAndGet();
      bytesWritten.addAndGet(sealed.length);
    } catch (RuntimeException e) {
      throw new DrException("chunk " + id + " could not be stored: " + e.getMessage(), e);
    }
  }
}
