package dev.tdeveloper.dr.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): {@link #extract} concentrates the input key material into a
 * pseudorandom key, {@link #expand} stretches that into output keys bound to an {@code info} label.
 * Stateless and thread-safe.
 */
final class Hkdf {
  static final String HMAC = "HmacSHA256";
  static final int HASH_LENGTH = 32;

  private Hkdf() {}

  /** Returns {@code HMAC-SHA256(salt, ikm)}; an empty salt means 32 zero bytes (RFC 5869 2.2). */
  static byte[] extract(byte[] salt, byte[] ikm) {
    byte[] key = salt.length == 0 ? new byte[HASH_LENGTH] : salt;
    Mac mac = mac(key);
    return mac.doFinal(ikm);
  }

  /**
   * Returns {@code length} bytes of output keying material (RFC 5869 2.3).
   *
   * @throws IllegalArgumentException if {@code length} is not within 1 to 8160 (255 hashes)
   */
  static byte[] expand(byte[] prk, byte[] info, int length) {
    if (length < 1 || length > 255 * HASH_LENGTH) {
      throw new IllegalArgumentException(
          "invalid length " + length + ": expected 1 to " + 255 * HASH_LENGTH);
    }
    Mac mac = mac(prk);
    byte[] okm = new byte[length];
    byte[] previous = new byte[0];
    int written = 0;
    for (int counter = 1; written < length; counter++) {
      mac.update(previous);
      mac.update(info);
      mac.update((byte) counter);
      previous = mac.doFinal();
      int n = Math.min(previous.length, length - written);
      System.arraycopy(previous, 0, okm, written, n);
      written += n;
    }
    Arrays.fill(previous, (byte) 0);
    return okm;
  }

  /** Returns {@code expand(extract(salt, ikm), info, length)}. */
  static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
    byte[] prk = extract(salt, ikm);
    try {
      return expand(prk, info, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("unusable HMAC key: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + HMAC, e);
    }
  }
}
