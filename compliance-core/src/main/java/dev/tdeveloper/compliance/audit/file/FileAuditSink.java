package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.tenancy.internal.DirectoryLock;
import dev.tdeveloper.tenancy.internal.JournalFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The durable local {@link AuditSink}: segmented append-only files in one directory, made for group
 * commit. {@link #append} hands entries to the operating system (they survive a crash of this
 * process); {@link #sync} forces them to the device once per batch (they survive a power loss).
 *
 * <p>Layout: {@code segments/<20-digit first sequence>.seg} (CRC32C-framed entries; a segment is
 * sealed and forced when the next would pass the segment size), {@code leaves.hashes} (the leaf
 * hash of every entry ever appended, never pruned; forced with each sealed segment and at close,
 * not at every {@code sync}, since recovery can rewrite the active segment's ones from its records:
 * one {@code fsync} per group commit), {@code checkpoints.log} (framed signed notes, each forced),
 * {@code state} (first retained sequence, the chain value before it, seal times; replaced
 * atomically) and {@code audit.lock}, an OS lock that keeps a second sink out.
 *
 * <p>Opening recovers from a crash: it cuts only a torn tail of the last segment (the frames a
 * crash interrupted, never acknowledged by {@code sync}) and refuses any other damage with an
 * {@link AuditLogCorruptException} naming file and byte offset, so acknowledged entries are never
 * dropped silently. Retention ({@link RetentionSettings}) deletes whole sealed segments, on
 * rotation and on {@link #applyRetention()}, after durably advancing the first retained sequence.
 *
 * <p>Thread-safe: one writer ({@code append}, {@code sync}, {@code storeCheckpoint}) at a time, and
 * any number of concurrent readers, which never block the writer.
 */
public final class FileAuditSink implements AuditSink {
  /** Default segment size: {@value} bytes (64 MiB). */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  /** Smallest segment size: {@value} bytes (64 KiB). */
  public static final long MIN_SEGMENT_BYTES = 64L << 10;

  /** Largest event encoding an entry may have: {@value} bytes (4 MiB). */
  public static final int MAX_EVENT_BYTES = SegmentFormat.MAX_EVENT_BYTES;

  static final String LOCK = "audit.lock";
  static final String CHECKPOINTS = "checkpoints.log";

  private final Path directory;
  private final long segmentBytes;
  private final RetentionSettings retention;
  private final DirectoryLock lock;
  private final LeavesFile leaves;
  private final SegmentWriter writer;
  private final JournalFile checkpointLog;
  private final List<String> checkpoints = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  FileAuditSink(FileAuditSinkBuilder builder) {
    this.directory = builder.directory;
    this.segmentBytes = builder.segmentBytes;
    this.retention = builder.retention;
    this.lock =
        DirectoryLock.acquire(
            directory, LOCK, "audit log", f -> new ComplianceException(f.message(), f.cause()));
    LeavesFile recoveredLeaves = null;
    SegmentWriter openedWriter = null;
    try {
      LogRecovery.Recovered recovered = LogRecovery.recover(directory, builder.clock);
      recoveredLeaves = recovered.leaves();
      openedWriter = new SegmentWriter(directory, recovered, builder.clock, builder.retention);
      this.checkpointLog =
          JournalFile.open(
              directory.resolve(CHECKPOINTS),
              CheckpointFormat.FORMAT,
              "audit checkpoint log",
              (offset, payload) -> checkpoints.add(new String(payload, StandardCharsets.UTF_8)),
              ComplianceException::new);
    } catch (IOException | RuntimeException e) {
      closeQuietly(openedWriter, recoveredLeaves, e);
      lock.close();
      if (e instanceof IOException io) {
        throw new ComplianceException("cannot open audit log " + directory + ": " + io, io);
      }
      throw (RuntimeException) e;
    }
    this.leaves = recoveredLeaves;
    this.writer = openedWriter;
  }

  /** Returns a builder for a sink in {@code directory} (created if missing). */
  public static FileAuditSinkBuilder builder(Path directory) {
    return new FileAuditSinkBuilder(directory);
  }

  /** Returns the log directory. */
  public Path directory() {
    return directory;
  }

  /** Returns the segment size in bytes. */
  public long segmentBytes() {
    return segmentBytes;
  }

  /** Returns the retention settings. */
  public RetentionSettings retention() {
    return retention;
  }

  @Override
  public long size() {
    return writer.view().size();
  }

  @Override
  public long firstRetained() {
    return writer.view().firstRetained();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if a sequence number does not follow on (naming the expected
   *     and the given one) or an event is longer than {@link #MAX_EVENT_BYTES}; nothing is written
   * @throws IllegalStateException if closed
   */
  @Override
  public void append(List<AuditRecord> records) {
    Objects.requireNonNull(records, "records");
    synchronized (writer) {
      requireOpen();
      writer.append(records, segmentBytes, leaves);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if closed
   */
  @Override
  public void sync() {
    synchronized (writer) {
      requireOpen();
      writer.sync();
    }
  }

  /**
   * Deletes the sealed segments the retention settings no longer keep, now; it also runs on every
   * rotation. Returns how many segments it deleted.
   *
   * @throws IllegalStateException if closed
   */
  public int applyRetention() {
    synchronized (writer) {
      requireOpen();
      return writer.applyRetention();
    }
  }

  @Override
  public void read(long from, long to, Consumer<AuditRecord> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    requireOpen();
    LogView view = writer.view();
    if (from < view.firstRetained() || from > to || to > view.size()) {
      throw new IllegalArgumentException(
          "cannot read entries ["
              + from
              + ", "
              + to
              + "): the retained entries are ["
              + view.firstRetained()
              + ", "
              + view.size()
              + ")");
    }
    view.read(from, to, consumer);
  }

  @Override
  public void readLeafHashes(long from, long to, Consumer<byte[]> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    requireOpen();
    long size = writer.view().size();
    if (from < 0 || from > to || to > size) {
      throw new IllegalArgumentException(
          "cannot read leaf hashes [" + from + ", " + to + "): the log has [0, " + size + ")");
    }
    leaves.read(from, to, consumer);
  }

  /**
   * {@inheritDoc} Forces the appended entries first, so the checkpoint never covers entries a power
   * loss could take.
   *
   * @throws IllegalArgumentException if the note is blank or longer than {@value
   *     CheckpointFormat#MAX_BYTES} bytes in UTF-8
   * @throws IllegalStateException if closed
   */
  @Override
  public void storeCheckpoint(String signedNote) {
    byte[] bytes = CheckpointFormat.encode(signedNote);
    synchronized (writer) {
      requireOpen();
      writer.sync();
      checkpointLog.append(bytes);
      checkpoints.add(signedNote);
    }
  }

  @Override
  public List<String> checkpoints() {
    requireOpen();
    return List.copyOf(checkpoints);
  }

  /** Forces what was appended, then closes the files and releases the lock. Idempotent. */
  @Override
  public void close() {
    synchronized (writer) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        writer.sync();
        leaves.force();
      } catch (IOException e) {
        throw new ComplianceException("cannot force audit log " + directory + ": " + e, e);
      } finally {
        try {
          writer.close();
          leaves.close();
        } catch (IOException e) {
          throw new ComplianceException("cannot close audit log " + directory + ": " + e, e);
        } finally {
          try {
            checkpointLog.close();
          } finally {
            lock.close();
          }
        }
      }
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("audit log " + directory + " is closed");
    }
  }

  private static void closeQuietly(SegmentWriter writer, LeavesFile file, Exception failure) {
    try {
      if (writer != null) {
        writer.close();
      }
      if (file != null) {
        file.close();
      }
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public String toString() {
    return "FileAuditSink[" + directory + "]";
  }
}
