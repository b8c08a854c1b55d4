package dev.tdeveloper.tenancy.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * The plumbing a local journal that compacts itself puts around its {@link JournalFile}: open and
 * replay (decoding each record and failing the open on one that cannot be read), the size limit of
 * a record, the open/closed state, compaction to the entries still answered for, and the automatic
 * compaction after a write once it is {@link Compaction#due due}. The owning journal keeps its
 * index and its lock; this class holds no lock of its own.
 *
 * <p>Not thread-safe: call it under the owner's lock.
 */
public final class CompactingJournal {
  private final Path path;
  private final String name;
  private final Compaction compaction;
  private final Class<? extends RuntimeException> failure;
  private final Logger log;
  private final JournalFile file;
  private long compactedSize;
  private boolean closed;

  /**
   * Opens {@code path} and passes each record, decoded, to {@code index}.
   *
   * @param what names the journal in the file's messages, such as {@code "provisioning journal"}
   * @param name names the journal in this class's messages, such as {@code "journal"}
   * @param errors makes the journal's exception, of type {@code failure}
   * @param log the owner's logger, told of compactions
   * @throws RuntimeException from {@code errors} if the file cannot be opened, is corrupt, or holds
   *     a record {@code decode} rejects
   */
  public <T> CompactingJournal(
      Path path,
      RecordFormat format,
      String what,
      String name,
      Compaction compaction,
      Function<byte[], T> decode,
      Consumer<T> index,
      JournalFile.Errors errors,
      Class<? extends RuntimeException> failure,
      Logger log) {
    this.path = path;
    this.name = name;
    this.compaction = compaction;
    this.failure = failure;
    this.log = log;
    this.file =
        JournalFile.open(
            path,
            format,
            what,
            (offset, payload) -> {
              T entry;
              try {
                entry = decode.apply(payload);
              } catch (RuntimeException e) {
                throw errors.error(
                    name + " " + path + ": record at offset " + offset + " cannot be read: " + e,
                    e);
              }
              index.accept(entry);
            },
            errors);
    this.compactedSize = file.size();
  }

  /**
   * Checks that an encoded record fits.
   *
   * @param what names the record in the message, such as {@code "record of saga 42"}
   * @throws IllegalArgumentException if {@code payload} exceeds {@code max} bytes
   */
  public static byte[] requireSize(byte[] payload, int max, String what) {
    if (payload.length > max) {
      throw new IllegalArgumentException(
          what + " is " + payload.length + " bytes; at most " + max + " allowed");
    }
    return payload;
  }

  /** Returns the journal's file. */
  public Path path() {
    return path;
  }

  /** Returns the size of the file in bytes. */
  public long size() {
    return file.size();
  }

  /** Returns how many bytes of torn tail the open truncated. */
  public long discardedBytesOnOpen() {
    return file.discardedBytesOnOpen();
  }

  /**
   * Throws if the journal is closed.
   *
   * @throws IllegalStateException naming the journal if it is closed
   */
  public void requireOpen() {
    if (closed) {
      throw new IllegalStateException(name + " " + path + " is closed");
    }
  }

  /** Appends a record and forces it to the device (see {@link JournalFile#append}). */
  public void append(byte[] payload) {
    file.append(payload);
  }

  /**
   * Runs {@code compact} if the file is due for a compaction; a failure of the journal's exception
   * type is logged and leaves the journal as it was.
   */
  public void compactIfDue(LongSupplier compact) {
    if (!compaction.due(file.size(), compactedSize)) {
      return;
    }
    try {
      compact.getAsLong();
    } catch (RuntimeException e) {
      if (!failure.isInstance(e)) {
        throw e;
      }
      log.warn("automatic compaction of {} failed; the journal is unchanged", path, e);
    }
  }

  /**
   * Rewrites the file to hold the {@code entries} that are unfinished or were updated within the
   * finished retention, then passes those to {@code retain}.
   *
   * @return how many bytes the file shrank by
   * @throws IllegalStateException if the journal is closed
   */
  public <T> long compact(
      Collection<T> entries,
      Predicate<T> finished,
      Function<T, Instant> updatedAt,
      Function<T, byte[]> encode,
      Consumer<List<T>> retain) {
    requireOpen();
    long before = file.size();
    Instant horizon = compaction.horizon();
    List<T> kept =
        entries.stream()
            .filter(e -> !finished.test(e) || !updatedAt.apply(e).isBefore(horizon))
            .toList();
    file.rewrite(kept.stream().map(encode).toList(), compaction.hook());
    retain.accept(kept);
    compactedSize = file.size();
    log.debug("compacted {}: {} -> {} bytes", path, before, compactedSize);
    return before - compactedSize;
  }

  /** Closes the file and releases its lock; {@link #requireOpen} throws afterwards. */
  public void close() {
    try {
      file.close();
    } finally {
      closed = true;
    }
  }
}
