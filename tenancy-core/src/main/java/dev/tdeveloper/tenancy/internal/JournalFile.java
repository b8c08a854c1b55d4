package dev.tdeveloper.tenancy.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One append-only journal file in a {@link RecordFormat}, as the local journals keep them: every
 * {@link #append} is forced to the device before it returns ({@link #appendUnforced} and {@link
 * #force} serve a journal that a write-ahead log backs), a torn tail is cut off on open, damage
 * followed by a valid record fails the open (naming file and offset), and {@link #rewrite} compacts
 * the file crash-safely.
 *
 * <p>Compaction writes the records to keep into a new file and renames it over the journal ({@link
 * DurableFiles#replace}): the snapshot <em>is</em> the new journal, so the switch from old to new
 * history is one atomic rename and needs no generation numbers. A crash before the rename leaves
 * the old file (its stale temporary file is deleted on the next open); a crash after it leaves the
 * new one. Callers rewrite only records that answer every query as the old file did, so either file
 * holds exactly the acknowledged state.
 *
 * <p>A sibling file {@code <name>.lock} ({@link DirectoryLock}) keeps a second journal, in this or
 * another process, from opening the file; it stays locked across compactions.
 *
 * <p>Not thread-safe: the owning journal serialises calls, except that {@link #force} may run
 * concurrently with appends (not with {@link #rewrite} or {@link #close}), so a journal can force
 * its unforced records off its writers' lock.
 */
public final class JournalFile implements AutoCloseable {
  /** Compaction step: the snapshot is written to its temporary file, not yet forced or renamed. */
  public static final String SNAPSHOT_WRITTEN = "snapshot-written";

  /** Compaction step: the snapshot has been renamed over the journal; the channel not reopened. */
  public static final String SNAPSHOT_INSTALLED = "snapshot-installed";

  private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);

  /** Receives each intact record read on open; may throw to fail the open. */
  @FunctionalInterface
  public interface Replay {
    /** Accepts the payload of the record at byte {@code offset}. */
    void accept(long offset, byte[] payload);
  }

  /** Turns a message (and the I/O error, or null) into the owning journal's exception. */
  @FunctionalInterface
  public interface Errors {
    /** Returns the exception to throw. */
    RuntimeException error(String message, Exception cause);
  }

  private final Path file;
  private final RecordFormat format;
  private final String what;
  private final Errors errors;
  private final DirectoryLock lock;
  private FileChannel channel;
  private long end;
  private long discarded;
  private volatile boolean broken;
  private volatile boolean closed;

  private JournalFile(
      Path file, RecordFormat format, String what, Errors errors, DirectoryLock lock) {
    this.file = file;
    this.format = format;
    this.what = what;
    this.errors = errors;
    this.lock = lock;
  }

  /**
   * Locks and opens {@code file} (created, not its directory, if missing), passes every intact
   * record to {@code replay} and cuts off a torn tail.
   *
   * @param what names the journal in messages, such as {@code "provisioning journal"}
   * @throws RuntimeException from {@code errors} if the file is locked, is not such a journal, is
   *     corrupt, or cannot be read; or what {@code replay} threw
   */
  public static JournalFile open(
      Path file, RecordFormat format, String what, Replay replay, Errors errors) {
    Objects.requireNonNull(file, "file");
    Path directory = DurableFiles.parentOf(file);
    if (!Files.isDirectory(directory)) {
      throw errors.error("cannot open " + what + " " + file + ": no directory " + directory, null);
    }
    DirectoryLock lock =
        DirectoryLock.acquire(
            directory,
            file.getFileName() + ".lock",
            what,
            f ->
                f.cause() == null
                    ? errors.error(what + " " + file + " is already open elsewhere", null)
                    : errors.error(f.message(), f.cause()));
    JournalFile journal = new JournalFile(file, format, what, errors, lock);
    try {
      DurableFiles.deleteTemp(file);
      journal.channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      journal.load(replay);
      return journal;
    } catch (IOException | RuntimeException e) {
      journal.closeQuietly(e);
      if (e instanceof IOException io) {
        throw errors.error("cannot open " + what + " " + file + ": " + io, io);
      }
      throw (RuntimeException) e;
    }
  }

  private void load(Replay replay) throws IOException {
    long size = channel.size();
    if (size < RecordFormat.HEADER) {
      byte[] start = new byte[(int) size];
      channel.read(ByteBuffer.wrap(start), 0);
      if (!format.isHeaderPrefix(start)) {
        throw errors.error("file " + file + " is not a " + what, null);
      }
      channel.truncate(0);
      write(format.header(), 0);
      channel.force(true);
      DurableFiles.syncDirectory(DurableFiles.parentOf(file));
      end = RecordFormat.HEADER;
      return;
    }
    try (FrameReader reader = format.reader(file, size)) {
      if (reader.readHeader() != null) {
        throw errors.error("file " + file + " is not a " + what, null);
      }
      FrameReader.Step step = reader.next();
      for (; step.kind() == FrameReader.Kind.RECORD; step = reader.next()) {
        replay.accept(step.offset(), step.payload());
      }
      if (step.kind() == FrameReader.Kind.CORRUPT) {
        throw errors.error(
            what
                + " "
                + file
                + " is corrupt at offset "
                + step.offset()
                + ": "
                + step.problem()
                + "; refusing to open so that no acknowledged record is dropped",
            null);
      }
      end = step.offset();
    }
    discarded = size - end;
    if (discarded > 0) {
      LOG.warn("{} {}: cut a torn tail of {} bytes at offset {}", what, file, discarded, end);
      channel.truncate(end);
      channel.force(true);
    }
  }

  /** Returns the journal's file. */
  public Path file() {
    return file;
  }

  /** Returns the file's size in bytes. */
  public long size() {
    return end;
  }

  /** Returns how many bytes of torn tail the open cut off; 0 for a clean file. */
  public long discardedBytesOnOpen() {
    return discarded;
  }

  /**
   * Appends one record and forces it to the device. If the write fails, the partial record is cut
   * off again; if even that fails the journal refuses further writes until reopened.
   *
   * @throws IllegalArgumentException if the payload is empty or too long; nothing is written
   * @throws IllegalStateException if closed
   * @throws RuntimeException from {@code errors} if the write fails or failed earlier
   */
  public void append(byte[] payload) {
    append(payload, true);
  }

  /**
   * Appends one record without forcing it: it is in the file, so it survives the process dying, but
   * it reaches the device only with the next {@link #force} or forced {@link #append}. A journal
   * whose records a forced write-ahead log also holds uses this and forces at checkpoints. Failures
   * are handled as by {@link #append}.
   *
   * @throws IllegalArgumentException if the payload is empty or too long; nothing is written
   * @throws IllegalStateException if closed
   * @throws RuntimeException from {@code errors} if the write fails or failed earlier
   */
  public void appendUnforced(byte[] payload) {
    append(payload, false);
  }

  /**
   * Forces every record appended so far to the device. If the force fails the journal refuses
   * further writes until reopened (what reached the device is then unknown).
   *
   * @throws IllegalStateException if closed
   * @throws RuntimeException from {@code errors} if the force fails or a write failed earlier
   */
  public void force() {
    requireUsable();
    try {
      channel.force(true);
    } catch (IOException e) {
      broken = true;
      throw errors.error("cannot force " + what + " " + file + ": " + e, e);
    }
  }

  private void append(byte[] payload, boolean force) {
    byte[] frame = format.frame(payload);
    requireUsable();
    try {
      write(frame, end);
      if (force) {
        channel.force(true);
      }
    } catch (IOException e) {
      try {
        channel.truncate(end);
        channel.force(true);
      } catch (IOException undo) {
        broken = true;
        e.addSuppressed(undo);
      }
      throw errors.error("cannot append to " + what + " " + file + ": " + e, e);
    }
    end += frame.length;
  }

  /**
   * Replaces the journal's records with {@code payloads}, crash-safely (see the class comment). The
   * new file does not depend on the old one's tail, so a rewrite also recovers a journal that
   * refused writes after a failed undo or force: once it succeeds, the journal accepts writes
   * again. {@code hook} is told each step ({@link #SNAPSHOT_WRITTEN}, {@link #SNAPSHOT_INSTALLED}),
   * for crash tests.
   *
   * @throws IllegalArgumentException if a payload is empty or too long; nothing changes
   * @throws RuntimeException from {@code errors} if the snapshot cannot be written (the journal is
   *     unchanged) or the new file cannot be reopened (the journal then refuses writes)
   */
  public void rewrite(List<byte[]> payloads, Consumer<String> hook) {
    List<byte[]> frames = payloads.stream().map(format::frame).toList();
    if (closed) {
      throw new IllegalStateException(what + " " + file + " is closed");
    }
    try {
      DurableFiles.replace(
          file,
          raw -> {
            OutputStream out = new BufferedOutputStream(raw, 65536);
            out.write(format.header());
            for (byte[] frame : frames) {
              out.write(frame);
            }
            out.flush();
            hook.accept(SNAPSHOT_WRITTEN);
          });
    } catch (IOException e) {
      throw errors.error("cannot compact " + what + " " + file + " (it is unchanged): " + e, e);
    }
    hook.accept(SNAPSHOT_INSTALLED);
    FileChannel old = channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      end = channel.size();
      broken = false;
    } catch (IOException e) {
      broken = true;
      throw errors.error(
          "cannot reopen " + what + " " + file + " after compacting it; reopen the journal", e);
    } finally {
      try {
        old.close();
      } catch (IOException e) {
        LOG.warn("cannot close the replaced {} {}", what, file, e);
      }
    }
  }

  /** Closes the file and releases the lock; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      throw errors.error("cannot close " + what + " " + file + ": " + e, e);
    } finally {
      lock.close();
    }
  }

  private void requireUsable() {
    if (closed) {
      throw new IllegalStateException(what + " " + file + " is closed");
    }
    if (broken) {
      throw errors.error(
          what + " " + file + " failed a write it could not undo; reopen it to recover", null);
    }
  }

  private void write(byte[] bytes, long position) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
  }

  private void closeQuietly(Exception failure) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      failure.addSuppressed(e);
    } finally {
      lock.close();
    }
  }
}
