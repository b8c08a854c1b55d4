package dev.tdeveloper.tenancy.quota.file;

import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of an open {@link FileQuotaStore}: the log of the current generation, appended to, and
 * the step to the next generation (compaction). See {@link QuotaFiles} for the layout.
 *
 * <p>The log is preallocated as the usage store's segments are ({@link DurableFiles#appendZeros}):
 * {@value #CHUNK} bytes of zeros at a time, so {@link #force()} is data-only; closing cuts the zero
 * tail, and recovery cuts a crash's zero tail quietly ({@link QuotaFiles}).
 *
 * <p>Not thread-safe: the store calls it under its locks. {@link #force()} may run concurrently
 * with {@link #append}, never with {@link #compact} or {@link #close}.
 */
final class CounterLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileQuotaStore.class);

  /** Bytes of zeros appended when a record would pass the log's end: {@value} (256 KiB). */
  static final int CHUNK = 256 * 1024;

  /** The steps of a compaction, reported to the package-private test hook after each. */
  enum CompactionStep {
    SNAPSHOT_WRITTEN,
    LOG_CREATED,
    OLD_LOG_DELETED,
    DONE
  }

  private final Path directory;
  private final Consumer<CompactionStep> hook;
  private long generation;
  private long snapshotBytes;
  private volatile FileChannel channel;
  private long position;
  private long allocated; // the log's size: position plus the zeros after it

  private CounterLog(Path directory, QuotaFiles.Recovered recovered, Consumer<CompactionStep> hook)
      throws IOException {
    this.directory = directory;
    this.hook = hook;
    this.generation = recovered.generation();
    this.snapshotBytes = recovered.snapshotBytes();
    this.position = recovered.logEnd(); // recovery cut any zero tail
    this.allocated = position;
    this.channel =
        FileChannel.open(QuotaFiles.log(directory, generation), StandardOpenOption.WRITE);
  }

  /** Recovers the directory into {@code counters} and opens its log for appending. */
  static CounterLog open(
      Path directory, Map<QuotaKey, Counter> counters, Consumer<CompactionStep> hook)
      throws IOException {
    return new CounterLog(directory, QuotaFiles.recover(directory, counters), hook);
  }

  /** Appends a framed record (not forced). */
  void append(byte[] frame) throws IOException {
    if (position + frame.length > allocated) {
      long target = Math.max(position + frame.length, allocated + CHUNK);
      DurableFiles.appendZeros(channel, allocated, target);
      allocated = target;
    }
    ByteBuffer buffer = ByteBuffer.wrap(frame);
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
  }

  /** Forces everything appended so far to the device: data only, the size being durable. */
  void force() throws IOException {
    channel.force(false);
  }

  /**
   * Returns whether the log has reached {@code threshold} bytes, or the size of the last snapshot
   * if that is larger (so a large live set is not rewritten after every few changes).
   */
  boolean compactionDue(long threshold) {
    return position >= Math.max(threshold, snapshotBytes);
  }

  /**
   * Moves to the next generation: writes {@code live} as its snapshot, starts its empty log, then
   * deletes the previous generation. Each file is durable before the next step, so a crash at any
   * point recovers either the old generation or the new one, both holding every change written.
   */
  void compact(Map<QuotaKey, Counter> live) throws IOException {
    long next = generation + 1;
    long bytes = QuotaFiles.writeSnapshot(directory, next, live);
    hook.accept(CompactionStep.SNAPSHOT_WRITTEN);
    FileChannel fresh = QuotaFiles.createLog(directory, next);
    hook.accept(CompactionStep.LOG_CREATED);
    FileChannel old = channel;
    long previous = generation;
    channel = fresh;
    generation = next;
    position = QuotaFiles.LOG_HEADER;
    allocated = position;
    snapshotBytes = bytes;
    try {
      old.close();
      Files.deleteIfExists(QuotaFiles.log(directory, previous));
      hook.accept(CompactionStep.OLD_LOG_DELETED);
      Files.deleteIfExists(QuotaFiles.snapshot(directory, previous));
      hook.accept(CompactionStep.DONE);
    } catch (IOException e) {
      // The new generation is complete; the next open deletes what is left of the old one.
      LOG.warn("quota store {}: cannot delete generation {}", directory, previous, e);
    }
  }

  /** Closes the log, forcing it and cutting its zero tail first if {@code force}. */
  void close(boolean force) throws IOException {
    try {
      if (force) {
        channel.force(false);
        if (allocated > position) {
          channel.truncate(position);
        }
        channel.force(true);
      }
    } finally {
      channel.close();
    }
  }
}
