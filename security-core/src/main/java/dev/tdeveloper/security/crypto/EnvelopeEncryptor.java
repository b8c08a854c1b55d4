package dev.tdeveloper.security.crypto;

import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Envelope encryption with AES-256-GCM (JCA): each ciphertext is sealed under a data key (DEK) that
 * travels in its header wrapped by the tenant's primary key encryption key version ({@link
 * KeyManager}). Ciphertexts are self-contained, so any instance sharing the key manager decrypts
 * them. The associated data binds the tenant and a caller context (a record id, a column name...):
 * a ciphertext opens only with the same tenant and context.
 *
 * <p>DEKs are cached per tenant and replaced after {@link
 * EnvelopeEncryptorBuilder#dataKeyMaximumUses} encryptions (default 2^24, far below GCM's 2^32
 * random-nonce limit) or {@link EnvelopeEncryptorBuilder#dataKeyMaximumAge}, and when the tenant's
 * primary KEK version changes. Disabled or destroyed KEK versions stop decrypting at once.
 *
 * <h2>Message format (version 0x01), big-endian</h2>
 *
 * <pre>
 * offset    size  field
 * 0         1     format version = 0x01
 * 1         4     key version: the KEK version that wraps the DEK
 * 5         8     key id: the DEK's random id
 * 13        2     L: length of the wrapped DEK (1 to 1024)
 * 15        L     wrapped DEK (the key manager's bytes; its AAD is the key id)
 * 15+L      12    nonce (random, 96 bits)
 * 27+L      n     AES-256-GCM ciphertext of the n-byte plaintext
 * 27+L+n    16    GCM tag
 * AAD = 0x01 | key id (8) | u8 tenant length | tenant id UTF-8 | context
 * </pre>
 *
 * <h2>Stream format (version 0x02)</h2>
 *
 * <pre>
 * 0..15+L         as above with format version = 0x02
 * 15+L      16    salt: stream key = HKDF-SHA256(DEK, salt, "tdev-stream-v1")
 * 31+L      7     nonce prefix (random)
 * 38+L      4     C: plaintext bytes per chunk (16 to 2^24)
 * 42+L      ...   chunks: GCM(stream key, nonce, AAD, C plaintext bytes) || tag(16); the last
 *                 chunk holds 0 to C bytes
 * chunk nonce = nonce prefix (7) | i32 chunk sequence number from 0 | u8 1 on the last chunk else 0
 * chunk AAD   = 0x02 | key id (8) | u8 tenant length | tenant | salt | nonce prefix | C | context
 * </pre>
 *
 * The sequence number and last-chunk flag in each nonce make a reordered, dropped, duplicated or
 * truncated chunk fail authentication. The key version and wrapped DEK are outside the data's AAD,
 * so {@link #rewrap} can move a ciphertext to the newest KEK version without touching its data.
 *
 * <p>Implementations are thread-safe; the streams they return are not. The default one draws
 * message nonces from a per-thread DRBG (NIST SP 800-90A Hash_DRBG, SHA-256) in blocks, and counts
 * data-key uses atomically: under any concurrency no data key serves more than its maximum uses or
 * encrypts past its maximum age.
 */
public interface EnvelopeEncryptor {
  /**
   * Encrypts {@code plaintext} for {@code tenant} in the message format.
   *
   * @param context bound to the ciphertext; the same bytes are needed to decrypt (may be empty)
   * @throws KeyUnavailableException if the tenant has no primary (newest, enabled) key version
   */
  byte[] encrypt(TenantId tenant, byte[] plaintext, byte[] context);

  /**
   * Decrypts a message-format ciphertext of {@code tenant}.
   *
   * @throws DecryptionException if the header is malformed (naming the field) or the ciphertext
   *     fails authentication (altered, another tenant or context)
   * @throws KeyUnavailableException if its key version is missing, disabled or destroyed
   */
  byte[] decrypt(TenantId tenant, byte[] ciphertext, byte[] context);

  /**
   * Returns a stream that encrypts what is written to it into {@code sink} in the stream format;
   * closing it writes the last chunk and closes {@code sink}. Not thread-safe.
   *
   * @throws KeyUnavailableException if the tenant has no primary key version
   * @throws IOException if the header cannot be written
   */
  OutputStream encryptingStream(TenantId tenant, byte[] context, OutputStream sink)
      throws IOException;

  /**
   * Returns a stream of the plaintext of the stream-format ciphertext read from {@code source}.
   * Each chunk is released only once authenticated; its reads throw {@link DecryptionException} for
   * a malformed, altered, reordered or truncated stream. Not thread-safe.
   *
   * @throws DecryptionException if the header is malformed or its key fails to unwrap
   * @throws KeyUnavailableException if its key version is missing, disabled or destroyed
   * @throws IOException if the header cannot be read
   */
  InputStream decryptingStream(TenantId tenant, byte[] context, InputStream source)
      throws IOException;

  /**
   * Returns {@code ciphertext} (either format) with its DEK rewrapped under the tenant's primary
   * key version; the data bytes are copied unchanged and never decrypted. A ciphertext already
   * under the primary version is returned as an equal copy.
   *
   * @throws DecryptionException if the header is malformed or its key fails to unwrap
   * @throws KeyUnavailableException if its key version is not usable or there is no primary one
   */
  byte[] rewrap(TenantId tenant, byte[] ciphertext);

  /** Returns the KEK version a ciphertext's DEK is wrapped under, read from its header. */
  int keyVersionOf(byte[] ciphertext);

  /** Returns a builder of an encryptor over {@code keys}. */
  static EnvelopeEncryptorBuilder builder(KeyManager keys) {
    return new EnvelopeEncryptorBuilder(keys);
  }
}
