package dev.tdeveloper.dr.backup;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of a completed backup: its published manifest and how long it took. Immutable.
 *
 * @param manifest the manifest, already published
 * @param elapsed how long the backup took, measured on the engine's ticker
 */
public record BackupResult(BackupManifest manifest, Duration elapsed) {
  /** Checks that no field is null. */
  public BackupResult {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Returns the backup's id. */
  public String backupId() {
    return manifest.backupId();
  }

  /** Returns the bytes read from the source. */
  public long bytesRead() {
    return manifest.totals().bytesRead();
  }

  /** Returns the sealed bytes written to the store. */
  public long bytesWritten() {
    return manifest.totals().bytesWritten();
  }

  /** Returns how many chunks were written. */
  public long chunksNew() {
    return manifest.totals().chunksNew();
  }

  /** Returns how many chunk references were satisfied by chunks already stored. */
  public long chunksReused() {
    return manifest.totals().chunksReused();
  }
}
