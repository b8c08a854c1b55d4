package dev.tdeveloper.dr.crypto;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChunkCipher;
import dev.tdeveloper.tenancy.internal.Texts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default {@link ChunkCipher}: AES-256-GCM with a key per scope, derived from one {@link
 * MasterKey} by HKDF-SHA256 (salt {@code "dev.tdeveloper.dr chunk-key"}, info {@code "chunk-key v1
 * <scope key>"}), so one tenant's key opens nothing of another's.
 *
 * <p>Sealed format, {@value #OVERHEAD} bytes longer than the plaintext:
 *
 * <pre>
 * byte 0        format version, {@value #FORMAT_VERSION}
 * bytes 1..12   nonce: 96 random bits from a SecureRandom, new for every seal
 * bytes 13..    AES-GCM ciphertext followed by its 128-bit tag
 * </pre>
 *
 * The associated data is the format version, the scope key, a zero byte and the chunk id, so a
 * chunk moved to another scope or id, or re-labelled with another version, fails to open. Random
 * nonces keep the chance of a repeat below 2<sup>-32</sup> for the first 2<sup>32</sup> chunks of
 * one scope (NIST SP 800-38D); deduplication means a scope seals each distinct chunk once.
 *
 * <p>Thread-safe.
 */
public final class AesGcmChunkCipher implements ChunkCipher {
  /** The version byte that starts every sealed chunk: {@value}. */
  public static final byte FORMAT_VERSION = 1;

  /** Nonce length in bytes: {@value}. */
  public static final int NONCE_BYTES = 12;

  /** Authentication tag length in bytes: {@value}. */
  public static final int TAG_BYTES = 16;

  /** How many bytes sealing adds: {@value}. */
  public static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES;

  /** The longest chunk id accepted, in characters: {@value}. */
  public static final int MAX_CHUNK_ID_LENGTH = 256;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final byte[] SALT = "dev.tdeveloper.dr chunk-key".getBytes(StandardCharsets.UTF_8);

  private final MasterKey masterKey;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentMap<BackupScope, SecretKey> keys = new ConcurrentHashMap<>();

  private AesGcmChunkCipher(MasterKey masterKey) {
    this.masterKey = masterKey;
  }

  /** Returns a cipher whose scope keys derive from {@code masterKey}. */
  public static AesGcmChunkCipher create(MasterKey masterKey) {
    return new AesGcmChunkCipher(Objects.requireNonNull(masterKey, "masterKey"));
  }

  /** Returns the fingerprint of the master key, safe to log ({@link MasterKey#id()}). */
  public String keyId() {
    return masterKey.id();
  }

  /**
   * {@inheritDoc}
   *
   * @param chunkId usually the SHA-256 hex of the plaintext; any id of 1 to {@value
   *     #MAX_CHUNK_ID_LENGTH} characters is bound
   * @throws IllegalArgumentException if {@code chunkId} is empty or too long
   */
  @Override
  public byte[] seal(BackupScope scope, String chunkId, byte[] plain) {
    Objects.requireNonNull(scope, "scope");
    checkChunkId(chunkId);
    Objects.requireNonNull(plain, "plain");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, keyOf(scope), new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(associatedData(scope, chunkId));
      byte[] sealed = new byte[1 + NONCE_BYTES + cipher.getOutputSize(plain.length)];
      sealed[0] = FORMAT_VERSION;
      System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
      int written = cipher.doFinal(plain, 0, plain.length, sealed, 1 + NONCE_BYTES);
      return written == sealed.length - 1 - NONCE_BYTES
          ? sealed
          : Arrays.copyOf(sealed, 1 + NONCE_BYTES + written);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed on this JDK", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws ChunkCorruptException naming the scope and chunk if it does not authenticate
   */
  @Override
  public byte[] open(BackupScope scope, String chunkId, byte[] sealed) {
    Objects.requireNonNull(scope, "scope");
    checkChunkId(chunkId);
    Objects.requireNonNull(sealed, "sealed");
    if (sealed.length < OVERHEAD) {
      throw new ChunkCorruptException(
          scope,
          chunkId,
          "it is " + sealed.length + " bytes long, shorter than the " + OVERHEAD + " of a seal",
          null);
    }
    if (sealed[0] != FORMAT_VERSION) {
      throw new ChunkCorruptException(
          scope, chunkId, "unknown format version " + (sealed[0] & 0xff), null);
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          keyOf(scope),
          new GCMParameterSpec(TAG_BYTES * 8, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(associatedData(scope, chunkId));
      return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new ChunkCorruptException(
          scope, chunkId, "authentication failed (damaged, moved, or sealed with another key)", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed on this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "AesGcmChunkCipher[key=" + masterKey.id() + "]";
  }

  private SecretKey keyOf(BackupScope scope) {
    return keys.computeIfAbsent(
        scope,
        s -> {
          byte[] master = masterKey.material();
          byte[] info = ("chunk-key v1 " + s.key()).getBytes(StandardCharsets.UTF_8);
          byte[] key = Hkdf.derive(SALT, master, info, 32);
          try {
            return new SecretKeySpec(key, "AES");
          } finally {
            Arrays.fill(master, (byte) 0);
            Arrays.fill(key, (byte) 0);
          }
        });
  }

  private static byte[] associatedData(BackupScope scope, String chunkId) {
    byte[] scopeKey = scope.key().getBytes(StandardCharsets.UTF_8);
    byte[] id = chunkId.getBytes(StandardCharsets.UTF_8);
    byte[] aad = new byte[1 + scopeKey.length + 1 + id.length];
    aad[0] = FORMAT_VERSION;
    System.arraycopy(scopeKey, 0, aad, 1, scopeKey.length);
    System.arraycopy(id, 0, aad, 2 + scopeKey.length, id.length);
    return aad;
  }

  private static void checkChunkId(String chunkId) {
    Objects.requireNonNull(chunkId, "chunkId");
    if (chunkId.isEmpty() || chunkId.length() > MAX_CHUNK_ID_LENGTH) {
      throw new IllegalArgumentException(
          "invalid chunkId "
              + Texts.quote(chunkId)
              + " ("
              + chunkId.length()
              + " characters): expected 1 to "
              + MAX_CHUNK_ID_LENGTH);
    }
  }
}
