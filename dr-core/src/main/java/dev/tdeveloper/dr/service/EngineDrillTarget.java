package dev.tdeveloper.dr.service;

import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.BackupFile;
import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.backup.ChunkRef;
import dev.tdeveloper.dr.backup.RestoreResult;
import dev.tdeveloper.dr.drill.DrillCandidate;
import dev.tdeveloper.dr.drill.DrillTarget;
import dev.tdeveloper.dr.drill.RestoredBackup;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The backup engine's published backups as restore-drill targets: candidates are a source's
 * readable manifests (created = when the backup finished), and a drill restores through {@link
 * BackupEngine#restore}, which checks the manifest's hash, every chunk's authentication tag and
 * SHA-256, and every file's SHA-256, and throws naming the first missing or corrupt chunk.
 * Thread-safe.
 */
public final class EngineDrillTarget implements DrillTarget {
  private final Manifests manifests;

  /** Returns drills against {@code engine}'s backups in {@code store} (the engine's store). */
  public EngineDrillTarget(BackupEngine engine, BackupStore store) {
    this(new Manifests(engine, store));
  }

  EngineDrillTarget(Manifests manifests) {
    this.manifests = manifests;
  }

  @Override
  public List<DrillCandidate> candidates(BackupScope scope, String source) {
    return manifests.of(scope, source).stream()
        .map(m -> new DrillCandidate(m.scope(), m.source(), m.backupId(), m.finishedAt()))
        .toList();
  }

  @Override
  public RestoredBackup restore(DrillCandidate candidate, Path scratch) {
    Objects.requireNonNull(candidate, "candidate");
    BackupEngine engine = manifests.engine();
    BackupManifest manifest = engine.manifest(candidate.scope(), candidate.backupId());
    RestoreResult result = engine.restore(candidate.scope(), candidate.backupId(), scratch);
    long chunks =
        manifest.files().stream()
            .map(BackupFile::chunks)
            .flatMap(List::stream)
            .map(ChunkRef::id)
            .distinct()
            .count();
    return RestoredBackup.verified(result.files(), result.bytes(), chunks + 1);
  }
}
