package dev.tdeveloper.dr.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RetentionPlanner} decided: the backups to keep, each with the rules that keep it, and
 * the backups to delete, both newest first. Immutable and thread-safe.
 *
 * @param kept the backups kept, newest first
 * @param deleted the backups to delete, newest first
 */
public record RetentionPlan(List<Kept> kept, List<BackupInfo> deleted) {
  /**
   * One kept backup and why.
   *
   * @param backup the backup
   * @param reasons the rules keeping it, such as {@code last 3}, {@code daily 2026-12-04}, {@code
   *     weekly 2026-W49}, {@code monthly 2026-12}, {@code yearly 2026} or {@code newest verified};
   *     never empty
   */
  public record Kept(BackupInfo backup, List<String> reasons) {
    /**
     * Copies the reasons.
     *
     * @throws IllegalArgumentException if there is no reason
     */
    public Kept {
      Objects.requireNonNull(backup, "backup");
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("kept backup " + backup.id() + " needs a reason");
      }
    }
  }

  /** Copies the lists. */
  public RetentionPlan {
    kept = List.copyOf(kept);
    deleted = List.copyOf(deleted);
  }

  /** Returns the ids of the kept backups, newest first. */
  public List<String> keptIds() {
    return kept.stream().map(k -> k.backup().id()).toList();
  }

  /** Returns the ids of the backups to delete, newest first. */
  public List<String> deletedIds() {
    return deleted.stream().map(BackupInfo::id).toList();
  }

  /** Returns why a backup is kept, or empty if it is deleted or unknown. */
  public Optional<List<String>> reasons(String backupId) {
    return kept.stream()
        .filter(k -> k.backup().id().equals(backupId))
        .findFirst()
        .map(Kept::reasons);
  }
}
