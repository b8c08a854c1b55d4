package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.tenancy.internal.StoreSettings;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Configures and opens a {@link FileAuditSink}. Defaults: segments of {@link
 * FileAuditSink#DEFAULT_SEGMENT_BYTES}, {@link RetentionSettings#keepAll()}, the system clock. Each
 * setting may be given once.
 *
 * <p>Not thread-safe: configure on one thread.
 */
public final class FileAuditSinkBuilder {
  /** Largest segment size: {@value} bytes (1 GiB). */
  public static final long MAX_SEGMENT_BYTES = 1L << 30;

  final Path directory;
  long segmentBytes = FileAuditSink.DEFAULT_SEGMENT_BYTES;
  RetentionSettings retention = RetentionSettings.keepAll();
  InstantSource clock = InstantSource.system();
  private boolean segmentBytesSet;
  private boolean retentionSet;
  private boolean clockSet;

  FileAuditSinkBuilder(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Sets the size at which the active segment is sealed and a new one started; a single entry
   * larger than this gets a segment of its own.
   *
   * @throws IllegalArgumentException if outside {@link FileAuditSink#MIN_SEGMENT_BYTES} to {@link
   *     #MAX_SEGMENT_BYTES}
   * @throws IllegalStateException if already set
   */
  public FileAuditSinkBuilder segmentBytes(long bytes) {
    StoreSettings.requireRange(
        "segmentBytes", bytes, FileAuditSink.MIN_SEGMENT_BYTES, MAX_SEGMENT_BYTES);
    StoreSettings.requireUnset("segmentBytes", segmentBytesSet);
    this.segmentBytes = bytes;
    segmentBytesSet = true;
    return this;
  }

  /**
   * Sets which sealed segments are deleted on rotation and by {@link
   * FileAuditSink#applyRetention()}.
   *
   * @throws IllegalStateException if already set
   */
  public FileAuditSinkBuilder retention(RetentionSettings retention) {
    Objects.requireNonNull(retention, "retention");
    StoreSettings.requireUnset("retention", retentionSet);
    this.retention = retention;
    retentionSet = true;
    return this;
  }

  /**
   * Sets the wall clock that dates sealed segments for age-based retention.
   *
   * @throws IllegalStateException if already set
   */
  public FileAuditSinkBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    StoreSettings.requireUnset("clock", clockSet);
    this.clock = clock;
    clockSet = true;
    return this;
  }

  /**
   * Opens the sink, creating the directory if needed and recovering from a crash (see {@link
   * FileAuditSink}).
   *
   * @throws dev.tdeveloper.compliance.ComplianceException if the directory is locked by another
   *     sink or cannot be used
   * @throws AuditLogCorruptException if the log holds damage other than a torn tail
   */
  public FileAuditSink open() {
    return new FileAuditSink(this);
  }
}
