package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.secrets.Secret;
import java.security.SecureRandom;
import java.util.Arrays;

/** Makes the candidate password of each rotation. Implementations are thread-safe. */
@FunctionalInterface
public interface SecretGenerator {
  /**
   * The alphabet of {@link #randomPassword}: letters and digits, nothing a shell or URL mangles.
   */
  String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** Returns a new password. */
  Secret generate();

  /**
   * Returns a generator of {@code length} characters drawn uniformly from {@link #ALPHABET} with
   * {@link SecureRandom} (32 characters carry about 190 bits).
   *
   * @throws IllegalArgumentException if {@code length} is outside 16 to 1024
   */
  static SecretGenerator randomPassword(int length) {
    if (length < 16 || length > 1024) {
      throw new IllegalArgumentException(
          "password length must be from 16 to 1024 characters, was " + length);
    }
    SecureRandom random = new SecureRandom();
    return () -> {
      char[] chars = new char[length];
      for (int i = 0; i < length; i++) {
        chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      }
      try {
        return Secret.ofChars(chars);
      } finally {
        Arrays.fill(chars, '\0');
      }
    };
  }
}
