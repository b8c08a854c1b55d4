package dev.tdeveloper.security.waf;

import java.nio.charset.StandardCharsets;

/**
 * Conversions to and from the engine's byte strings: Java strings with one {@code char} (0 to 255)
 * per byte. Stateless.
 */
public final class ByteStrings {
  private ByteStrings() {}

  /**
   * The byte string of raw bytes.
   *
   * @param bytes the bytes
   * @return one char per byte
   */
  public static String of(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /**
   * The byte string of text as it travels on the wire in UTF-8 (a header or URI given as a Java
   * string by a servlet container that decoded it as ISO-8859-1 is already a byte string: do not
   * call this on it).
   *
   * @param text text
   * @return its UTF-8 bytes, one char per byte
   */
  public static String ofUtf8(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The bytes of a byte string.
   *
   * @param byteString a byte string
   * @return its bytes; a char above 255 becomes {@code '?'}
   */
  public static byte[] bytes(String byteString) {
    return byteString.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The text a byte string holds when its bytes are UTF-8, for logs and messages.
   *
   * @param byteString a byte string
   * @return the decoded text, malformed sequences replaced
   */
  public static String toUtf8(String byteString) {
    return new String(bytes(byteString), StandardCharsets.UTF_8);
  }
}
