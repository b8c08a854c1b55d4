package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * A {@link BackupStore} on the heap, for tests and small demos: same rules as {@link
 * LocalBackupStore} (validated ids, idempotent chunk puts, manifests published once, scopes
 * isolated), nothing survives the process. Arrays are copied in and out, so callers cannot change
 * what is stored.
 *
 * <p>Thread-safe: every operation is atomic.
 */
public final class InMemoryBackupStore implements BackupStore {
  private static final Scope EMPTY = new Scope();

  private final ConcurrentMap<BackupScope, Scope> scopes = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private InMemoryBackupStore() {}

  /** Returns a new, empty store. */
  public static InMemoryBackupStore create() {
    return new InMemoryBackupStore();
  }

  /** One scope's chunks and manifests. */
  private record Scope(
      ConcurrentMap<String, byte[]> chunks, ConcurrentNavigableMap<String, byte[]> manifests) {
    Scope() {
      this(new ConcurrentHashMap<>(), new ConcurrentSkipListMap<>());
    }

    boolean holdsData() {
      return !chunks.isEmpty() || !manifests.isEmpty();
    }
  }

  @Override
  public boolean hasChunk(BackupScope scope, String chunkId) {
    return find(scope, chunkId).chunks().containsKey(chunkId);
  }

  @Override
  public void putChunk(BackupScope scope, String chunkId, byte[] sealed) {
    Objects.requireNonNull(scope, "scope");
    Ids.requireChunkId(chunkId);
    byte[] copy = Objects.requireNonNull(sealed, "sealed").clone();
    checkOpen();
    scopes.computeIfAbsent(scope, s -> new Scope()).chunks().putIfAbsent(chunkId, copy);
  }

  @Override
  public byte[] getChunk(BackupScope scope, String chunkId) {
    byte[] sealed = find(scope, chunkId).chunks().get(chunkId);
    if (sealed == null) {
      throw new ChunkNotFoundException(scope, chunkId);
    }
    return sealed.clone();
  }

  @Override
  public void deleteChunk(BackupScope scope, String chunkId) {
    find(scope, chunkId).chunks().remove(chunkId);
  }

  @Override
  public void listChunks(BackupScope scope, Consumer<String> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    existing(scope).chunks().keySet().forEach(consumer);
  }

  @Override
  public void publishManifest(BackupScope scope, String backupId, byte[] manifest) {
    Objects.requireNonNull(scope, "scope");
    Ids.requireBackupId(backupId);
    byte[] copy = Objects.requireNonNull(manifest, "manifest").clone();
    checkOpen();
    byte[] existing =
        scopes.computeIfAbsent(scope, s -> new Scope()).manifests().putIfAbsent(backupId, copy);
    if (existing != null) {
      throw new IllegalArgumentException(
          "backup " + backupId + " is already published in scope " + scope.key());
    }
  }

  @Override
  public Optional<byte[]> manifest(BackupScope scope, String backupId) {
    Ids.requireBackupId(backupId);
    return Optional.ofNullable(existing(scope).manifests().get(backupId)).map(byte[]::clone);
  }

  @Override
  public List<String> manifests(BackupScope scope) {
    return List.copyOf(existing(scope).manifests().keySet());
  }

  @Override
  public void deleteManifest(BackupScope scope, String backupId) {
    Ids.requireBackupId(backupId);
    existing(scope).manifests().remove(backupId);
  }

  @Override
  public List<BackupScope> scopes() {
    checkOpen();
    return scopes.entrySet().stream()
        .filter(e -> e.getValue().holdsData())
        .map(Map.Entry::getKey)
        .sorted(Comparator.comparing(BackupScope::key))
        .toList();
  }

  /** Marks the store closed (the data is kept); idempotent. Calls after this throw. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "InMemoryBackupStore";
  }

  private Scope find(BackupScope scope, String chunkId) {
    Objects.requireNonNull(scope, "scope");
    Ids.requireChunkId(chunkId);
    return existing(scope);
  }

  private Scope existing(BackupScope scope) {
    Objects.requireNonNull(scope, "scope");
    checkOpen();
    Scope found = scopes.get(scope);
    return found == null ? EMPTY : found;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("in-memory backup store is closed");
    }
  }
}
