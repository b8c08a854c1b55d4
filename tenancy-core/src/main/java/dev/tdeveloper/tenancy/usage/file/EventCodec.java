package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes events as framed records of {@link #FORMAT}: {@code [int length][int CRC32C of
 * payload][payload]}, all big-endian, in segments whose 8-byte header is {@code TDUS} and format 1.
 * The payload, written with {@link DataOutputStream}, is: {@code byte version (1)}, {@code UTF
 * tenant}, {@code UTF meter}, {@code long value}, {@code long epochSecond}, {@code int nano},
 * {@code UTF idempotencyKey}, {@code byte dimensionCount}, then {@code UTF key, UTF value} per
 * dimension in key order. A payload is at most {@value #MAX_PAYLOAD} bytes.
 *
 * <p>Stateless and thread-safe.
 */
final class EventCodec {
  static final int MAX_PAYLOAD = 64 * 1024;
  static final RecordFormat FORMAT =
      RecordFormat.crc32c(new byte[] {'T', 'D', 'U', 'S', 0, 0, 0, 1}, MAX_PAYLOAD);
  private static final byte VERSION = 1;

  private EventCodec() {}

  /** Returns the framed record of {@code event}. */
  static byte[] frame(UsageEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(event.tenant().value());
      out.writeUTF(event.meter());
      out.writeLong(event.value());
      out.writeLong(event.timestamp().getEpochSecond());
      out.writeInt(event.timestamp().getNano());
      out.writeUTF(event.idempotencyKey());
      out.writeByte(event.dimensions().size());
      for (Map.Entry<String, String> dimension : event.dimensions().entrySet()) {
        out.writeUTF(dimension.getKey());
        out.writeUTF(dimension.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    return FORMAT.frame(bytes.toByteArray());
  }

  /**
   * Decodes a payload whose checksum matched.
   *
   * @throws IllegalArgumentException describing why the payload is not a valid event
   */
  static UsageEvent decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unsupported record version " + version);
      }
      TenantId tenant = TenantId.of(in.readUTF());
      String meter = in.readUTF();
      long value = in.readLong();
      Instant timestamp = Instant.ofEpochSecond(in.readLong(), in.readInt());
      String key = in.readUTF();
      int count = in.readUnsignedByte();
      Map<String, String> dimensions = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        dimensions.put(in.readUTF(), in.readUTF());
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException(in.available() + " unexpected bytes after the event");
      }
      return new UsageEvent(tenant, meter, value, timestamp, key, dimensions);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("undecodable event record: " + e.getMessage(), e);
    }
  }
}
