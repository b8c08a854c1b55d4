package dev.tdeveloper.security.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through JCA with one cached {@link Cipher} and one {@link SecureRandom} per thread,
 * and the small sealed-box format the key stores use: {@code nonce(12) || ciphertext || tag(16)}.
 * Message nonces come from a per-thread NIST SP 800-90A DRBG in blocks ({@link #sealMessage}).
 * Stateless and thread-safe: all mutable state is confined to its thread.
 */
public final class Gcm {
  /** Key length in bytes: {@value}. */
  public static final int KEY_BYTES = 32;

  /** Nonce length in bytes (96 bits): {@value}. */
  public static final int NONCE_BYTES = 12;

  /** Authentication tag length in bytes (128 bits): {@value}. */
  public static final int TAG_BYTES = 16;

  private static final ThreadLocal<GcmThread> THREADS = ThreadLocal.withInitial(GcmThread::new);
  private static final ThreadLocal<SecureRandom> RANDOMS =
      ThreadLocal.withInitial(SecureRandom::new);

  private Gcm() {}

  static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no AES/GCM/NoPadding cipher", e);
    }
  }

  /** Returns this thread's cipher; initialise it before each use. */
  public static Cipher cipher() {
    return THREADS.get().cipher;
  }

  /** Fills {@code length} bytes of {@code bytes} from {@code offset} with random bytes. */
  public static void randomBytes(byte[] bytes, int offset, int length) {
    if (offset == 0 && length == bytes.length) {
      RANDOMS.get().nextBytes(bytes);
      return;
    }
    byte[] random = new byte[length];
    RANDOMS.get().nextBytes(random);
    System.arraycopy(random, 0, bytes, offset, length);
  }

  /** Returns a new random AES-256 key. */
  public static SecretKeySpec newKey() {
    byte[] raw = new byte[KEY_BYTES];
    RANDOMS.get().nextBytes(raw);
    return new SecretKeySpec(raw, "AES");
  }

  /**
   * Writes a fresh random nonce at {@code nonceOffset} of {@code out} and encrypts {@code
   * plaintext} right after it, with AAD {@code aad || context}: the message format's body. {@code
   * out} must hold exactly the nonce, the ciphertext and the tag from {@code nonceOffset}.
   */
  public static void sealMessage(
      SecretKey key, byte[] out, int nonceOffset, byte[] aad, byte[] context, byte[] plaintext) {
    GcmThread thread = THREADS.get();
    thread.nonce(out, nonceOffset);
    seal(thread, key, out, nonceOffset, aad, context, plaintext);
  }

  /**
   * Encrypts {@code plaintext} into {@code out} right after the 12-byte nonce already at {@code
   * nonceOffset}, with AAD {@code aad || context}: {@link #sealMessage} with a given nonce.
   */
  public static void sealInto(
      SecretKey key, byte[] out, int nonceOffset, byte[] aad, byte[] context, byte[] plaintext) {
    seal(THREADS.get(), key, out, nonceOffset, aad, context, plaintext);
  }

  private static void seal(
      GcmThread thread,
      SecretKey key,
      byte[] out,
      int nonceOffset,
      byte[] aad,
      byte[] context,
      byte[] plaintext) {
    try {
      Cipher cipher = thread.cipher;
      cipher.init(
          Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, out, nonceOffset, NONCE_BYTES));
      thread.updateAad(aad, context);
      cipher.doFinal(plaintext, 0, plaintext.length, out, nonceOffset + NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getName(), e);
    }
  }

  /**
   * Decrypts the body of {@code in} that starts with the nonce at {@code nonceOffset} and runs to
   * the end, with AAD {@code aad || context}.
   *
   * @throws AEADBadTagException if it fails authentication
   */
  public static byte[] openFrom(
      SecretKey key, byte[] in, int nonceOffset, byte[] aad, byte[] context)
      throws AEADBadTagException {
    try {
      GcmThread thread = THREADS.get();
      Cipher cipher = thread.cipher;
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, nonceOffset, NONCE_BYTES));
      thread.updateAad(aad, context);
      int body = nonceOffset + NONCE_BYTES;
      return cipher.doFinal(in, body, in.length - body);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed: " + e.getClass().getName(), e);
    }
  }

  /** Returns {@code nonce || ciphertext || tag} of {@code plaintext} under {@code key}. */
  public static byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
    byte[] out = new byte[NONCE_BYTES + plaintext.length + TAG_BYTES];
    randomBytes(out, 0, NONCE_BYTES);
    try {
      Cipher cipher = cipher();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, out, 0, NONCE_BYTES));
      cipher.updateAAD(aad);
      cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getName(), e);
    }
  }

  /**
   * Opens what {@link #seal} returned.
   *
   * @throws AEADBadTagException if it fails authentication or is too short
   */
  public static byte[] open(SecretKey key, byte[] sealed, byte[] aad) throws AEADBadTagException {
    if (sealed.length < NONCE_BYTES + TAG_BYTES) {
      throw new AEADBadTagException("sealed box too short");
    }
    try {
      Cipher cipher = cipher();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(aad);
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed: " + e.getClass().getName(), e);
    }
  }
}
