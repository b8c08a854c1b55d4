package dev.tdeveloper.dr.backup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests and their lower-case hex form. Stateless and thread-safe. */
final class Sha256 {
  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /** Returns a new SHA-256 digest (every JVM has one). */
  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** Returns the hex SHA-256 of {@code length} bytes of {@code bytes} from {@code offset}. */
  static String hex(byte[] bytes, int offset, int length) {
    MessageDigest digest = digest();
    digest.update(bytes, offset, length);
    return HEX.formatHex(digest.digest());
  }

  /** Returns the hex form of a finished digest. */
  static String hex(MessageDigest digest) {
    return HEX.formatHex(digest.digest());
  }
}
