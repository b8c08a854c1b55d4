package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/** A minimal map-backed store for the engine's tests (the real stores are tested elsewhere). */
class MapBackupStore implements BackupStore {
  final Map<BackupScope, Map<String, byte[]>> chunks = new ConcurrentHashMap<>();
  final Map<BackupScope, ConcurrentSkipListMap<String, byte[]>> manifests =
      new ConcurrentHashMap<>();

  Map<String, byte[]> chunks(BackupScope scope) {
    return chunks.computeIfAbsent(scope, s -> new ConcurrentHashMap<>());
  }

  private ConcurrentSkipListMap<String, byte[]> manifestMap(BackupScope scope) {
    return manifests.computeIfAbsent(scope, s -> new ConcurrentSkipListMap<>());
  }

  @Override
  public boolean hasChunk(BackupScope scope, String chunkId) {
    return chunks(scope).containsKey(chunkId);
  }

  @Override
  public void putChunk(BackupScope scope, String chunkId, byte[] sealed) {
    ChunkRef.requireChunkId(chunkId);
    chunks(scope).putIfAbsent(chunkId, sealed.clone());
  }

  @Override
  public byte[] getChunk(BackupScope scope, String chunkId) {
    byte[] sealed = chunks(scope).get(chunkId);
    if (sealed == null) {
      throw new DrException("chunk " + chunkId + " is missing from " + scope);
    }
    return sealed.clone();
  }

  @Override
  public void deleteChunk(BackupScope scope, String chunkId) {
    chunks(scope).remove(chunkId);
  }

  @Override
  public void listChunks(BackupScope scope, Consumer<String> consumer) {
    new ArrayList<>(chunks(scope).keySet()).forEach(consumer);
  }

  @Override
  public void publishManifest(BackupScope scope, String backupId, byte[] manifest) {
    if (manifestMap(scope).putIfAbsent(backupId, manifest.clone()) != null) {
      throw new IllegalArgumentException("backup " + backupId + " is already published");
    }
  }

  @Override
  public Optional<byte[]> manifest(BackupScope scope, String backupId) {
    return Optional.ofNullable(manifestMap(scope).get(backupId)).map(byte[]::clone);
  }

  @Override
  public List<String> manifests(BackupScope scope) {
    return List.copyOf(manifestMap(scope).keySet());
  }

  @Override
  public void deleteManifest(BackupScope scope, String backupId) {
    manifestMap(scope).remove(backupId);
  }

  @Override
  public List<BackupScope> scopes() {
    return List.copyOf(chunks.keySet());
  }

  @Override
  public void close() {}
}
