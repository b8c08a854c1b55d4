package dev.tdeveloper.security.crypto.internal;

import dev.tdeveloper.security.crypto.DecryptionException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chunked stream format's key, AAD and nonces (see {@code EnvelopeEncryptor}), shared by the
 * encrypting and decrypting streams. Not thread-safe: one per stream.
 */
final class Chunks {
  static final int SALT = 16;
  static final int PREFIX = 7;

  /** Stream header bytes after the wrapped key: salt, nonce prefix, chunk size. */
  static final int TAIL = SALT + PREFIX + 4;

  private static final byte[] INFO = "tdev-stream-v1".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;
  private final byte[] aad;
  private final byte[] nonce = new byte[Gcm.NONCE_BYTES];
  private long sequence;

  /** Derives the stream's key and AAD; {@code tail} holds salt, nonce prefix and chunk size. */
  Chunks(DataKey dataKey, byte[] tail, byte[] context) {
    byte[] raw = dataKey.key.getEncoded();
    byte[] derived = Hkdf.sha256(raw, Arrays.copyOf(tail, SALT), INFO);
    this.key = new SecretKeySpec(derived, "AES");
    Arrays.fill(raw, (byte) 0);
    Arrays.fill(derived, (byte) 0);
    this.aad =
        DataKey.aadPrefix(Header.STREAM, dataKey.id, dataKey.tenant, TAIL + context.length)
            .put(tail)
            .put(context)
            .array();
    System.arraycopy(tail, SALT, nonce, 0, PREFIX);
  }

  /** Returns a new random header tail for {@code chunkSize}. */
  static byte[] newTail(int chunkSize) {
    byte[] tail = new byte[TAIL];
    Gcm.randomBytes(tail, 0, SALT + PREFIX);
    ByteBuffer.wrap(tail, SALT + PREFIX, 4).putInt(chunkSize);
    return tail;
  }

  /** Returns the number of the next chunk. */
  long sequence() {
    return sequence;
  }

  /** Seals or opens the next chunk ({@code last} if it is the final one) and counts it. */
  byte[] next(int mode, byte[] in, int offset, int length, boolean last) {
    if (sequence > 0xFFFF_FFFFL) {
      throw new DecryptionException("a stream holds at most 2^32 chunks");
    }
    ByteBuffer.wrap(nonce, PREFIX, 5).putInt((int) sequence).put((byte) (last ? 1 : 0));
    try {
      Cipher cipher = Gcm.cipher();
      cipher.init(mode, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(aad);
      byte[] out = cipher.doFinal(in, offset, length);
      sequence++;
      return out;
    } catch (AEADBadTagException e) {
      throw new DecryptionException(
          "stream chunk "
              + sequence
              + (last ? " (the last one)" : "")
              + " failed authentication: the stream was altered, reordered or truncated, or is"
              + " read with another tenant or context than it was written with");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed: " + e.getClass().getName(), e);
    }
  }
}
