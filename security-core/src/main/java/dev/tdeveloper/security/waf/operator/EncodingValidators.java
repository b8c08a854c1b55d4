package dev.tdeveloper.security.waf.operator;

/**
 * {@code @validateByteRange}, {@code @validateUrlEncoding} and {@code @validateUtf8Encoding}: each
 * matches when the input is <em>invalid</em>. Stateless; allocation-free.
 */
final class EncodingValidators {
  private EncodingValidators() {}

  /**
   * {@code @validateUrlEncoding}: matches a {@code %} not followed by two hex digits, including one
   * too close to the end. An empty input does not match.
   */
  static boolean invalidUrlEncoding(String in) {
    int n = in.length();
    for (int i = 0; i < n; ) {
      if (in.charAt(i) != '%') {
        i++;
        continue;
      }
      if (i + 2 >= n || !isHex(in.charAt(i + 1)) || !isHex(in.charAt(i + 2))) {
        return true;
      }
      i += 3;
    }
    return false;
  }

  /**
   * {@code @validateUtf8Encoding}: matches a byte sequence that is not UTF-8 as RFC 3629 defines
   * it: a stray continuation byte or a byte {@code 0xF8..0xFF}, a missing continuation byte, a
   * truncated sequence at the end, an overlong form ({@code C0 AF}, {@code E0 80 AF}), a UTF-16
   * surrogate ({@code ED A0 80}) or a code point above U+10FFFF ({@code F4 90 80 80}, {@code F5
   * ...}).
   *
   * <p>Deviation: ModSecurity v3 only rejects lead bytes from {@code F5} up and lets {@code F4 90
   * 80 80} to {@code F4 BF BF BF} (U+110000 to U+13FFFF) through; we reject them too.
   */
  static boolean invalidUtf8(String in) {
    int n = in.length();
    int i = 0;
    while (i < n) {
      int c = in.charAt(i);
      if (c < 0x80) {
        i++;
        continue;
      }
      int length;
      int cp;
      if (c > 0xff) {
        return true;
      } else if ((c & 0xE0) == 0xC0) {
        length = 2;
        cp = c & 0x1F;
      } else if ((c & 0xF0) == 0xE0) {
        length = 3;
        cp = c & 0x0F;
      } else if ((c & 0xF8) == 0xF0 && c < 0xF5) {
        length = 4;
        cp = c & 0x07;
      } else {
        return true;
      }
      if (i + length > n) {
        return true;
      }
      for (int k = 1; k < length; k++) {
        int cont = in.charAt(i + k);
        if ((cont & 0xC0) != 0x80 || cont > 0xff) {
          return true;
        }
        cp = (cp << 6) | (cont & 0x3F);
      }
      boolean overlong =
          (length == 2 && cp < 0x80)
              || (length == 3 && cp < 0x800)
              || (length == 4 && cp < 0x10000);
      if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        return true;
      }
      i += length;
    }
    return false;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
