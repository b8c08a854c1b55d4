package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretStoreException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with plain JCA for the records of {@link LocalSecretStore}: each record is sealed
 * under the master key with a fresh random 96-bit nonce, {@code [nonce][ciphertext][128-bit tag]},
 * and authenticated with associated data naming the file format, so a record from another file
 * format does not open. (To be replaced by the suite's envelope encryptor once it exists.)
 *
 * <p>Thread-safe: a {@link Cipher} is created per call.
 */
final class SecretCipher {
  static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecretKeySpec key;
  private final byte[] associatedData;
  private final SecureRandom random = new SecureRandom();

  /** Takes a copy of {@code key} (32 bytes); the caller wipes its own. */
  SecretCipher(byte[] key, byte[] associatedData) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "the master key must be " + KEY_BYTES + " bytes (AES-256), was " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
    this.associatedData = associatedData.clone();
  }

  /** Returns {@code plain} sealed. */
  byte[] seal(byte[] plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      byte[] blob = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
      System.arraycopy(nonce, 0, blob, 0, NONCE_BYTES);
      cipher.doFinal(plain, 0, plain.length, blob, NONCE_BYTES);
      return blob;
    } catch (GeneralSecurityException e) {
      throw new SecretStoreException("AES-GCM is not available in this JVM: " + e.getClass(), e);
    }
  }

  /** Returns the plain bytes of {@code blob}, or empty if they fail authentication. */
  Optional<byte[]> open(byte[] blob) {
    if (blob.length < NONCE_BYTES + TAG_BITS / 8) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData);
      ByteBuffer plain = ByteBuffer.allocate(cipher.getOutputSize(blob.length - NONCE_BYTES));
      cipher.doFinal(ByteBuffer.wrap(blob, NONCE_BYTES, blob.length - NONCE_BYTES), plain);
      byte[] out = Arrays.copyOf(plain.array(), plain.position());
      Arrays.fill(plain.array(), (byte) 0);
      return Optional.of(out);
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new SecretStoreException("AES-GCM is not available in this JVM: " + e.getClass(), e);
    }
  }
}
