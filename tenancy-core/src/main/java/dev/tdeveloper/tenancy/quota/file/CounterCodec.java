package dev.tdeveloper.tenancy.quota.file;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Encodes counter values as records of {@link #LOG} and {@link #SNAPSHOT}: {@code [int length][int
 * CRC32C of payload][payload]}, all big-endian, framed by {@link RecordFormat}. The payload,
 * written with {@link DataOutputStream}, is: {@code byte version (1)}, {@code UTF tenant}, {@code
 * UTF resource}, {@code long windowStart epochSecond}, {@code int windowStart nano}, {@code long
 * value}, {@code long expiresAt epochSecond}, {@code int expiresAt nano}. The value is absolute
 * (not a delta), so replaying a record twice changes nothing. A payload is at most {@value
 * #MAX_PAYLOAD} bytes.
 *
 * <p>Stateless and thread-safe.
 */
final class CounterCodec {
  static final int MAX_PAYLOAD = 1024; // tenant and resource are at most 63 ASCII characters each

  /** The log's format: header {@code TDQL}, format 1. */
  static final RecordFormat LOG =
      RecordFormat.crc32c(new byte[] {'T', 'D', 'Q', 'L', 0, 0, 0, 1}, MAX_PAYLOAD);

  /** The snapshot's format: header {@code TDQS}, format 1, then a {@code long} record count. */
  static final RecordFormat SNAPSHOT =
      RecordFormat.crc32c(new byte[] {'T', 'D', 'Q', 'S', 0, 0, 0, 1}, MAX_PAYLOAD);

  /** Bytes before each payload: {@value}. */
  static final int FRAME_HEADER = RecordFormat.FRAME_HEADER;

  private static final byte VERSION = 1;

  private CounterCodec() {}

  /** A decoded record: the counter of {@code key} holds {@code counter}. */
  record Entry(QuotaKey key, Counter counter) {}

  /** Returns the log record saying that the counter of {@code key} now holds {@code counter}. */
  static byte[] frame(QuotaKey key, Counter counter) {
    return LOG.frame(encode(key, counter));
  }

  /** Returns the payload saying that the counter of {@code key} now holds {@code counter}. */
  static byte[] encode(QuotaKey key, Counter counter) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(key.tenant().value());
      out.writeUTF(key.resource());
      out.writeLong(key.windowStart().getEpochSecond());
      out.writeInt(key.windowStart().getNano());
      out.writeLong(counter.value());
      out.writeLong(counter.expiresAt().getEpochSecond());
      out.writeInt(counter.expiresAt().getNano());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a payload whose checksum matched.
   *
   * @throws IllegalArgumentException describing why the payload is not a valid record
   */
  static Entry decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unsupported record version " + version);
      }
      TenantId tenant = TenantId.of(in.readUTF());
      String resource = in.readUTF();
      Instant windowStart = Instant.ofEpochSecond(in.readLong(), in.readInt());
      long value = in.readLong();
      Instant expiresAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
      if (value < 0) {
        throw new IllegalArgumentException("negative counter value " + value);
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException(in.available() + " unexpected bytes after the record");
      }
      return new Entry(new QuotaKey(tenant, resource, windowStart), new Counter(value, expiresAt));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("undecodable counter record: " + e.getMessage(), e);
    }
  }
}
