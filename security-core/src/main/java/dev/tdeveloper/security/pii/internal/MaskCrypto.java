package dev.tdeveloper.security.pii.internal;

import dev.tdeveloper.security.SecurityCoreException;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The JCA operations of the keyed strategies: HMAC-SHA256 pseudonyms and AES-256-GCM with a random
 * 96-bit nonce, a 128-bit tag and the tenant as associated data (so a ciphertext moved to another
 * tenant fails to decrypt even under the same key). Thread-safe: JCA objects are made per call.
 */
public final class MaskCrypto {
  /** The prefix of an encrypted value. */
  public static final String ENCRYPTED_PREFIX = "enc:";

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private MaskCrypto() {}

  /** Returns the first 16 hex digits of HMAC-SHA256 of {@code label:value} under {@code key}. */
  public static String pseudonym(SecretKey key, String label, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(label.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) ':');
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new SecurityCoreException("cannot compute a pseudonym: " + e.getMessage(), e);
    }
  }

  /** Returns {@code enc:} and the base64url nonce and ciphertext of {@code value}. */
  public static String encrypt(SecretKey key, TenantId tenant, String value) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(tenant));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return ENCRYPTED_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new SecurityCoreException("cannot encrypt a PII value: " + e.getMessage(), e);
    }
  }

  /** Decrypts what {@link #encrypt} returned for {@code tenant}; empty if it is not that. */
  public static Optional<String> decrypt(SecretKey key, TenantId tenant, String masked) {
    if (!masked.startsWith(ENCRYPTED_PREFIX)) {
      return Optional.empty();
    }
    byte[] in;
    try {
      in = Base64.getUrlDecoder().decode(masked.substring(ENCRYPTED_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (in.length < NONCE_BYTES + TAG_BITS / 8) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(aad(tenant));
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new SecurityCoreException("cannot decrypt a PII value: " + e.getMessage(), e);
    }
  }

  private static byte[] aad(TenantId tenant) {
    return ("tdeveloper-pii/v1/" + tenant.value()).getBytes(StandardCharsets.UTF_8);
  }
}
