package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.ProvisioningJournalException;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link ProvisioningJournal} in one local append-only file, so sagas can be resumed
 * after the process crashes. The file starts with an 8-byte magic {@code TDPJRNL1}; each record is
 * a 4-byte big-endian payload length, the payload's CRC32, and the payload (a record as JSON).
 * Every record is forced to the storage device before {@link #record} returns.
 *
 * <p>On {@link #open}, a torn or corrupt tail (an interrupted write: short length, short payload,
 * bad CRC) is truncated and every record before it is kept; {@link #discardedBytesOnOpen()} says
 * how much was cut. A record with a valid CRC that cannot be decoded is not a torn write, so it
 * fails the open rather than losing data. The file is locked while open so that a second process
 * cannot append to it; the latest record of every saga is also held in memory. The file only grows
 * (one to two records per step), which suits how rarely tenants are provisioned.
 *
 * <p>Thread-safe: every method holds the journal's lock.
 */
public final class FileProvisioningJournal implements ProvisioningJournal {
  /** The largest payload accepted, in bytes: {@value}. */
  public static final int MAX_RECORD_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(FileProvisioningJournal.class);
  private static final byte[] MAGIC = {'T', 'D', 'P', 'J', 'R', 'N', 'L', '1'};
  private static final int HEADER = 8;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final long discarded;
  private final Map<String, SagaRecord> latest = new LinkedHashMap<>();
  private long end;
  private boolean broken;
  private boolean closed;

  private FileProvisioningJournal(Path file, FileChannel channel, FileLock lock)
      throws IOException {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    long size = channel.size();
    if (size < HEADER) {
      writeHeader(size);
      size = HEADER;
    } else if (!isHeader(read(0, HEADER))) {
      throw new ProvisioningJournalException("file " + file + " is not a provisioning journal");
    }
    this.end = replay(size);
    this.discarded = size - end;
    if (discarded > 0) {
      LOG.warn(
          "journal {}: discarded a torn or corrupt tail of {} bytes at offset {}",
          file,
          discarded,
          end);
      channel.truncate(end);
      channel.force(true);
    }
  }

  /**
   * Opens the journal in {@code file}, creating it (not its directory) if needed, and reads every
   * record; a torn tail is truncated. Close it when done.
   *
   * @throws ProvisioningJournalException if the file cannot be opened or locked (another process or
   *     another open journal in this process holds it), is not a journal, or holds a record this
   *     version cannot decode
   */
  public static FileProvisioningJournal open(Path file) {
    Objects.requireNonNull(file, "file");
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new ProvisioningJournalException("journal " + file + " is already open elsewhere");
      }
      return new FileProvisioningJournal(file, channel, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel, e);
      if (e instanceof ProvisioningJournalException journalException) {
        throw journalException;
      }
      throw new ProvisioningJournalException("cannot open journal " + file + ": " + e, e);
    }
  }

  /** Returns the journal's file. */
  public Path file() {
    return file;
  }

  /** Returns how many bytes of torn or corrupt tail {@link #open} truncated; 0 for a clean file. */
  public long discardedBytesOnOpen() {
    return discarded;
  }

  /**
   * Appends {@code record} and forces it to the storage device.
   *
   * @throws IllegalArgumentException if the record is inconsistent with the saga's previous one, or
   *     its JSON exceeds {@value #MAX_RECORD_BYTES} bytes
   * @throws IllegalStateException if the saga is terminal or the journal is closed
   * @throws ProvisioningJournalException if the write fails; the partial record is cut off again,
   *     and if even that fails the journal refuses further writes until reopened
   */
  @Override
  public synchronized void record(SagaRecord record) {
    Objects.requireNonNull(record, "record");
    requireOpen();
    if (broken) {
      throw new ProvisioningJournalException(
          "journal " + file + " failed a write it could not undo; reopen it to recover");
    }
    JournalRules.checkReplace(latest.get(record.sagaId()), record);
    byte[] payload = SagaRecordCodec.encode(record);
    if (payload.length > MAX_RECORD_BYTES) {
      throw new IllegalArgumentException(
          "record of saga "
              + record.sagaId()
              + " is "
              + payload.length
              + " bytes; at most "
              + MAX_RECORD_BYTES
              + " allowed");
    }
    ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
    frame.putInt(payload.length).putInt(crc(ByteBuffer.wrap(payload))).put(payload).flip();
    try {
      long position = end;
      while (frame.hasRemaining()) {
        position += channel.write(frame, position);
      }
      channel.force(true);
    } catch (IOException e) {
      try {
        channel.truncate(end);
        channel.force(true);
      } catch (IOException undo) {
        broken = true;
        e.addSuppressed(undo);
      }
      throw new ProvisioningJournalException(
          "cannot write saga " + record.sagaId() + " to journal " + file + ": " + e, e);
    }
    end += frame.limit();
    latest.put(record.sagaId(), record);
  }

  @Override
  public synchronized Optional<SagaRecord> find(String sagaId) {
    Objects.requireNonNull(sagaId, "sagaId");
    requireOpen();
    return Optional.ofNullable(latest.get(sagaId));
  }

  @Override
  public synchronized List<SagaRecord> incomplete() {
    requireOpen();
    return JournalRules.incomplete(latest.values());
  }

  @Override
  public synchronized List<SagaRecord> forTenant(TenantId tenantId) {
    requireOpen();
    return JournalRules.forTenant(latest.values(), tenantId);
  }

  /** Closes the file and releases its lock; later calls other than {@code close} throw. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      throw new ProvisioningJournalException("cannot close journal " + file + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    return "FileProvisioningJournal[" + file + "]";
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("journal " + file + " is closed");
    }
  }

  /** Reads records from the header on; returns the offset after the last intact record. */
  private long replay(long size) throws IOException {
    long position = HEADER;
    while (size - position >= 8) {
      ByteBuffer head = read(position, 8);
      int length = head.getInt();
      int checksum = head.getInt();
      if (length <= 0 || length > MAX_RECORD_BYTES || length > size - position - 8) {
        break;
      }
      ByteBuffer payload = read(position + 8, length);
      if (payload.remaining() != length || crc(payload.duplicate()) != checksum) {
        break;
      }
      byte[] bytes = new byte[length];
      payload.get(bytes);
      SagaRecord record;
      try {
        record = SagaRecordCodec.decode(bytes);
      } catch (RuntimeException e) {
        throw new ProvisioningJournalException(
            "journal " + file + ": record at offset " + position + " cannot be read: " + e, e);
      }
      latest.put(record.sagaId(), record);
      position += 8 + length;
    }
    return position;
  }

  /** Writes the header into an empty file, or over a torn header left by a crash on creation. */
  private void writeHeader(long size) throws IOException {
    ByteBuffer existing = read(0, (int) size);
    if (!ByteBuffer.wrap(MAGIC, 0, (int) size).equals(existing)) {
      throw new ProvisioningJournalException("file " + file + " is not a provisioning journal");
    }
    channel.truncate(0);
    ByteBuffer header = ByteBuffer.wrap(MAGIC);
    long position = 0;
    while (header.hasRemaining()) {
      position += channel.write(header, position);
    }
    channel.force(true);
    DurableFiles.syncDirectory(DurableFiles.parentOf(file));
  }

  private static boolean isHeader(ByteBuffer header) {
    return header.remaining() == HEADER && ByteBuffer.wrap(MAGIC).equals(header);
  }

  private ByteBuffer read(long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        break;
      }
    }
    return buffer.flip();
  }

  private static int crc(ByteBuffer bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  private static void closeQuietly(FileChannel channel, Exception failure) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
