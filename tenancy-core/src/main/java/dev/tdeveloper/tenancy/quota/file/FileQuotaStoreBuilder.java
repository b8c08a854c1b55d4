package dev.tdeveloper.tenancy.quota.file;

import dev.tdeveloper.tenancy.internal.DirectoryLock;
import dev.tdeveloper.tenancy.internal.StoreSettings;
import dev.tdeveloper.tenancy.spi.QuotaStoreException;
import dev.tdeveloper.tenancy.usage.file.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures and opens a {@link FileQuotaStore}. Defaults: the system clock, {@link
 * FsyncPolicy#GROUP_COMMIT}, compaction at {@link
 * FileQuotaStore#DEFAULT_COMPACTION_THRESHOLD_BYTES}. Each setting may be given once.
 *
 * <p>Not thread-safe: configure on one thread.
 */
public final class FileQuotaStoreBuilder {
  final Path directory;
  InstantSource clock = InstantSource.system();
  FsyncPolicy policy = FsyncPolicy.GROUP_COMMIT;
  long compactionThreshold = FileQuotaStore.DEFAULT_COMPACTION_THRESHOLD_BYTES;
  Consumer<CounterLog.CompactionStep> compactionHook = step -> {};
  private boolean clockSet;
  private boolean policySet;
  private boolean thresholdSet;
  private boolean hookSet;

  FileQuotaStoreBuilder(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Sets the wall clock by which counters expire.
   *
   * @throws IllegalStateException if already set
   */
  public FileQuotaStoreBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    StoreSettings.requireUnset("clock", clockSet);
    this.clock = clock;
    clockSet = true;
    return this;
  }

  /**
   * Sets when changes are forced to the device before they are acknowledged.
   *
   * @throws IllegalStateException if already set
   */
  public FileQuotaStoreBuilder fsyncPolicy(FsyncPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    StoreSettings.requireUnset("fsyncPolicy", policySet);
    this.policy = policy;
    policySet = true;
    return this;
  }

  /**
   * Sets the log size in bytes at which the store compacts (or the size of the last snapshot, if
   * that is larger).
   *
   * @throws IllegalArgumentException if outside {@link
   *     FileQuotaStore#MIN_COMPACTION_THRESHOLD_BYTES} to {@link
   *     FileQuotaStore#MAX_COMPACTION_THRESHOLD_BYTES}
   * @throws IllegalStateException if already set
   */
  public FileQuotaStoreBuilder compactionThresholdBytes(long bytes) {
    StoreSettings.requireRange(
        "compactionThresholdBytes",
        bytes,
        FileQuotaStore.MIN_COMPACTION_THRESHOLD_BYTES,
        FileQuotaStore.MAX_COMPACTION_THRESHOLD_BYTES);
    StoreSettings.requireUnset("compactionThresholdBytes", thresholdSet);
    this.compactionThreshold = bytes;
    thresholdSet = true;
    return this;
  }

  /** For crash tests: called after each step of every compaction, holding the store's locks. */
  FileQuotaStoreBuilder compactionHook(Consumer<CounterLog.CompactionStep> hook) {
    Objects.requireNonNull(hook, "hook");
    StoreSettings.requireUnset("compactionHook", hookSet);
    this.compactionHook = hook;
    hookSet = true;
    return this;
  }

  /**
   * Locks the directory (creating it if needed), recovers it and opens the store.
   *
   * @throws QuotaStoreException if the directory is locked or cannot be used
   * @throws CorruptQuotaStoreException if stored data is damaged other than by a torn last write
   */
  public FileQuotaStore open() {
    DirectoryLock lock =
        DirectoryLock.acquire(
            directory,
            "quota.lock",
            "quota store",
            f -> new QuotaStoreException(f.message(), f.cause()));
    try {
      return new FileQuotaStore(this, lock);
    } catch (IOException e) {
      lock.close();
      throw new QuotaStoreException("cannot open quota store " + directory, e);
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }
}
