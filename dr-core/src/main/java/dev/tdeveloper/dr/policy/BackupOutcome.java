package dev.tdeveloper.dr.policy;

import java.util.List;
import java.util.Objects;

/** How a {@link BackupJob} run ended. Immutable and thread-safe. */
public sealed interface BackupOutcome {
  /**
   * The backup completed and was published.
   *
   * @param backupIds the ids of the backups published (one per source, typically)
   */
  record Completed(List<String> backupIds) implements BackupOutcome {
    /** Copies the ids. */
    public Completed {
      backupIds = List.copyOf(backupIds);
    }
  }

  /**
   * The backup failed; nothing of it is visible.
   *
   * @param reason what went wrong
   */
  record Failed(String reason) implements BackupOutcome {
    /** Checks the reason is there. */
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
