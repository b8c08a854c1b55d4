package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.spi.BackupScope;

/**
 * What the {@link BackupEngine} and its {@link GarbageCollector} tell their listeners: a backup
 * completed or failed, a restore completed, a verification or a collection ran. Immutable.
 */
public sealed interface BackupEvent {
  /** Returns whose data the event is about. */
  BackupScope scope();

  /**
   * A backup completed and its manifest is published.
   *
   * @param result what it did
   */
  record BackupCompleted(BackupResult result) implements BackupEvent {
    @Override
    public BackupScope scope() {
      return result.manifest().scope();
    }
  }

  /**
   * A backup failed; nothing was published.
   *
   * @param scope whose data it was
   * @param source the source's name
   * @param backupId the id the backup would have had
   * @param reason the failure's message
   */
  record BackupFailed(BackupScope scope, String source, String backupId, String reason)
      implements BackupEvent {}

  /**
   * A restore completed.
   *
   * @param result what it did
   */
  record RestoreCompleted(RestoreResult result) implements BackupEvent {
    @Override
    public BackupScope scope() {
      return result.scope();
    }
  }

  /**
   * A verification ran (whether or not it found problems).
   *
   * @param report what it found
   */
  record Verified(VerifyReport report) implements BackupEvent {
    @Override
    public BackupScope scope() {
      return report.scope();
    }
  }

  /**
   * A garbage collection ran.
   *
   * @param report what it deleted and kept
   */
  record Collected(CollectionReport report) implements BackupEvent {
    @Override
    public BackupScope scope() {
      return report.scope();
    }
  }
}
