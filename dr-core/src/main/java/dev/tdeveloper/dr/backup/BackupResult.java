package dev.tdeveloper.dr.backup;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of a completed backup: its published manifest, how long it took, and which chunks it
 * stored itself (what {@link BackupEngine#verifyWritten} reads back). Immutable.
 *
 * @param manifest the manifest, already published
 * @param elapsed how long the backup took, measured on the engine's ticker
 * @param writtenChunks the ids of the chunks this backup sealed and stored (copied); the manifest's
 *     other chunks were stored already
 */
public record BackupResult(BackupManifest manifest, Duration elapsed, Set<String> writtenChunks) {
  /** Checks that no field is null and copies the chunk ids. */
  public BackupResult {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(elapsed, "elapsed");
    writtenChunks = Set.copyOf(writtenChunks);
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
