package dev.tdeveloper.security.waf.transform;

/**
 * {@code utf8toUnicode}: every well-formed UTF-8 multi-byte sequence becomes {@code %uXXXX}
 * (lowercase hex, at least four digits: {@code é} gives {@code %u00e9}, U+1F600 gives {@code
 * %u1f600}), so that {@code urlDecodeUni} can reduce it afterwards. The other bytes follow
 * libmodsecurity:
 *
 * <ul>
 *   <li>ASCII bytes stay, and so do bytes that cannot start a sequence (0x80-0xBF, 0xF8-0xFF);
 *   <li>a lead byte whose continuation bytes are missing or wrong is dropped and decoding goes on
 *       with the next byte;
 *   <li>an overlong form or a surrogate (U+D800-U+DFFF) is still written as {@code %uXXXX}, and its
 *       lead byte is written after it raw, as ModSecurity's overlong check does;
 *   <li>a four-byte lead of 0xF5-0xF7 (beyond U+10FFFF) is written raw before its decoding.
 * </ul>
 *
 * <p>One deliberate difference: libmodsecurity drops NUL bytes here (a side effect of writing them
 * without advancing its output pointer); this transformation keeps them, so that {@code
 * t:removeNulls} or an operator still sees them. Stateless.
 */
final class Utf8ToUnicode {
  private Utf8ToUnicode() {}

  /** Applies the transformation. */
  static String apply(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) < 0x80) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n + 16);
    out.append(s, 0, i);
    while (i < n) {
      char c = s.charAt(i);
      int len;
      if (c < 0x80) {
        out.append(c);
        i++;
        continue;
      } else if ((c & 0xE0) == 0xC0) {
        len = 2;
      } else if ((c & 0xF0) == 0xE0) {
        len = 3;
      } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        if (c >= 0xF5) {
          out.append(c);
        }
      } else {
        out.append(c);
        i++;
        continue;
      }
      if (!continued(s, i, len)) {
        i++;
        continue;
      }
      int cp = c & (0xFF >> (len + 1));
      for (int k = 1; k < len; k++) {
        cp = (cp << 6) | (s.charAt(i + k) & 0x3F);
      }
      appendEscape(out, cp);
      boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
      boolean overlong = cp < (len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000);
      if (surrogate) {
        out.append(c);
      }
      if (overlong) {
        out.append(c);
      }
      i += len;
    }
    return out.toString();
  }

  private static boolean continued(String s, int lead, int len) {
    if (lead + len > s.length()) {
      return false;
    }
    for (int k = 1; k < len; k++) {
      if ((s.charAt(lead + k) & 0xC0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  private static void appendEscape(StringBuilder out, int cp) {
    out.append('%').append('u');
    int digits = Math.max(4, (32 - Integer.numberOfLeadingZeros(cp) + 3) / 4);
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(ByteChars.hexDigit(cp >> shift));
    }
  }
}
