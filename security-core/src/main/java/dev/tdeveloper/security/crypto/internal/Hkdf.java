package dev.tdeveloper.security.crypto.internal;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF-SHA256 (RFC 5869) for one 32-byte output block. Stateless and thread-safe. */
final class Hkdf {
  private Hkdf() {}

  /** Returns 32 bytes of HKDF-SHA256 output. */
  static byte[] sha256(byte[] ikm, byte[] salt, byte[] info) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] prk = mac.doFinal(ikm);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(info);
      mac.update((byte) 1);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable: " + e.getClass().getName(), e);
    }
  }
}
