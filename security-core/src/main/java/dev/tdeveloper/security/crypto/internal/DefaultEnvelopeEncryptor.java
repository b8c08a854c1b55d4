package dev.tdeveloper.security.crypto.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tdeveloper.security.crypto.DecryptionException;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.security.spi.KeyUnwrapException;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.time.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@link EnvelopeEncryptor} (see it for the formats). Two Caffeine caches hold unwrapped data
 * keys: one per tenant for encryption (bounded by uses, age and primary version), one by key id for
 * decryption (bounded by size and age; a hit must match tenant, key version and wrapped bytes, and
 * the key version must still be enabled). Thread-safe.
 */
public final class DefaultEnvelopeEncryptor implements EnvelopeEncryptor {
  private final KeyManager keys;
  private final Ticker ticker;
  private final long maxUses;
  private final long maxAgeNanos;
  private final int chunkSize;
  private final Cache<TenantId, DataKey> encryptionKeys;
  private final Cache<Long, DataKey> decryptionKeys;

  /** Creates an encryptor; use {@link EnvelopeEncryptor#builder}. */
  public DefaultEnvelopeEncryptor(
      KeyManager keys,
      Ticker ticker,
      long maxUses,
      Duration maxAge,
      int maximumCachedKeys,
      int chunkSize) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.maxUses = maxUses;
    this.maxAgeNanos = maxAge.toNanos();
    this.chunkSize = chunkSize;
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

  @Override
  public byte[] encrypt(TenantId tenant, byte[] plaintext, byte[] context) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(context, "context");
    DataKey k = encryptionKey(tenant);
    int h = k.messageHeader.length;
    byte[] out = new byte[h + Gcm.NONCE_BYTES + plaintext.length + Gcm.TAG_BYTES];
    System.arraycopy(k.messageHeader, 0, out, 0, h);
    Gcm.randomBytes(out, h, Gcm.NONCE_BYTES);
    Gcm.sealInto(k.key, out, h, k.messageAad, context, plaintext);
    return out;
  }

  @Override
  public byte[] decrypt(TenantId tenant, byte[] ciphertext, byte[] context) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(context, "context");
    Header header = Header.parse(ciphertext, ciphertext.length, ciphertext.length);
    if (header.format() != Header.MESSAGE) {
      throw new DecryptionException(
          "ciphertext has format version 0x02 (stream); decrypt it with decryptingStream");
    }
    int nonce = header.end();
    int minimum = nonce + Gcm.NONCE_BYTES + Gcm.TAG_BYTES;
    if (ciphertext.length < minimum) {
      throw new DecryptionException(
          "ciphertext is "
              + ciphertext.length
              + " bytes; with its "
              + header.end()
              + "-byte header it needs at least "
              + minimum
              + " (12-byte nonce, 16-byte tag)");
    }
    DataKey k = decryptionKey(tenant, header, ciphertext);
    try {
      return Gcm.openFrom(k.key, ciphertext, nonce, k.messageAad, context);
    } catch (AEADBadTagException e) {
      throw new DecryptionException(
          "ciphertext of tenant "
              + tenant.value()
              + " failed authentication: it was altered, or"
              + " is presented with another tenant or context than it was sealed with");
    }
  }

  @Override
  public OutputStream encryptingStream(TenantId tenant, byte[] context, OutputStream sink)
      throws IOException {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(sink, "sink");
    return new EncryptingStream(encryptionKey(tenant), context, sink, chunkSize);
  }

  @Override
  public InputStream decryptingStream(TenantId tenant, byte[] context, InputStream source)
      throws IOException {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(source, "source");
    return DecryptingStream.open(this, tenant, context, source);
  }

  @Override
  public byte[] rewrap(TenantId tenant, byte[] ciphertext) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ciphertext, "ciphertext");
    Header header = Header.parse(ciphertext, ciphertext.length, ciphertext.length);
    KeyVersion primary = primary(tenant);
    if (header.keyVersion() == primary.version()) {
      return ciphertext.clone();
    }
    byte[] id = idAad(header.keyId());
    byte[] raw = unwrap(tenant, header, ciphertext);
    try {
      byte[] wrapped = keys.wrap(tenant, primary.version(), raw, id);
      int rest = ciphertext.length - header.end();
      byte[] out = Header.write(header.format(), primary.version(), header.keyId(), wrapped, rest);
      System.arraycopy(ciphertext, header.end(), out, Header.FIXED + wrapped.length, rest);
      return out;
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  @Override
  public int keyVersionOf(byte[] ciphertext) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    return Header.parse(ciphertext, ciphertext.length, ciphertext.length).keyVersion();
  }

  private KeyVersion primary(TenantId tenant) {
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
    Objects.requireNonNull(tenant, "tenant");
    int version = primary(tenant).version();
    DataKey k = encryptionKeys.getIfPresent(tenant);
    if (k != null && k.keyVersion == version && k.tryUse(maxUses, ticker.read(), maxAgeNanos)) {
      return k;
    }
    return encryptionKeys
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

  /** Returns the data key a ciphertext (or stream header) of {@code tenant} names. */
  DataKey decryptionKey(TenantId tenant, Header header, byte[] ciphertext) {
    DataKey k = decryptionKeys.getIfPresent(header.keyId());
    if (k != null && k.matches(tenant, header, ciphertext)) {
      KeyState state =
          keys.version(tenant, header.keyVersion()).map(KeyVersion::state).orElse(null);
      if (state == KeyState.ENABLED) {
        return k;
      }
      decryptionKeys.invalidate(header.keyId());
      encryptionKeys.invalidate(tenant);
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
    return k;
  }

  private byte[] unwrap(TenantId tenant, Header header, byte[] ciphertext) {
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

  private static byte[] idAad(long id) {
    return ByteBuffer.allocate(8).putLong(id).array();
  }

  @Override
  public String toString() {
    return "EnvelopeEncryptor[" + keys + "]";
  }
}
