package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks manifests and the chunks they reference, reading each distinct chunk once however many
 * files and backups share it: every chunk ({@link #verify}), or, for a backup just made, only the
 * chunks it wrote, the others checked present from one {@link BackupStore#listChunks} ({@link
 * #verifyWritten}). Stateless and thread-safe.
 */
final class Verifier {
  private final BackupStore store;
  private final ChunkCodec codec;

  Verifier(BackupStore store, ChunkCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  /** A manifest an engine published and the exact bytes it stored for it. */
  record Published(BackupManifest manifest, byte[] json) {}

  VerifyReport verify(BackupScope scope, List<String> backupIds) {
    return verify(scope, backupIds, Optional.empty(), Optional.empty());
  }

  /**
   * Checks backup {@code backupId}'s manifest, that every chunk it references is stored, and reads
   * back the chunks in {@code written} (those its backup stored); the others were read when the
   * backup that wrote them was verified, and {@link #verify} reads them all again. When the stored
   * manifest is byte for byte what {@code published} says was stored, it is that manifest (its hash
   * and parse are those of the bytes written) and is not parsed again; any other bytes are parsed
   * and checked.
   */
  VerifyReport verifyWritten(
      BackupScope scope, String backupId, Set<String> written, Optional<Published> published) {
    return verify(scope, List.of(backupId), Optional.of(written), published);
  }

  private VerifyReport verify(
      BackupScope scope,
      List<String> backupIds,
      Optional<Set<String>> onlyRead,
      Optional<Published> published) {
    List<String> checked = new ArrayList<>();
    List<VerifyReport.ManifestProblem> badManifests = new ArrayList<>();
    List<BackupManifest> manifests = new ArrayList<>();
    Set<String> chunkIds = new LinkedHashSet<>();
    for (String backupId : backupIds) {
      Optional<byte[]> json = store.manifest(scope, backupId);
      if (json.isEmpty()) {
        badManifests.add(new VerifyReport.ManifestProblem(backupId, "not published"));
        continue;
      }
      BackupManifest manifest;
      try {
        manifest =
            published.isPresent()
                    && published.get().manifest().backupId().equals(backupId)
                    && Arrays.equals(published.get().json(), json.get())
                ? published.get().manifest()
                : BackupManifest.fromJson(scope, backupId, json.get());
      } catch (CorruptManifestException e) {
        badManifests.add(new VerifyReport.ManifestProblem(backupId, e.getMessage()));
        continue;
      }
      checked.add(backupId);
      manifests.add(manifest);
      for (BackupFile file : manifest.files()) {
        for (ChunkRef chunk : file.chunks()) {
          chunkIds.add(chunk.id());
        }
      }
    }
    List<VerifyReport.ChunkProblem> missing = new ArrayList<>();
    List<VerifyReport.ChunkProblem> corrupt = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    if (onlyRead.isPresent() && !onlyRead.get().containsAll(chunkIds)) {
      store.listChunks(scope, listed::add);
    }
    for (String chunkId : chunkIds) {
      boolean read = onlyRead.isEmpty() || onlyRead.get().contains(chunkId);
      if (read ? !store.hasChunk(scope, chunkId) : !listed.contains(chunkId)) {
        missing.add(
            new VerifyReport.ChunkProblem(chunkId, "not stored", affected(manifests, chunkId)));
        continue;
      }
      if (!read) {
        continue;
      }
      try {
        codec.open(scope, chunkId, store.getChunk(scope, chunkId));
      } catch (DrException e) {
        corrupt.add(
            new VerifyReport.ChunkProblem(chunkId, e.getMessage(), affected(manifests, chunkId)));
      }
    }
    return new VerifyReport(scope, checked, chunkIds.size(), missing, corrupt, badManifests);
  }

  /**
   * The backups and files that use {@code chunkId}, in manifest and file order: looked up only for
   * a chunk with a problem, so a clean check keeps one set of ids, not a map per chunk.
   */
  private static Map<String, List<String>> affected(List<BackupManifest> manifests, String chunk) {
    Map<String, List<String>> affected = new LinkedHashMap<>();
    for (BackupManifest manifest : manifests) {
      Set<String> paths = new LinkedHashSet<>();
      for (BackupFile file : manifest.files()) {
        for (ChunkRef ref : file.chunks()) {
          if (ref.id().equals(chunk)) {
            paths.add(file.path());
          }
        }
      }
      if (!paths.isEmpty()) {
        affected.put(manifest.backupId(), List.copyOf(paths));
      }
    }
    return affected;
  }
}
