package dev.tdeveloper.tenancy.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The framing shared by the append-only record files of the local stores: an 8-byte header (a magic
 * naming the format and its version), optionally a fixed-size extension the format defines (such as
 * a record count, see {@link FrameReader#readHeaderExtension}), then records {@code [int
 * length][int checksum of payload][payload]}, big-endian, with {@code 0 < length <= maxPayload}.
 * {@link FrameReader} reads them back and tells a torn tail (an interrupted write) from corruption
 * (damage followed by a valid record).
 *
 * <p>Immutable and thread-safe.
 */
public final class RecordFormat {
  /** Bytes of the file header: {@value}. */
  public static final int HEADER = 8;

  /** Bytes before each payload (length and checksum): {@value}. */
  public static final int FRAME_HEADER = 8;

  private final byte[] magic;
  private final int maxPayload;
  private final Supplier<Checksum> checksums;

  private RecordFormat(byte[] magic, int maxPayload, Supplier<Checksum> checksums) {
    if (magic.length != HEADER) {
      throw new IllegalArgumentException("magic must be " + HEADER + " bytes, was " + magic.length);
    }
    if (maxPayload <= 0) {
      throw new IllegalArgumentException("maxPayload must be positive, was " + maxPayload);
    }
    this.magic = magic.clone();
    this.maxPayload = maxPayload;
    this.checksums = checksums;
  }

  /** Returns a format whose payloads are checked with CRC32C (the choice for new formats). */
  public static RecordFormat crc32c(byte[] magic, int maxPayload) {
    return new RecordFormat(Objects.requireNonNull(magic, "magic"), maxPayload, CRC32C::new);
  }

  /** Returns a format whose payloads are checked with CRC32 (formats that started with it). */
  public static RecordFormat crc32(byte[] magic, int maxPayload) {
    return new RecordFormat(Objects.requireNonNull(magic, "magic"), maxPayload, CRC32::new);
  }

  /** Returns the largest payload, in bytes. */
  public int maxPayload() {
    return maxPayload;
  }

  /** Returns a copy of the file header. */
  public byte[] header() {
    return magic.clone();
  }

  /** Returns whether {@code bytes} (possibly fewer than {@link #HEADER}) start the header. */
  public boolean isHeaderPrefix(byte[] bytes) {
    return bytes.length <= HEADER && Arrays.equals(bytes, Arrays.copyOf(magic, bytes.length));
  }

  /**
   * Returns the framed record of {@code payload}.
   *
   * @throws IllegalArgumentException if the payload is empty or longer than {@link #maxPayload()}
   */
  public byte[] frame(byte[] payload) {
    if (payload.length == 0 || payload.length > maxPayload) {
      throw new IllegalArgumentException(
          "record payload is " + payload.length + " bytes; 1 to " + maxPayload + " allowed");
    }
    ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + payload.length);
    frame.putInt(payload.length).putInt(checksum(payload, 0, payload.length)).put(payload);
    return frame.array();
  }

  /** Returns the checksum of {@code length} bytes of {@code bytes} from {@code offset}. */
  public int checksum(byte[] bytes, int offset, int length) {
    Checksum checksum = checksums.get();
    checksum.update(bytes, offset, length);
    return (int) checksum.getValue();
  }

  /**
   * Opens a reader of the records of {@code file} up to byte {@code limit}; close it.
   *
   * @throws IOException if the file cannot be opened
   */
  public FrameReader reader(Path file, long limit) throws IOException {
    return new FrameReader(this, file, limit);
  }
}
