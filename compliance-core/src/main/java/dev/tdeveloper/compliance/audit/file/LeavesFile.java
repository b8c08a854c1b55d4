package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * {@code leaves.hashes}: an 8-byte header {@code TDAUDLV1}, then the 32-byte leaf hash of every
 * entry ever appended, entry {@code i} at byte {@code 8 + 32 i}. Retention never cuts it, so the
 * Merkle tree and its proofs outlive the events. Reads are positional and thread-safe; writes come
 * from the sink's one writer.
 */
final class LeavesFile implements Closeable {
  static final String NAME = "leaves.hashes";
  static final int HEADER = 8;
  static final byte[] MAGIC = "TDAUDLV1".getBytes(StandardCharsets.US_ASCII);
  private static final int HASH = AuditRecord.HASH_LENGTH;
  private static final int CHUNK = 2048;

  private final Path file;
  private final FileChannel channel;
  private long count;

  private LeavesFile(Path file, FileChannel channel, long count) {
    this.file = file;
    this.channel = channel;
    this.count = count;
  }

  /** Opens (creating) the file for the sink, cutting a torn partial hash at its end. */
  static LeavesFile openForWriting(Path file) throws IOException {
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long size = channel.size();
      byte[] header = new byte[(int) Math.min(size, HEADER)];
      channel.read(ByteBuffer.wrap(header), 0);
      if (!Arrays.equals(header, Arrays.copyOf(MAGIC, header.length))) {
        throw new AuditLogCorruptException("is not an audit leaves file (bad header)", file, 0);
      }
      if (size < HEADER) {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(MAGIC), 0);
        channel.force(true);
        DurableFiles.syncDirectory(DurableFiles.parentOf(file));
        size = HEADER;
      }
      long whole = (size - HEADER) / HASH;
      if (HEADER + whole * HASH != size) {
        channel.truncate(HEADER + whole * HASH);
        channel.force(true);
      }
      return new LeavesFile(file, channel, whole);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Opens an existing file read-only, for the verifier; the count is what is there now. */
  static LeavesFile openForReading(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    long size = channel.size();
    byte[] header = new byte[HEADER];
    if (size < HEADER
        || channel.read(ByteBuffer.wrap(header), 0) != HEADER
        || !Arrays.equals(header, MAGIC)) {
      channel.close();
      throw new AuditLogCorruptException("is not an audit leaves file (bad header)", file, 0);
    }
    return new LeavesFile(file, channel, (size - HEADER) / HASH);
  }

  /** Returns whether {@code directory} holds a leaves file. */
  static boolean exists(Path directory) {
    return Files.exists(directory.resolve(NAME));
  }

  Path file() {
    return file;
  }

  /** Returns how many hashes the file holds (as far as this instance wrote or saw). */
  long count() {
    return count;
  }

  /** Appends {@code hashes} (a multiple of 32 bytes) to the operating system, unforced. */
  void append(ByteBuffer hashes) throws IOException {
    long added = hashes.remaining() / HASH;
    long position = HEADER + count * HASH;
    while (hashes.hasRemaining()) {
      position += channel.write(hashes, position);
    }
    count += added;
  }

  /** Cuts the file to {@code newCount} hashes and forces it. */
  void truncate(long newCount) throws IOException {
    channel.truncate(HEADER + newCount * HASH);
    channel.force(true);
    count = newCount;
  }

  /** Forces written hashes to the device. */
  void force() throws IOException {
    channel.force(false);
  }

  /** Returns the hash of entry {@code index}, which must be below {@link #count()}. */
  byte[] get(long index) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(HASH);
    readFully(buffer, HEADER + index * HASH);
    return buffer.array();
  }

  /** Hands the hashes of entries {@code [from, to)} to {@code consumer}, reusing one array. */
  void read(long from, long to, Consumer<byte[]> consumer) {
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK * HASH);
    byte[] hash = new byte[HASH];
    try {
      for (long at = from; at < to; ) {
        int n = (int) Math.min(CHUNK, to - at);
        buffer.clear().limit(n * HASH);
        readFully(buffer, HEADER + at * HASH);
        buffer.flip();
        for (int i = 0; i < n; i++) {
          buffer.get(hash);
          consumer.accept(hash);
        }
        at += n;
      }
    } catch (IOException e) {
      throw new ComplianceException("cannot read audit leaf hashes from " + file + ": " + e, e);
    }
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position);
      if (read < 0) {
        throw new IOException("unexpected end of " + file + " at byte " + position);
      }
      position += read;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
