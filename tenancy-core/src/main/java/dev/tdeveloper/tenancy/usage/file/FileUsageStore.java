package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.internal.DirectoryLock;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The durable default {@link UsageStore}: an append-only log in a directory. Each event is a framed
 * record {@code [int length][int CRC32C of payload][payload]}; the payload is compact binary
 * written with {@link java.io.DataOutputStream}: {@code byte version (1)}, {@code UTF tenant},
 * {@code UTF meter}, {@code long value}, {@code long epochSecond}, {@code int nano}, {@code UTF
 * idempotencyKey}, {@code byte dimensionCount}, then {@code UTF key, UTF value} per dimension in
 * key order. Records go into segment files {@code segment-<20-digit index>.log} (each starting with
 * an 8-byte header: magic {@code TDUS}, format 1) that roll once they reach the segment size. When
 * {@link #append} returns, the record is as durable as the {@link FsyncPolicy} says.
 *
 * <p>Opening recovers from a crash: damage at the end of the last segment that no valid record
 * follows (a write cut short) is truncated and logged; anything else (a bad record followed by good
 * ones, a damaged earlier segment, a missing segment) fails with {@link CorruptUsageStoreException}
 * naming the file and offset, so acknowledged events are never dropped silently. A lock on {@code
 * usage.lock} ({@link FileChannel#tryLock()}) keeps a second store, in this or another process,
 * from opening the same directory. Segments are never deleted by the store: archive or delete old
 * ones (lowest indices first, while closed) after exporting them.
 *
 * <p>Thread-safe. After a write or flush fails the store refuses further appends (the state of the
 * page cache is unknown); reopen it to recover.
 */
public final class FileUsageStore implements UsageStore {
  /** Default segment size: {@value} bytes (64 MiB). */
  public static final long DEFAULT_SEGMENT_SIZE_BYTES = 64L * 1024 * 1024;

  /** Smallest segment size: {@value} bytes. */
  public static final long MIN_SEGMENT_SIZE_BYTES = 1024;

  /** Largest segment size: {@value} bytes (1 GiB). */
  public static final long MAX_SEGMENT_SIZE_BYTES = 1024L * 1024 * 1024;

  private static final String LOCK_FILE = "usage.lock";

  private final Path directory;
  private final FsyncPolicy policy;
  private final long segmentSize;
  private final DirectoryLock directoryLock;
  private final ReentrantLock lock = new ReentrantLock();
  private final long firstIndex;
  private long index;
  private FileChannel channel;
  private long position;
  private long written;
  private long forced;
  private IOException failure;
  private boolean closed;

  private FileUsageStore(FileUsageStoreBuilder builder, DirectoryLock directoryLock)
      throws IOException {
    this.directory = builder.directory;
    this.policy = builder.policy;
    this.segmentSize = builder.segmentSize;
    this.directoryLock = directoryLock;
    List<Path> segments = SegmentFiles.list(directory);
    SegmentFiles.recover(segments);
    this.firstIndex = segments.isEmpty() ? 1 : SegmentFiles.index(segments.get(0));
    this.index = segments.isEmpty() ? 1 : SegmentFiles.index(segments.get(segments.size() - 1));
    Path last = SegmentFiles.path(directory, index);
    this.channel = FileChannel.open(last, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      this.position = channel.size();
      if (position == 0) {
        writeHeader();
      }
      channel.position(position);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Returns a builder for a store in {@code directory} (created if missing). */
  public static FileUsageStoreBuilder builder(Path directory) {
    return new FileUsageStoreBuilder(directory);
  }

  static FileUsageStore open(FileUsageStoreBuilder builder) {
    DirectoryLock directoryLock =
        DirectoryLock.acquire(
            builder.directory,
            LOCK_FILE,
            "usage store",
            f -> new UsageStoreException(f.message(), f.cause()));
    try {
      return new FileUsageStore(builder, directoryLock);
    } catch (IOException e) {
      directoryLock.close();
      throw new UsageStoreException("cannot open usage store " + builder.directory, e);
    } catch (RuntimeException | Error e) {
      directoryLock.close();
      throw e;
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws UsageStoreException if writing or flushing failed, now or in an earlier append
   */
  @Override
  public void append(UsageEvent event) {
    byte[] frame = EventCodec.frame(Objects.requireNonNull(event, "event"));
    long sequence;
    lock.lock();
    try {
      requireUsable();
      if (position + frame.length > segmentSize && position > SegmentReader.HEADER) {
        roll();
      }
      ByteBuffer buffer = ByteBuffer.wrap(frame);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      position += frame.length;
      sequence = ++written;
      if (policy == FsyncPolicy.EVERY_APPEND) {
        channel.force(true);
        forced = sequence;
      }
    } catch (IOException e) {
      throw fail(e);
    } finally {
      lock.unlock();
    }
    if (policy == FsyncPolicy.GROUP_COMMIT) {
      awaitForced(sequence);
    }
  }

  /** Forces unless a flush that started after {@code sequence} was written already covered it. */
  private void awaitForced(long sequence) {
    lock.lock(); // appenders queue here while a flush runs, then share the next one
    try {
      if (forced >= sequence) {
        return;
      }
      requireUsable();
      long upTo = written;
      channel.force(true);
      forced = upTo;
    } catch (IOException e) {
      throw fail(e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void replay(Consumer<? super UsageEvent> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    long lastIndex;
    long lastLimit;
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("usage store " + directory + " is closed");
      }
      lastIndex = index;
      lastLimit = position;
    } finally {
      lock.unlock();
    }
    for (long i = firstIndex; i <= lastIndex; i++) {
      Path segment = SegmentFiles.path(directory, i);
      try (SegmentReader reader =
          new SegmentReader(segment, i == lastIndex ? lastLimit : Files.size(segment))) {
        SegmentReader.Step step = reader.readHeader();
        while (step == null || step.kind() == SegmentReader.Kind.RECORD) {
          if (step != null) {
            consumer.accept(SegmentFiles.decode(segment, step));
          }
          step = reader.next();
        }
        if (step.kind() != SegmentReader.Kind.END) {
          throw new CorruptUsageStoreException(segment, step.offset(), step.problem());
        }
      } catch (IOException e) {
        throw new UsageStoreException("cannot read usage store segment " + segment, e);
      }
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (failure == null) {
          channel.force(true);
          forced = written;
        }
      } finally {
        channel.close();
      }
    } catch (IOException e) {
      throw new UsageStoreException("cannot close usage store " + directory, e);
    } finally {
      lock.unlock();
      directoryLock.close();
    }
  }

  /** Returns the directory holding the segments. */
  public Path directory() {
    return directory;
  }

  /** Returns the fsync policy. */
  public FsyncPolicy fsyncPolicy() {
    return policy;
  }

  private void roll() throws IOException {
    channel.force(true); // everything written so far, in any policy, before leaving the segment
    forced = written;
    channel.close();
    index++;
    channel =
        FileChannel.open(
            SegmentFiles.path(directory, index),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    writeHeader();
  }

  private void writeHeader() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(SegmentReader.HEADER);
    header.putInt(SegmentReader.MAGIC).putInt(SegmentReader.FORMAT).flip();
    while (header.hasRemaining()) {
      channel.write(header, header.position());
    }
    channel.force(true);
    DurableFiles.syncDirectory(directory);
    position = SegmentReader.HEADER;
    channel.position(position);
  }

  private void requireUsable() {
    if (closed) {
      throw new IllegalStateException("usage store " + directory + " is closed");
    }
    if (failure != null) {
      throw new UsageStoreException(
          "usage store " + directory + " failed earlier and refuses appends; reopen it", failure);
    }
  }

  private UsageStoreException fail(IOException e) {
    failure = e;
    return new UsageStoreException("cannot append to usage store " + directory, e);
  }
}
