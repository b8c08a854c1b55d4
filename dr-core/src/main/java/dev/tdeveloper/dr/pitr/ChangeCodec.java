package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.spi.ChangeRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The binary form of a {@link ChangeRecord} in a journal segment: version byte, sequence, time
 * (seconds, nanos), source, path, then a kind byte (0 deleted, 1 written) and the content.
 * Stateless.
 */
final class ChangeCodec {
  private static final byte VERSION = 1;
  private static final byte DELETED = 0;
  private static final byte WRITTEN = 1;

  private ChangeCodec() {}

  static byte[] encode(ChangeRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeLong(record.sequence());
      out.writeLong(record.time().getEpochSecond());
      out.writeInt(record.time().getNano());
      writeText(out, record.source());
      writeText(out, record.path());
      Optional<byte[]> content = record.content();
      out.writeByte(content.isPresent() ? WRITTEN : DELETED);
      if (content.isPresent()) {
        out.writeInt(content.get().length);
        out.write(content.get());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Returns the record in {@code payload}.
   *
   * @throws IllegalArgumentException if the payload is not a record of this format
   */
  static ChangeRecord decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown record version " + version);
      }
      long sequence = in.readLong();
      Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
      String source = readText(in);
      String path = readText(in);
      byte kind = in.readByte();
      Optional<byte[]> content;
      if (kind == WRITTEN) {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
          throw new IllegalArgumentException("content length " + length + " is out of bounds");
        }
        content = Optional.of(in.readNBytes(length));
      } else if (kind == DELETED) {
        content = Optional.empty();
      } else {
        throw new IllegalArgumentException("unknown change kind " + kind);
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException(in.available() + " trailing bytes");
      }
      return new ChangeRecord(sequence, time, source, path, content);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a change record: " + e.getMessage(), e);
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readText(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("text length " + length + " is out of bounds");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
