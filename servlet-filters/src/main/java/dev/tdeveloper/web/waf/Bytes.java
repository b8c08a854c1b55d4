package dev.tdeveloper.web.waf;

import dev.tdeveloper.security.waf.ByteStrings;

/** Turns container strings into WAF byte strings. Stateless and thread-safe. */
final class Bytes {
  private Bytes() {}

  /**
   * Returns {@code text} as a byte string: unchanged when every char is a byte (the container
   * decoded ISO-8859-1, as servlet containers do for headers), else its UTF-8 bytes (a container
   * that decoded UTF-8).
   */
  static String of(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        return ByteStrings.ofUtf8(text);
      }
    }
    return text;
  }
}
