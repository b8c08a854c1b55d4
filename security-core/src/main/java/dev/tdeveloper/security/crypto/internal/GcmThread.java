package dev.tdeveloper.security.crypto.internal;

import java.security.DrbgParameters;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * What one thread keeps for {@link Gcm}: its cipher, a block of random message nonces and a small
 * AAD buffer. Held in a {@link ThreadLocal}, so confined to its thread; not thread-safe.
 *
 * <p>Nonces come from the thread's own DRBG (NIST SP 800-90A Hash_DRBG, SHA-256, 256-bit strength,
 * seeded from the JDK's entropy source) {@value #NONCES_PER_BLOCK} at a time: a DRBG call costs
 * about as much as 30 nonces' worth of output, so drawing a block cuts the nonce's cost several
 * times while each nonce is still 96 fresh random bits. A nonce is wiped from the block once handed
 * out, so none is handed out twice.
 */
final class GcmThread {
  /** Nonces drawn per DRBG call: {@value} (384 bytes). */
  static final int NONCES_PER_BLOCK = 32;

  /** Longest {@code prefix || context} copied into the AAD buffer; longer ones go in two calls. */
  private static final int AAD_BUFFER_LIMIT = 256;

  final Cipher cipher = Gcm.newCipher();
  private final SecureRandom random = newDrbg();
  private final byte[] nonces = new byte[NONCES_PER_BLOCK * Gcm.NONCE_BYTES];
  private int next = nonces.length;
  private byte[] aad = new byte[64];

  private static SecureRandom newDrbg() {
    try {
      return SecureRandom.getInstance(
          "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.NONE, null));
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /** Writes the next random 96-bit nonce at {@code offset} of {@code out}. */
  void nonce(byte[] out, int offset) {
    if (next == nonces.length) {
      random.nextBytes(nonces);
      next = 0;
    }
    System.arraycopy(nonces, next, out, offset, Gcm.NONCE_BYTES);
    Arrays.fill(nonces, next, next + Gcm.NONCE_BYTES, (byte) 0);
    next += Gcm.NONCE_BYTES;
  }

  /** Passes {@code prefix || context} to the cipher as its AAD, in one call when short. */
  void updateAad(byte[] prefix, byte[] context) throws GeneralSecurityException {
    int length = prefix.length + context.length;
    if (length > AAD_BUFFER_LIMIT) {
      cipher.updateAAD(prefix);
      cipher.updateAAD(context);
      return;
    }
    if (aad.length < length) {
      aad = new byte[AAD_BUFFER_LIMIT];
    }
    System.arraycopy(prefix, 0, aad, 0, prefix.length);
    System.arraycopy(context, 0, aad, prefix.length, context.length);
    cipher.updateAAD(aad, 0, length);
  }
}
