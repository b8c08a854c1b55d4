package dev.tdeveloper.dr.service;

import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.pitr.BaseBackup;
import dev.tdeveloper.dr.pitr.BaseBackups;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The backup engine's published backups as the bases of point-in-time recovery. A manifest's {@link
 * BackupManifest#journalSequence() journal sequence} is read as the base's {@link
 * BaseBackup#nextSequence() next sequence}: {@link DisasterRecovery} records the journal's next
 * sequence number taken <em>before</em> the source is read, so every change numbered below it is in
 * the backup. The manifest's {@code finishedAt} (taken after the last file was read) is the base's
 * finish time, so no change it holds is later. Backups taken without a journal sequence are not
 * bases: what they hold cannot be placed in the journal. Thread-safe.
 */
public final class EngineBaseBackups implements BaseBackups {
  private final Manifests manifests;

  /** Returns the bases of {@code engine}'s backups in {@code store} (the engine's store). */
  public EngineBaseBackups(BackupEngine engine, BackupStore store) {
    this(new Manifests(engine, store));
  }

  EngineBaseBackups(Manifests manifests) {
    this.manifests = manifests;
  }

  @Override
  public List<BaseBackup> list(BackupScope scope, String source) {
    return manifests.of(scope, source).stream()
        .filter(m -> m.journalSequence().isPresent())
        .map(EngineBaseBackups::base)
        .toList();
  }

  /** Returns the base a manifest with a journal sequence describes. */
  static BaseBackup base(BackupManifest m) {
    return new BaseBackup(
        m.scope(), m.source(), m.backupId(), m.finishedAt(), m.journalSequence().getAsLong());
  }

  @Override
  public void restore(BaseBackup backup, Path target) {
    Objects.requireNonNull(backup, "backup");
    manifests.engine().restore(backup.scope(), backup.id(), target);
  }
}
