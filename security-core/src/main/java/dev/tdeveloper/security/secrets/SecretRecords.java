package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The plain (before sealing) records of {@link LocalSecretStore}'s journal: a version put, a label
 * move, or the key check written first so that a wrong master key is detected even on a store with
 * no secret. A platform secret's scope is written as the empty string (tenant ids are never empty).
 * Stateless.
 */
final class SecretRecords {
  private static final byte KEY_CHECK = 0;
  private static final byte PUT = 1;
  private static final byte MOVE = 2;
  private static final String KEY_CHECK_TEXT = "dev.tdeveloper secret store key check";

  /** A decoded record. */
  sealed interface Decoded {}

  /** The key check record. */
  record KeyCheck() implements Decoded {}

  /** A version put; {@code value} is the caller's to wipe. */
  record Put(SecretName name, String versionId, Instant created, byte[] value) implements Decoded {}

  /** A label move. */
  record Move(SecretName name, SecretLabel label, Optional<String> target) implements Decoded {}

  private SecretRecords() {}

  /** A byte sink whose buffer can be wiped. */
  private static final class WipingBuffer extends ByteArrayOutputStream {
    byte[] takeAndWipe() {
      byte[] out = toByteArray();
      Arrays.fill(buf, (byte) 0);
      return out;
    }
  }

  static byte[] keyCheck() {
    WipingBuffer buffer = new WipingBuffer();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(KEY_CHECK);
      out.writeUTF(KEY_CHECK_TEXT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.takeAndWipe();
  }

  static byte[] put(SecretName name, String versionId, Instant created, byte[] value) {
    WipingBuffer buffer = new WipingBuffer();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(PUT);
      writeName(out, name);
      out.writeUTF(versionId);
      out.writeLong(created.getEpochSecond());
      out.writeInt(created.getNano());
      out.writeInt(value.length);
      out.write(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.takeAndWipe();
  }

  static byte[] move(SecretName name, SecretLabel label, Optional<String> target) {
    WipingBuffer buffer = new WipingBuffer();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(MOVE);
      writeName(out, name);
      out.writeUTF(label.name());
      out.writeUTF(target.orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.takeAndWipe();
  }

  /**
   * Decodes a record.
   *
   * @throws IllegalArgumentException if the bytes are not a record (the message names no value)
   */
  static Decoded decode(byte[] plain) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
      byte type = in.readByte();
      Decoded decoded =
          switch (type) {
            case KEY_CHECK -> {
              if (!in.readUTF().equals(KEY_CHECK_TEXT)) {
                throw new IllegalArgumentException("bad key check record");
              }
              yield new KeyCheck();
            }
            case PUT -> {
              SecretName name = readName(in);
              String versionId = in.readUTF();
              Instant created = Instant.ofEpochSecond(in.readLong(), in.readInt());
              byte[] value = new byte[in.readInt()];
              in.readFully(value);
              yield new Put(name, versionId, created, value);
            }
            case MOVE -> {
              SecretName name = readName(in);
              SecretLabel label = SecretLabel.valueOf(in.readUTF());
              String target = in.readUTF();
              yield new Move(
                  name, label, target.isEmpty() ? Optional.empty() : Optional.of(target));
            }
            default -> throw new IllegalArgumentException("unknown record type " + type);
          };
      if (in.available() > 0) {
        throw new IllegalArgumentException("trailing bytes after a record of type " + type);
      }
      return decoded;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated record", e);
    }
  }

  private static void writeName(DataOutputStream out, SecretName name) throws IOException {
    out.writeUTF(name.tenant().map(TenantId::value).orElse(""));
    out.writeUTF(name.name());
  }

  private static SecretName readName(DataInputStream in) throws IOException {
    String tenant = in.readUTF();
    String name = in.readUTF();
    return tenant.isEmpty() ? SecretName.platform(name) : SecretName.of(TenantId.of(tenant), name);
  }
}
