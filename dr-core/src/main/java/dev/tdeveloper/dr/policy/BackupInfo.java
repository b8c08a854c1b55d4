package dev.tdeveloper.dr.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link RetentionPlanner} needs to know about one published backup. Immutable and
 * thread-safe.
 *
 * @param id the backup's id, unique among the backups planned together
 * @param time when the backup was taken (its recovery point)
 * @param state whether it has been verified, and with which result
 */
public record BackupInfo(String id, Instant time, State state) {
  /** The verification state of a backup. */
  public enum State {
    /** Published but not verified yet; counts for retention like a verified one. */
    UNVERIFIED,
    /** Every chunk and the manifest checked out. */
    VERIFIED,
    /** Verification found missing or corrupt data: it cannot be restored and is never kept. */
    FAILED
  }

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the id is blank
   */
  public BackupInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(state, "state");
    if (id.isBlank()) {
      throw new IllegalArgumentException("backup id must not be blank, was '" + id + "'");
    }
  }
}
