package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.internal.Compaction;
import dev.tdeveloper.tenancy.internal.CompactionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures and opens a {@link FileMigrationJournal}. Defaults: compaction threshold {@value
 * Compaction#DEFAULT_THRESHOLD_BYTES} bytes, finished migrations kept 30 days after their last
 * update, the system clock. Each setting may be given once.
 *
 * <p>Not thread-safe: configure on one thread.
 */
public final class FileMigrationJournalBuilder {
  private final Path file;
  private final CompactionSettings settings = new CompactionSettings();

  FileMigrationJournalBuilder(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /**
   * Sets the file size at which the journal compacts itself after a record (once the file has also
   * doubled since the last compaction).
   *
   * @throws IllegalArgumentException if below {@value Compaction#MIN_THRESHOLD_BYTES}
   * @throws IllegalStateException if already set
   */
  public FileMigrationJournalBuilder compactionThresholdBytes(long bytes) {
    settings.thresholdBytes(bytes);
    return this;
  }

  /**
   * Sets how long a finished (COMPLETED, FAILED or ABORTED) migration is kept after its last update
   * before a compaction may drop it; {@link Duration#ZERO} drops every finished migration at the
   * next one.
   *
   * @throws IllegalArgumentException if negative
   * @throws IllegalStateException if already set
   */
  public FileMigrationJournalBuilder finishedRetention(Duration retention) {
    settings.finishedRetention(retention);
    return this;
  }

  /**
   * Sets the wall clock the finished retention is measured with; default {@link
   * InstantSource#system()}.
   *
   * @throws IllegalStateException if already set
   */
  public FileMigrationJournalBuilder clock(InstantSource clock) {
    settings.clock(clock);
    return this;
  }

  /** Sets what is told each compaction step, for crash tests. */
  FileMigrationJournalBuilder compactionHook(Consumer<String> hook) {
    settings.hook(hook);
    return this;
  }

  /**
   * Opens the journal, creating the file (not its directory) if needed.
   *
   * @throws MigrationJournalException as {@link FileMigrationJournal#open(Path)} says
   */
  public FileMigrationJournal open() {
    return FileMigrationJournal.open(file, settings.compaction());
  }
}
