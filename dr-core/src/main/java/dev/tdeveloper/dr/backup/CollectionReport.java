package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.spi.BackupScope;
import java.util.List;
import java.util.Objects;

/**
 * What a garbage collection did. Sizes of deleted chunks are not reported: the store SPI does not
 * tell them without reading each chunk. Immutable.
 *
 * @param scope the scope collected
 * @param manifestsDeleted the backups whose manifests were deleted
 * @param chunksDeleted the ids of the chunks deleted
 * @param chunksReferenced chunks kept because a remaining manifest references them
 * @param chunksKeptInFlight unreferenced chunks kept because a running backup uses them
 * @param chunksKeptInGrace unreferenced chunks kept because they were first seen unreferenced less
 *     than the grace period ago
 */
public record CollectionReport(
    BackupScope scope,
    List<String> manifestsDeleted,
    List<String> chunksDeleted,
    long chunksReferenced,
    long chunksKeptInFlight,
    long chunksKeptInGrace) {
  /** Copies the lists. */
  public CollectionReport {
    Objects.requireNonNull(scope, "scope");
    manifestsDeleted = List.copyOf(manifestsDeleted);
    chunksDeleted = List.copyOf(chunksDeleted);
  }
}
