package dev.tdeveloper.security.crypto.internal;

import dev.tdeveloper.security.crypto.DecryptionException;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.time.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * The {@link EnvelopeEncryptor} (see it for the formats). Unwrapped data keys live in {@link
 * DataKeys}; GCM and its per-thread cipher and nonces in {@link Gcm}. A message is built in one
 * exactly-sized array: the data key's precomputed header, then the nonce, ciphertext and tag
 * written in place. Thread-safe: its own state is final, the key caches are thread-safe and the
 * cipher is per thread.
 */
public final class DefaultEnvelopeEncryptor implements EnvelopeEncryptor {
  private final KeyManager keys;
  private final int chunkSize;
  private final DataKeys dataKeys;

  /** Creates an encryptor; use {@link EnvelopeEncryptor#builder}. */
  public DefaultEnvelopeEncryptor(
      KeyManager keys,
      Ticker ticker,
      long maxUses,
      Duration maxAge,
      int maximumCachedKeys,
      int chunkSize) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.chunkSize = chunkSize;
    this.dataKeys =
        new DataKeys(
            keys, Objects.requireNonNull(ticker, "ticker"), maxUses, maxAge, maximumCachedKeys);
  }

  @Override
  public byte[] encrypt(TenantId tenant, byte[] plaintext, byte[] context) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(context, "context");
    DataKey k = encryptionKey(tenant);
    int h = k.messageHeader.length;
    byte[] out = new byte[h + Gcm.NONCE_BYTES + plaintext.length + Gcm.TAG_BYTES];
    System.arraycopy(k.messageHeader, 0, out, 0, h);
    Gcm.sealMessage(k.key, out, h, k.messageAad, context, plaintext);
    return out;
  }

  @Override
  public byte[] decrypt(TenantId tenant, byte[] ciphertext, byte[] context) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(context, "context");
    DataKey recent = dataKeys.recentMessageKey(tenant, ciphertext);
    if (recent != null) {
      return open(tenant, recent, ciphertext, recent.messageHeader.length, context);
    }
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
    return open(tenant, decryptionKey(tenant, header, ciphertext), ciphertext, nonce, context);
  }

  private static byte[] open(
      TenantId tenant, DataKey k, byte[] ciphertext, int nonce, byte[] context) {
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
    KeyVersion primary = dataKeys.primary(tenant);
    if (header.keyVersion() == primary.version()) {
      return ciphertext.clone();
    }
    byte[] id = DataKeys.idAad(header.keyId());
    byte[] raw = dataKeys.unwrap(tenant, header, ciphertext);
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

  /** Returns an encryption key for {@code tenant}, counting one use. */
  DataKey encryptionKey(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return dataKeys.encryptionKey(tenant);
  }

  /** Returns the data key a ciphertext (or stream header) of {@code tenant} names. */
  DataKey decryptionKey(TenantId tenant, Header header, byte[] ciphertext) {
    return dataKeys.decryptionKey(tenant, header, ciphertext);
  }

  @Override
  public String toString() {
    return "EnvelopeEncryptor[" + keys + "]";
  }
}
