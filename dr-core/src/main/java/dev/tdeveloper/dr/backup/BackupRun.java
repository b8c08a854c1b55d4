package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.spi.SourceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One backup in progress: reads the source, chunks changed files, stores chunks the scope lacks,
 * and builds the manifest. Every chunk it references is claimed in the engine's {@link
 * InFlightChunks} before it asks the store about it. Used by one thread.
 */
final class BackupRun {
  private final BackupStore store;
  private final ChunkCodec codec;
  private final Chunker chunker;
  private final BackupScope scope;
  private final String source;
  private final InFlightChunks.Lease lease;
  private final Map<String, BackupFile> parentFiles;
  private final Set<String> known = new HashSet<>();
  private final List<BackupFile> files = new ArrayList<>();
  private long bytesRead;
  private long chunksNew;
  private long chunksReused;
  private long bytesWritten;

  BackupRun(
      BackupStore store,
      ChunkCodec codec,
      Chunker chunker,
      BackupScope scope,
      String source,
      InFlightChunks.Lease lease,
      Optional<BackupManifest> parent) {
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
  }

  /** Reads the whole source. */
  void read(BackupSource backupSource) throws IOException {
    backupSource.read(this::accept);
  }

  /** Returns the manifest of what was read. */
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
        new BackupTotals(files.size(), bytesRead, chunksNew, chunksReused, bytesWritten));
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
    if (previous != null
        && previous.size() == entry.size()
        && previous.lastModified().equals(entry.lastModified())
        && allStored(previous.chunks())) {
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
            entry.path(), entry.size(), entry.lastModified(), Sha256.hex(whole), chunks));
  }

  private boolean allStored(List<ChunkRef> chunks) {
    for (ChunkRef chunk : chunks) {
      if (!known.contains(chunk.id())) {
        if (!lease.claimAndCheck(chunk.id(), () -> store.hasChunk(scope, chunk.id()))) {
          return false;
        }
        known.add(chunk.id());
      }
    }
    return true;
  }

  private void store(String id, byte[] buffer, int offset, int length) {
    if (known.contains(id)) {
      chunksReused++;
      return;
    }
    if (lease.claimAndCheck(id, () -> store.hasChunk(scope, id))) {
      chunksReused++;
    } else {
      byte[] sealed = codec.seal(scope, id, buffer, offset, length);
      store.putChunk(scope, id, sealed);
      chunksNew++;
      bytesWritten += sealed.length;
    }
    known.add(id);
  }
}
