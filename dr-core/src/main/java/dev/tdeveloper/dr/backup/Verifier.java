package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks manifests and every chunk they reference, reading each distinct chunk once however many
 * files and backups share it. Stateless and thread-safe.
 */
final class Verifier {
  private final BackupStore store;
  private final ChunkCodec codec;

  Verifier(BackupStore store, ChunkCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  VerifyReport verify(BackupScope scope, List<String> backupIds) {
    List<String> checked = new ArrayList<>();
    List<VerifyReport.ManifestProblem> badManifests = new ArrayList<>();
    Map<String, Map<String, Set<String>>> users = new LinkedHashMap<>();
    for (String backupId : backupIds) {
      Optional<byte[]> json = store.manifest(scope, backupId);
      if (json.isEmpty()) {
        badManifests.add(new VerifyReport.ManifestProblem(backupId, "not published"));
        continue;
      }
      BackupManifest manifest;
      try {
        manifest = BackupManifest.fromJson(scope, backupId, json.get());
      } catch (CorruptManifestException e) {
        badManifests.add(new VerifyReport.ManifestProblem(backupId, e.getMessage()));
        continue;
      }
      checked.add(backupId);
      for (BackupFile file : manifest.files()) {
        for (ChunkRef chunk : file.chunks()) {
          users
              .computeIfAbsent(chunk.id(), id -> new LinkedHashMap<>())
              .computeIfAbsent(backupId, id -> new LinkedHashSet<>())
              .add(file.path());
        }
      }
    }
    List<VerifyReport.ChunkProblem> missing = new ArrayList<>();
    List<VerifyReport.ChunkProblem> corrupt = new ArrayList<>();
    for (Map.Entry<String, Map<String, Set<String>>> entry : users.entrySet()) {
      String chunkId = entry.getKey();
      Map<String, List<String>> affected = new LinkedHashMap<>();
      entry.getValue().forEach((backup, paths) -> affected.put(backup, List.copyOf(paths)));
      if (!store.hasChunk(scope, chunkId)) {
        missing.add(new VerifyReport.ChunkProblem(chunkId, "not stored", affected));
        continue;
      }
      try {
        codec.open(scope, chunkId, store.getChunk(scope, chunkId));
      } catch (DrException e) {
        corrupt.add(new VerifyReport.ChunkProblem(chunkId, e.getMessage(), affected));
      }
    }
    return new VerifyReport(scope, checked, users.size(), missing, corrupt, badManifests);
  }
}
