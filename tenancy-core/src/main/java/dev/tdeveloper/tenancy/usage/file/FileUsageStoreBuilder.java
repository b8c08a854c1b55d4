package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.internal.StoreSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures and opens a {@link FileUsageStore}. Defaults: {@link FsyncPolicy#GROUP_COMMIT},
 * segments of {@link FileUsageStore#DEFAULT_SEGMENT_SIZE_BYTES}. Each setting may be given once.
 *
 * <p>Not thread-safe: configure on one thread.
 */
public final class FileUsageStoreBuilder {
  final Path directory;
  FsyncPolicy policy = FsyncPolicy.GROUP_COMMIT;
  long segmentSize = FileUsageStore.DEFAULT_SEGMENT_SIZE_BYTES;
  Consumer<String> hook = step -> {};
  private boolean policySet;
  private boolean segmentSizeSet;

  FileUsageStoreBuilder(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Sets when appends are forced to the device.
   *
   * @throws IllegalStateException if already set
   */
  public FileUsageStoreBuilder fsyncPolicy(FsyncPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    StoreSettings.requireUnset("fsyncPolicy", policySet);
    this.policy = policy;
    policySet = true;
    return this;
  }

  /**
   * Sets the size in bytes at which a segment rolls to the next; a record never spans segments, so
   * a segment may exceed it by less than one record.
   *
   * @throws IllegalArgumentException if outside {@link FileUsageStore#MIN_SEGMENT_SIZE_BYTES} to
   *     {@link FileUsageStore#MAX_SEGMENT_SIZE_BYTES}
   * @throws IllegalStateException if already set
   */
  public FileUsageStoreBuilder segmentSizeBytes(long bytes) {
    StoreSettings.requireRange(
        "segmentSizeBytes",
        bytes,
        FileUsageStore.MIN_SEGMENT_SIZE_BYTES,
        FileUsageStore.MAX_SEGMENT_SIZE_BYTES);
    StoreSettings.requireUnset("segmentSizeBytes", segmentSizeSet);
    this.segmentSize = bytes;
    segmentSizeSet = true;
    return this;
  }

  /** Sets what is told each compaction step, for crash tests. */
  FileUsageStoreBuilder compactionHook(Consumer<String> hook) {
    this.hook = Objects.requireNonNull(hook, "hook");
    return this;
  }

  /**
   * Locks the directory (creating it if needed), recovers it and opens the store.
   *
   * @throws dev.tdeveloper.tenancy.spi.UsageStoreException if the directory is locked or cannot be
   *     used
   * @throws CorruptUsageStoreException if stored data is damaged other than by a torn last write
   */
  public FileUsageStore open() {
    return FileUsageStore.open(this);
  }
}
