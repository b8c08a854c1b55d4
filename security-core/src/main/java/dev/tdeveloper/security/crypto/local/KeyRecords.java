package dev.tdeveloper.security.crypto.local;

import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The records of the local key store journal ({@link RecordFormat} framing, CRC32C), big-endian:
 *
 * <pre>
 * check   'M' | sealed(master, empty, "tdev-master-check")        28 bytes after the type
 * version 'K' | u8 tenant length | tenant UTF-8 | i32 version | u8 state
 *             | i64 created epoch second | i32 nano | u16 n | n bytes: the KEK sealed under the
 *               master key with AAD {@link #materialAad} (n = 0 once destroyed)
 * state   'S' | u8 tenant length | tenant UTF-8 | i32 version | u8 state
 * </pre>
 *
 * The first record is always the check record. Destroying a version rewrites the whole journal as
 * one check record and one 'K' record per version, so no sealed material of it stays in the file.
 */
final class KeyRecords {
  static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDVKEYS1".getBytes(StandardCharsets.US_ASCII), 4096);
  static final byte CHECK = 'M';
  static final byte VERSION = 'K';
  static final byte STATE = 'S';
  static final byte[] CHECK_AAD = "tdev-master-check-v1".getBytes(StandardCharsets.US_ASCII);

  private KeyRecords() {}

  /** A decoded 'K' record: the version and its sealed material (empty once destroyed). */
  record Version(KeyVersion version, byte[] sealed) {}

  /** A decoded 'S' record. */
  record State(TenantId tenant, int version, KeyState state) {}

  static byte[] check(byte[] sealed) {
    return ByteBuffer.allocate(1 + sealed.length).put(CHECK).put(sealed).array();
  }

  static byte[] version(KeyVersion v, byte[] sealed) {
    byte[] tenant = v.tenant().value().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + 1 + tenant.length + 4 + 1 + 8 + 4 + 2 + sealed.length)
        .put(VERSION)
        .put((byte) tenant.length)
        .put(tenant)
        .putInt(v.version())
        .put((byte) v.state().ordinal())
        .putLong(v.createdAt().getEpochSecond())
        .putInt(v.createdAt().getNano())
        .putShort((short) sealed.length)
        .put(sealed)
        .array();
  }

  static byte[] state(TenantId tenantId, int version, KeyState state) {
    byte[] tenant = tenantId.value().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + 1 + tenant.length + 4 + 1)
        .put(STATE)
        .put((byte) tenant.length)
        .put(tenant)
        .putInt(version)
        .put((byte) state.ordinal())
        .array();
  }

  /** Returns the AAD binding sealed KEK material to its tenant and version. */
  static byte[] materialAad(TenantId tenantId, int version) {
    byte[] tenant = tenantId.value().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(5 + tenant.length)
        .put((byte) tenant.length)
        .put(tenant)
        .putInt(version)
        .array();
  }

  /**
   * Decodes a record's payload into a {@code byte[]} (check), {@link Version} or {@link State}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static Object decode(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    try {
      byte type = in.get();
      if (type == CHECK) {
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        return sealed;
      }
      if (type != VERSION && type != STATE) {
        throw new IllegalArgumentException("unknown record type " + (type & 0xff));
      }
      byte[] tenantBytes = new byte[in.get() & 0xff];
      in.get(tenantBytes);
      TenantId tenant = TenantId.of(new String(tenantBytes, StandardCharsets.UTF_8));
      int version = in.getInt();
      KeyState state = stateOf(in.get());
      if (type == STATE) {
        requireEnd(in);
        return new State(tenant, version, state);
      }
      Instant created = Instant.ofEpochSecond(in.getLong(), in.getInt());
      byte[] sealed = new byte[in.getShort() & 0xffff];
      in.get(sealed);
      requireEnd(in);
      return new Version(new KeyVersion(tenant, version, state, created), sealed);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("record of " + payload.length + " bytes is cut short", e);
    }
  }

  private static KeyState stateOf(byte ordinal) {
    KeyState[] states = KeyState.values();
    if (ordinal < 0 || ordinal >= states.length) {
      throw new IllegalArgumentException("unknown key state " + ordinal);
    }
    return states[ordinal];
  }

  private static void requireEnd(ByteBuffer in) {
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the record");
    }
  }
}
