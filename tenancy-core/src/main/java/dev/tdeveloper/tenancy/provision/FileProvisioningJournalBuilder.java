package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.internal.Compaction;
import dev.tdeveloper.tenancy.internal.CompactionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures and opens a {@link FileProvisioningJournal}. Defaults: compaction threshold {@value
 * Compaction#DEFAULT_THRESHOLD_BYTES} bytes, finished sagas kept 30 days after their last update,
 * the system clock. Each setting may be given once.
 *
 * <p>Not thread-safe: configure on one thread.
 */
public final class FileProvisioningJournalBuilder {
  private final Path file;
  private final CompactionSettings settings = new CompactionSettings();

  FileProvisioningJournalBuilder(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /**
   * Sets the file size at which the journal compacts itself after a record (once the file has also
   * doubled since the last compaction).
   *
   * @throws IllegalArgumentException if below {@value Compaction#MIN_THRESHOLD_BYTES}
   * @throws IllegalStateException if already set
   */
  public FileProvisioningJournalBuilder compactionThresholdBytes(long bytes) {
    settings.thresholdBytes(bytes);
    return this;
  }

  /**
   * Sets how long a finished (DONE or FAILED) saga is kept after its last update before a
   * compaction may drop it; {@link Duration#ZERO} drops every finished saga at the next one.
   *
   * @throws IllegalArgumentException if negative
   * @throws IllegalStateException if already set
   */
  public FileProvisioningJournalBuilder finishedRetention(Duration retention) {
    settings.finishedRetention(retention);
    return this;
  }

  /**
   * Sets the wall clock the finished retention is measured with; default {@link
   * InstantSource#system()}.
   *
   * @throws IllegalStateException if already set
   */
  public FileProvisioningJournalBuilder clock(InstantSource clock) {
    settings.clock(clock);
    return this;
  }

  /** Sets what is told each compaction step, for crash tests. */
  FileProvisioningJournalBuilder compactionHook(Consumer<String> hook) {
    settings.hook(hook);
    return this;
  }

  /**
   * Opens the journal, creating the file (not its directory) if needed.
   *
   * @throws dev.tdeveloper.tenancy.spi.ProvisioningJournalException as {@link
   *     FileProvisioningJournal#open(Path)} says
   */
  public FileProvisioningJournal open() {
    return FileProvisioningJournal.open(file, settings.compaction());
  }
}
