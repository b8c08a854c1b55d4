package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.DirectoryLock;
import dev.tdeveloper.tenancy.internal.FrameReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The local default {@link ChangeJournal}: one directory per scope ({@link BackupScope#key()})
 * under a root directory, holding append-only segment files of CRC-framed records. {@link #append}
 * forces the record to the device before it returns; opening a scope cuts only a torn tail of its
 * last segment (an append that never returned) and refuses, naming file and offset, any damage that
 * acknowledged records follow, a missing segment, or sequence numbers that skip.
 *
 * <p>{@link #truncateBefore} first records the new first sequence atomically in the scope's {@code
 * start} file, then deletes the whole segments below it (a segment rolls over once it reaches
 * {@link Builder#segmentBytes}), so it never rewrites records and a crash in between only leaves
 * hidden segments that the next open deletes.
 *
 * <p>A lock file in the root keeps a second journal, in this or another process, from opening the
 * same directory. Thread-safe: appends to one scope are serialised, different scopes proceed in
 * parallel, and reads do not block appends.
 */
public final class FileChangeJournal implements ChangeJournal {
  /** Default segment size: {@value} bytes (64 MiB). */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  /** Smallest segment size: {@value} bytes. */
  public static final long MIN_SEGMENT_BYTES = 4096;

  /** Default largest content of one change: {@value} bytes (16 MiB). */
  public static final int DEFAULT_MAX_CONTENT_BYTES = 16 << 20;

  /** Largest allowed {@link Builder#maxContentBytes}: {@value} bytes (1 GiB less 1 MiB). */
  public static final int MAX_CONTENT_BYTES = (1 << 30) - (1 << 20);

  private final Path root;
  private final long segmentBytes;
  private final int maxContentBytes;
  private final DirectoryLock lock;
  private final ConcurrentHashMap<BackupScope, ScopeLog> scopes = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private FileChangeJournal(Builder builder) {
    this.root = builder.root.toAbsolutePath();
    this.segmentBytes = builder.segmentBytes;
    this.maxContentBytes = builder.maxContentBytes;
    this.lock =
        DirectoryLock.acquire(
            root,
            "journal.lock",
            "change journal",
            f ->
                f.cause() == null
                    ? new DrException(f.message())
                    : new DrException(f.message(), f.cause()));
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.filter(Files::isDirectory).toList()) {
        scopeOf(child.getFileName().toString())
            .ifPresent(scope -> scopes.put(scope, ScopeLog.open(child, scope, segmentBytes)));
      }
    } catch (IOException | RuntimeException e) {
      close();
      if (e instanceof IOException io) {
        throw new DrException("cannot open change journal " + root + ": " + io, io);
      }
      throw (RuntimeException) e;
    }
  }

  /** Returns the scope whose {@link BackupScope#key()} is {@code key}, if it is one. */
  private static Optional<BackupScope> scopeOf(String key) {
    if (key.equals(BackupScope.platform().key())) {
      return Optional.of(BackupScope.platform());
    }
    String tenant = key.startsWith("tenant-") ? key.substring("tenant-".length()) : "";
    return TenantId.isValid(tenant)
        ? Optional.of(BackupScope.of(TenantId.of(tenant)))
        : Optional.empty();
  }

  /** Returns a builder of a journal kept in {@code root} (created if missing). */
  public static Builder builder(Path root) {
    return new Builder(Objects.requireNonNull(root, "root"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also if the source is not a valid source name, the path not a
   *     valid relative path, or the content longer than {@link Builder#maxContentBytes}
   * @throws DrException if the scope's journal is damaged or the write fails (nothing is appended)
   */
  @Override
  public ChangeRecord append(
      BackupScope scope, Instant time, String source, String path, Optional<byte[]> content) {
    ChangeRecord record =
        ChangeArguments.record(0, scope, time, source, path, content, maxContentBytes);
    return log(scope).append(record);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code from} is negative
   * @throws DrException if a segment cannot be read
   */
  @Override
  public void read(BackupScope scope, long from, Consumer<ChangeRecord> consumer) {
    Objects.requireNonNull(scope, "scope");
    ChangeArguments.checkSequence("from", from);
    Objects.requireNonNull(consumer, "consumer");
    try (ScopeLog.Snapshot snapshot = log(scope).readers(from)) {
      for (ScopeLog.Snapshot.Part part : snapshot.parts()) {
        readPart(part, snapshot.from(), snapshot.until(), consumer);
      }
    } catch (IOException e) {
      throw new DrException("cannot read the change journal of scope " + scope + ": " + e, e);
    }
  }

  private static void readPart(
      ScopeLog.Snapshot.Part part, long from, long until, Consumer<ChangeRecord> consumer)
      throws IOException {
    FrameReader reader = part.reader();
    if (reader.readHeader() != null) {
      throw new DrException("change journal segment " + part.file() + " lost its header");
    }
    for (FrameReader.Step step = reader.next(); ; step = reader.next()) {
      if (step.kind() == FrameReader.Kind.END) {
        return;
      }
      if (step.kind() != FrameReader.Kind.RECORD) {
        throw new DrException(
            "change journal segment "
                + part.file()
                + " is damaged at offset "
                + step.offset()
                + ": "
                + step.problem());
      }
      ChangeRecord record;
      try {
        record = ChangeCodec.decode(step.payload());
      } catch (IllegalArgumentException e) {
        throw new DrException(
            "change journal segment "
                + part.file()
                + " holds an unreadable record at offset "
                + step.offset()
                + ": "
                + e.getMessage(),
            e);
      }
      if (record.sequence() >= until) {
        return;
      }
      if (record.sequence() >= from) {
        consumer.accept(record);
      }
    }
  }

  @Override
  public long nextSequence(BackupScope scope) {
    return log(Objects.requireNonNull(scope, "scope")).nextSequence();
  }

  /**
   * {@inheritDoc} A sequence at or below the scope's first kept record does nothing.
   *
   * @throws IllegalArgumentException if {@code sequence} is negative or past {@link #nextSequence}
   * @throws DrException if the {@code start} file cannot be written (nothing changes)
   */
  @Override
  public void truncateBefore(BackupScope scope, long sequence) {
    Objects.requireNonNull(scope, "scope");
    ChangeArguments.checkSequence("sequence", sequence);
    log(scope).truncateBefore(sequence);
  }

  /** Closes every scope's files and releases the directory lock; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      scopes.values().forEach(ScopeLog::close);
    } finally {
      lock.close();
    }
  }

  private ScopeLog log(BackupScope scope) {
    if (closed) {
      throw new IllegalStateException("change journal " + root + " is closed");
    }
    ScopeLog log =
        scopes.computeIfAbsent(scope, s -> ScopeLog.open(root.resolve(s.key()), s, segmentBytes));
    if (closed) {
      log.close();
      throw new IllegalStateException("change journal " + root + " is closed");
    }
    return log;
  }

  /** Builds a {@link FileChangeJournal}; each setter at most once. Not thread-safe. */
  public static final class Builder {
    private final Path root;
    private long segmentBytes = DEFAULT_SEGMENT_BYTES;
    private int maxContentBytes = DEFAULT_MAX_CONTENT_BYTES;
    private boolean segmentSet;
    private boolean maxContentSet;

    private Builder(Path root) {
      this.root = root;
    }

    /**
     * Sets the size at which a segment is sealed and the next begins (default {@value
     * #DEFAULT_SEGMENT_BYTES}); truncation frees space a whole segment at a time.
     *
     * @throws IllegalArgumentException if below {@value #MIN_SEGMENT_BYTES}
     * @throws IllegalStateException if set already
     */
    public Builder segmentBytes(long bytes) {
      if (segmentSet) {
        throw new IllegalStateException("segmentBytes is set already");
      }
      if (bytes < MIN_SEGMENT_BYTES) {
        throw new IllegalArgumentException(
            "segmentBytes must be >= " + MIN_SEGMENT_BYTES + ", got " + bytes);
      }
      segmentSet = true;
      segmentBytes = bytes;
      return this;
    }

    /**
     * Sets the largest content one change may carry (default {@value #DEFAULT_MAX_CONTENT_BYTES}).
     *
     * @throws IllegalArgumentException if not in 1 to {@value #MAX_CONTENT_BYTES}
     * @throws IllegalStateException if set already
     */
    public Builder maxContentBytes(int bytes) {
      if (maxContentSet) {
        throw new IllegalStateException("maxContentBytes is set already");
      }
      if (bytes < 1 || bytes > MAX_CONTENT_BYTES) {
        throw new IllegalArgumentException(
            "maxContentBytes must be 1 to " + MAX_CONTENT_BYTES + ", got " + bytes);
      }
      maxContentSet = true;
      maxContentBytes = bytes;
      return this;
    }

    /**
     * Locks the root directory (creating it if missing), opens and recovers every scope's journal
     * in it, and returns the journal.
     *
     * @throws DrException if the directory is locked by another journal, cannot be used, or holds a
     *     damaged scope journal (the message names the file and offset)
     */
    public FileChangeJournal open() {
      return new FileChangeJournal(this);
    }
  }
}
