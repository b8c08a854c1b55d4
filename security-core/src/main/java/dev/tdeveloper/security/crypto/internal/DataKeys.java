package dev.tdeveloper.security.crypto.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tdeveloper.security.crypto.DecryptionException;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.security.spi.KeyUnwrapException;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.time.Ticker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryptor's unwrapped data keys. Two Caffeine caches hold them: one per tenant for encryption
 * (bounded by uses, age and primary version), one by key id for decryption (bounded by size and
 * age; a hit must match tenant, key version and wrapped bytes, and the key version must still be
 * enabled). In front of each sits the key the last call used, so a run of calls for one tenant (or
 * one data key) skips the cache; it passes exactly the checks a cache hit does.
 *
 * <p>Thread-safe. A data key counts its uses with an atomic counter and serves an encryption only
 * if the increment stays within the maximum, so no key serves more than the maximum uses however
 * many threads race, through the front key or the cache. Its age is checked against one ticker read
 * per call. The front keys are plain references published with release semantics: a stale one only
 * costs a cache lookup, because every check is made on the key itself. They are written only when
 * they change, so threads working for one tenant share them without contention.
 */
final class DataKeys {
  private static final VarHandle RECENT_ENCRYPTION;
  private static final VarHandle RECENT_DECRYPTION;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      RECENT_ENCRYPTION = lookup.findVarHandle(DataKeys.class, "recentEncryption", DataKey.class);
      RECENT_DECRYPTION = lookup.findVarHandle(DataKeys.class, "recentDecryption", DataKey.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final KeyManager keys;
  private final Ticker ticker;
  private final long maxUses;
  private final long maxAgeNanos;
  private final Cache<TenantId, DataKey> encryptionKeys;
  private final Cache<Long, DataKey> decryptionKeys;

  @SuppressWarnings("unused") // through RECENT_ENCRYPTION
  private volatile DataKey recentEncryption;

  @SuppressWarnings("unused") // through RECENT_DECRYPTION
  private volatile DataKey recentDecryption;

  DataKeys(KeyManager keys, Ticker ticker, long maxUses, Duration maxAge, int maximumCachedKeys) {
    this.keys = keys;
    this.ticker = ticker;
    this.maxUses = maxUses;
    this.maxAgeNanos = maxAge.toNanos();
    this.encryptionKeys =
        Caffeine.newBuilder()
            .ticker(ticker::read)
            .expireAfterWrite(maxAge)
            .maximumSize(maximumCachedKeys)
            .build();
    this.decryptionKeys =
        Caffeine.newBuilder()
            .ticker(ticker::read)
            .expireAfterWrite(maxAge)
            .maximumSize(maximumCachedKeys)
            .build();
  }

  /** Returns the tenant's primary key version or throws saying there is none. */
  KeyVersion primary(TenantId tenant) {
    return keys.primary(tenant)
        .orElseThrow(
            () ->
                new KeyUnavailableException(
                    tenant,
                    0,
                    null,
                    "tenant "
                        + tenant.value()
                        + " has no enabled newest key"
                        + " version to encrypt with; rotate or enable its key"));
  }

  /** Returns an encryption key for {@code tenant}, counting one use. */
  DataKey encryptionKey(TenantId tenant) {
    int version = primary(tenant).version();
    DataKey recent = (DataKey) RECENT_ENCRYPTION.getAcquire(this);
    DataKey k = recent;
    if (k != null
        && (k.tenant == tenant || k.tenant.equals(tenant))
        && k.keyVersion == version
        && k.tryUse(maxUses, ticker.read(), maxAgeNanos)) {
      return k;
    }
    k = encryptionKeys.getIfPresent(tenant);
    if (k == null || k.keyVersion != version || !k.tryUse(maxUses, ticker.read(), maxAgeNanos)) {
      k =
          encryptionKeys
              .asMap()
              .compute(
                  tenant,
                  (t, old) ->
                      old != null
                              && old.keyVersion == version
                              && old.tryUse(maxUses, ticker.read(), maxAgeNanos)
                          ? old
                          : newDataKey(t, version));
    }
    if (k != recent) {
      RECENT_ENCRYPTION.setRelease(this, k);
    }
    return k;
  }

  private DataKey newDataKey(TenantId tenant, int version) {
    SecretKeySpec key = Gcm.newKey();
    byte[] idBytes = new byte[8];
    Gcm.randomBytes(idBytes, 0, 8);
    long id = ByteBuffer.wrap(idBytes).getLong();
    byte[] raw = key.getEncoded();
    byte[] wrapped = keys.wrap(tenant, version, raw, idBytes);
    Arrays.fill(raw, (byte) 0);
    DataKey k = new DataKey(tenant, version, id, key, wrapped, ticker.read());
    k.tryUse(maxUses, k.createdNanos, maxAgeNanos);
    decryptionKeys.put(id, k);
    return k;
  }

  /**
   * Returns the recent decryption key if {@code ciphertext} is a message of {@code tenant} under
   * it, with room for a nonce and a tag, the key is within its age and its key version enabled;
   * else null, and {@link #decryptionKey} decides (and explains a failure). Its header bytes must
   * equal the key's message header, which is what parsing it and {@link DataKey#matches} check.
   */
  DataKey recentMessageKey(TenantId tenant, byte[] ciphertext) {
    DataKey k = (DataKey) RECENT_DECRYPTION.getAcquire(this);
    if (k == null) {
      return null;
    }
    int h = k.messageHeader.length;
    return ciphertext.length >= h + Gcm.NONCE_BYTES + Gcm.TAG_BYTES
            && (k.tenant == tenant || k.tenant.equals(tenant))
            && Arrays.equals(ciphertext, 0, h, k.messageHeader, 0, h)
            && ticker.read() - k.createdNanos < maxAgeNanos
            && enabled(tenant, k.keyVersion)
        ? k
        : null;
  }

  private boolean enabled(TenantId tenant, int version) {
    return keys.version(tenant, version).map(KeyVersion::state).orElse(null) == KeyState.ENABLED;
  }

  /** Returns the data key a ciphertext (or stream header) of {@code tenant} names. */
  DataKey decryptionKey(TenantId tenant, Header header, byte[] ciphertext) {
    DataKey recent = (DataKey) RECENT_DECRYPTION.getAcquire(this);
    DataKey k = recent;
    if (k == null || k.id != header.keyId() || ticker.read() - k.createdNanos >= maxAgeNanos) {
      k = decryptionKeys.getIfPresent(header.keyId());
    }
    if (k != null && k.matches(tenant, header, ciphertext)) {
      if (enabled(tenant, header.keyVersion())) {
        if (k != recent) {
          RECENT_DECRYPTION.setRelease(this, k);
        }
        return k;
      }
      forget(k);
    }
    byte[] raw = unwrap(tenant, header, ciphertext);
    byte[] wrapped =
        Arrays.copyOfRange(ciphertext, Header.FIXED, Header.FIXED + header.wrappedLength());
    k =
        new DataKey(
            tenant,
            header.keyVersion(),
            header.keyId(),
            new SecretKeySpec(raw, "AES"),
            wrapped,
            ticker.read());
    Arrays.fill(raw, (byte) 0);
    decryptionKeys.put(header.keyId(), k);
    RECENT_DECRYPTION.setRelease(this, k);
    return k;
  }

  /** Drops a key whose KEK version is no longer enabled, and its tenant's encryption key. */
  private void forget(DataKey k) {
    decryptionKeys.invalidate(k.id);
    encryptionKeys.invalidate(k.tenant);
    RECENT_DECRYPTION.compareAndSet(this, k, null);
    DataKey recent = (DataKey) RECENT_ENCRYPTION.getAcquire(this);
    if (recent != null && recent.tenant.equals(k.tenant)) {
      RECENT_ENCRYPTION.compareAndSet(this, recent, null);
    }
  }

  /** Unwraps the data key in a ciphertext's header; the caller wipes the result. */
  byte[] unwrap(TenantId tenant, Header header, byte[] ciphertext) {
    byte[] wrapped =
        Arrays.copyOfRange(ciphertext, Header.FIXED, Header.FIXED + header.wrappedLength());
    byte[] raw;
    try {
      raw = keys.unwrap(tenant, header.keyVersion(), wrapped, idAad(header.keyId()));
    } catch (KeyUnwrapException e) {
      throw new DecryptionException(
          "the data key in the ciphertext header does not unwrap for tenant "
              + tenant.value()
              + " under key version "
              + header.keyVersion()
              + ": the header was altered or the ciphertext belongs to another tenant",
          e);
    }
    if (raw.length != Gcm.KEY_BYTES) {
      Arrays.fill(raw, (byte) 0);
      throw new DecryptionException("the unwrapped data key is not " + Gcm.KEY_BYTES + " bytes");
    }
    return raw;
  }

  /** Returns the 8-byte big-endian key id, the associated data its wrapped form is bound to. */
  static byte[] idAad(long id) {
    return ByteBuffer.allocate(8).putLong(id).array();
  }
}
