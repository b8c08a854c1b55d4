package dev.tdeveloper.security.crypto.internal;

import dev.tdeveloper.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * An unwrapped data key in the encryptor's caches, with what every message under it repeats: the
 * message header and the AAD prefix {@code u8 format | i64 key id | u8 tenant length | tenant}.
 * Counts its uses. Thread-safe.
 */
final class DataKey {
  final TenantId tenant;
  final int keyVersion;
  final long id;
  final SecretKeySpec key;
  final byte[] wrapped;
  final long createdNanos;
  final byte[] messageHeader;
  final byte[] messageAad;
  private final AtomicLong uses = new AtomicLong();

  DataKey(TenantId tenant, int keyVersion, long id, SecretKeySpec key, byte[] wrapped, long now) {
    this.tenant = tenant;
    this.keyVersion = keyVersion;
    this.id = id;
    this.key = key;
    this.wrapped = wrapped;
    this.createdNanos = now;
    this.messageHeader = Header.write(Header.MESSAGE, keyVersion, id, wrapped, 0);
    this.messageAad = aadPrefix(Header.MESSAGE, id, tenant, 0).array();
  }

  /** Returns the AAD prefix for {@code format} with {@code extra} bytes of room after it. */
  static ByteBuffer aadPrefix(byte format, long id, TenantId tenant, int extra) {
    byte[] t = tenant.value().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(10 + t.length + extra)
        .put(format)
        .putLong(id)
        .put((byte) t.length)
        .put(t);
  }

  /** Counts one use; returns whether the key may still encrypt (within its uses and age). */
  boolean tryUse(long maxUses, long now, long maxAgeNanos) {
    return now - createdNanos < maxAgeNanos && uses.incrementAndGet() <= maxUses;
  }

  /** Returns whether this key is the one a ciphertext of {@code tenant} names. */
  boolean matches(TenantId tenant, Header header, byte[] ciphertext) {
    return (this.tenant == tenant || this.tenant.equals(tenant))
        && keyVersion == header.keyVersion()
        && wrapped.length == header.wrappedLength()
        && Arrays.equals(
            wrapped, 0, wrapped.length, ciphertext, Header.FIXED, Header.FIXED + wrapped.length);
  }

  /** Returns {@code DataKey[tenant, version, id]}; never the key. */
  @Override
  public String toString() {
    return "DataKey[" + tenant.value() + ", key version " + keyVersion + ", id " + id + "]";
  }
}
