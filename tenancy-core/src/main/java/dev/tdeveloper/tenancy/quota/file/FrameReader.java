package dev.tdeveloper.tenancy.quota.file;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the framed records of one log or snapshot file after its header, classifying the first
 * damaged record it meets: damage followed by no valid record is a <em>torn</em> tail (an
 * interrupted write), damage followed by a valid record is <em>corruption</em>.
 *
 * <p>Not thread-safe: one reader per thread.
 */
final class FrameReader implements Closeable {
  /** What {@link #next()} found. */
  enum Kind {
    RECORD,
    END,
    TORN,
    CORRUPT
  }

  /** One outcome: a record's payload, the end, or damage at {@code offset}. */
  record Step(Kind kind, long offset, byte[] payload, String problem) {}

  private final FileChannel channel;
  private final DataInputStream in;
  private final long limit;
  private long position;

  FrameReader(Path file, long limit) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 65536));
    this.limit = limit;
  }

  /** Reads the file's first {@code bytes} bytes; returns null if the file is shorter. */
  ByteBuffer header(int bytes) throws IOException {
    if (limit < bytes) {
      return null;
    }
    byte[] header = new byte[bytes];
    in.readFully(header);
    position = bytes;
    return ByteBuffer.wrap(header);
  }

  /** Reads the next record, or reports the end or the first damage; stop after damage. */
  Step next() throws IOException {
    long offset = position;
    long remaining = limit - offset;
    if (remaining == 0) {
      return new Step(Kind.END, offset, null, null);
    }
    if (remaining < CounterCodec.FRAME_HEADER) {
      return damage(offset, "incomplete record header (" + remaining + " bytes)");
    }
    int length = in.readInt();
    int checksum = in.readInt();
    if (length <= 0 || length > CounterCodec.MAX_PAYLOAD) {
      return damage(offset, "invalid record length " + length);
    }
    if (length > remaining - CounterCodec.FRAME_HEADER) {
      return damage(offset, "record of " + length + " bytes extends past the end of the file");
    }
    byte[] payload = new byte[length];
    in.readFully(payload);
    if (CounterCodec.checksum(payload, 0, length) != checksum) {
      return damage(offset, "checksum mismatch in record of " + length + " bytes");
    }
    position = offset + CounterCodec.FRAME_HEADER + length;
    return new Step(Kind.RECORD, offset, payload, null);
  }

  private Step damage(long offset, String problem) throws IOException {
    long valid = validRecordAfter(offset);
    if (valid < 0) {
      return new Step(Kind.TORN, offset, null, problem);
    }
    return new Step(
        Kind.CORRUPT, offset, null, problem + ", followed by a valid record at offset " + valid);
  }

  /** Returns the offset of the first valid framed record starting after {@code offset}, or -1. */
  private long validRecordAfter(long offset) throws IOException {
    long from = offset + 1;
    int size = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, limit - from));
    ByteBuffer buffer = ByteBuffer.allocate(size);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, from + buffer.position()) < 0) {
        break;
      }
    }
    byte[] bytes = buffer.array();
    int filled = buffer.position();
    for (int p = 0; p + CounterCodec.FRAME_HEADER < filled; p++) {
      int length = buffer.getInt(p);
      if (length > 0
          && length <= CounterCodec.MAX_PAYLOAD
          && p + CounterCodec.FRAME_HEADER + length <= filled
          && buffer.getInt(p + 4)
              == CounterCodec.checksum(bytes, p + CounterCodec.FRAME_HEADER, length)) {
        return from + p;
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
