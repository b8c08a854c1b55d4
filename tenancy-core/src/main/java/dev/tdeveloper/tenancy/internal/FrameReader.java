package dev.tdeveloper.tenancy.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads the records of one {@link RecordFormat} file up to a limit, classifying the first damaged
 * record it meets: damage followed by no valid record is a <em>torn</em> tail (an interrupted
 * write, safe to cut off), damage followed by a valid record is <em>corruption</em> (cutting it
 * would drop acknowledged records).
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class FrameReader implements Closeable {
  /** What {@link #next()} found. */
  public enum Kind {
    /** A valid record. */
    RECORD,
    /** The end of the records, exactly at the limit. */
    END,
    /** Damage that no valid record follows. */
    TORN,
    /** Damage followed by a valid record. */
    CORRUPT
  }

  /**
   * One outcome of reading.
   *
   * @param kind what was found
   * @param offset where the record or damage starts in the file
   * @param payload the record's payload; null unless {@code kind} is {@code RECORD}
   * @param problem what the damage is; null unless damaged
   */
  public record Step(Kind kind, long offset, byte[] payload, String problem) {}

  private final RecordFormat format;
  private final FileChannel channel;
  private DataInputStream in;
  private final long limit;
  private long position;

  FrameReader(RecordFormat format, Path file, long limit) throws IOException {
    this.format = format;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 65536));
    this.limit = limit;
  }

  /** Checks the file header; returns null when valid, else the damage at offset 0. */
  public Step readHeader() throws IOException {
    if (limit < RecordFormat.HEADER) {
      return damage(0, "incomplete header (" + limit + " bytes)");
    }
    byte[] header = new byte[RecordFormat.HEADER];
    in.readFully(header);
    position = RecordFormat.HEADER;
    if (!Arrays.equals(header, format.header())) {
      return damage(0, "bad header " + hex(header));
    }
    return null;
  }

  /**
   * Reads the {@code bytes} bytes a format keeps between its header and its records (such as a
   * record count); returns them, or null if the file ends first. Call right after {@link
   * #readHeader()} found the header valid.
   */
  public ByteBuffer readHeaderExtension(int bytes) throws IOException {
    if (limit - position < bytes) {
      return null;
    }
    byte[] extension = new byte[bytes];
    in.readFully(extension);
    position += bytes;
    return ByteBuffer.wrap(extension);
  }

  /**
   * Continues reading at byte {@code offset}, which must be the start of a record the caller knows
   * of (from an index kept while writing or scanning): lets a reader reach a record in a large file
   * without reading every record before it. Call after {@link #readHeader()}.
   *
   * @throws IllegalArgumentException if {@code offset} lies before the records or past the limit
   */
  public void skipTo(long offset) throws IOException {
    if (offset < position || offset > limit) {
      throw new IllegalArgumentException(
          "cannot skip to byte "
              + offset
              + ": the records lie in ["
              + position
              + ", "
              + limit
              + "]");
    }
    channel.position(offset);
    in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 65536));
    position = offset;
  }

  /** Reads the next record, or reports the end or the first damage; stop after damage. */
  public Step next() throws IOException {
    long offset = position;
    long remaining = limit - offset;
    if (remaining == 0) {
      return new Step(Kind.END, offset, null, null);
    }
    if (remaining < RecordFormat.FRAME_HEADER) {
      return damage(offset, "incomplete record header (" + remaining + " bytes)");
    }
    int length = in.readInt();
    int checksum = in.readInt();
    if (length <= 0 || length > format.maxPayload()) {
      return damage(offset, "invalid record length " + length);
    }
    if (length > remaining - RecordFormat.FRAME_HEADER) {
      return damage(offset, "record of " + length + " bytes extends past the end of the file");
    }
    byte[] payload = new byte[length];
    in.readFully(payload);
    if (format.checksum(payload, 0, length) != checksum) {
      return damage(offset, "checksum mismatch in record of " + length + " bytes");
    }
    position = offset + RecordFormat.FRAME_HEADER + length;
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
    for (int p = 0; p + RecordFormat.FRAME_HEADER < filled; p++) {
      int length = buffer.getInt(p);
      if (length > 0
          && length <= format.maxPayload()
          && p + RecordFormat.FRAME_HEADER + length <= filled
          && buffer.getInt(p + 4)
              == format.checksum(bytes, p + RecordFormat.FRAME_HEADER, length)) {
        return from + p;
      }
    }
    return -1;
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
