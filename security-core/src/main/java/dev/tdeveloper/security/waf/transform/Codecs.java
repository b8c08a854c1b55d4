package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.ByteChars.hexDigit;
import static dev.tdeveloper.security.waf.transform.ByteChars.isHex;
import static dev.tdeveloper.security.waf.transform.ByteChars.x2c;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Encodings and hashes: Base64, hex, SQL hex literals, length, MD5 and SHA-1, with libmodsecurity's
 * results (digests are the raw bytes, not hex). Stateless; the digest prototypes are cloned per
 * call, so it is thread-safe.
 */
final class Codecs {
  private static final char[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  /** Standard alphabet: sextet value, 64 for {@code =}, -1 for anything else. */
  private static final byte[] STRICT = new byte[128];

  /** Forgiving alphabet: also {@code -} and {@code _} (URL-safe); -1 for anything else. */
  private static final byte[] FORGIVING = new byte[256];

  private static final MessageDigest MD5 = digest("MD5");
  private static final MessageDigest SHA1 = digest("SHA-1");

  static {
    Arrays.fill(STRICT, (byte) -1);
    Arrays.fill(FORGIVING, (byte) -1);
    for (int v = 0; v < 64; v++) {
      STRICT[BASE64[v]] = (byte) v;
      FORGIVING[BASE64[v]] = (byte) v;
    }
    STRICT['='] = 64;
    FORGIVING['-'] = 62;
    FORGIVING['_'] = 63;
  }

  private Codecs() {}

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is a required JDK algorithm", e);
    }
  }

  /**
   * {@code base64Decode}, strict as ModSecurity's mbed TLS decoder: the value up to its first NUL
   * must be Base64 (line breaks allowed, spaces only before a line break, at most two {@code =} and
   * only at the end), else the result is empty; a trailing incomplete group of fewer than four
   * characters is dropped.
   */
  static String base64Decode(String s) {
    int nul = s.indexOf(0);
    int n = nul < 0 ? s.length() : nul;
    int pads = 0;
    for (int i = 0; i < n; i++) {
      int spaces = 0;
      while (i < n && s.charAt(i) == ' ') {
        i++;
        spaces++;
      }
      if (i == n) {
        break;
      }
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n')) {
        continue;
      }
      if (spaces != 0 || c > 127 || STRICT[c] < 0 || (c == '=' && ++pads > 2)) {
        return "";
      }
      if (STRICT[c] < 64 && pads != 0) {
        return "";
      }
    }
    char[] out = new char[n / 4 * 3 + 3];
    int d = 0;
    int quad = 0;
    int bits = 0;
    int keep = 3;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n' || c == ' ') {
        continue;
      }
      int v = STRICT[c];
      if (v == 64) {
        keep--;
      }
      bits = (bits << 6) | (v & 0x3F);
      if (++quad == 4) {
        quad = 0;
        if (keep > 0) {
          out[d++] = (char) ((bits >> 16) & 0xFF);
        }
        if (keep > 1) {
          out[d++] = (char) ((bits >> 8) & 0xFF);
        }
        if (keep > 2) {
          out[d++] = (char) (bits & 0xFF);
        }
      }
    }
    return new String(out, 0, d);
  }

  /**
   * {@code base64DecodeExt}, ModSecurity's forgiving decoder: bytes outside the alphabet (which
   * here includes the URL-safe {@code -} and {@code _}) are skipped and every complete byte is
   * decoded. As in ModSecurity the result is empty when a {@code =} comes after a number of
   * characters that leaves a single dangling one (4k+1) and no second {@code =} follows it, or when
   * the last byte is {@code =} or {@code 9} in that position (its C code compares the last decoded
   * value, 61 for {@code 9}, with the code of {@code =}).
   */
  static String base64DecodeExt(String s) {
    int n = s.length();
    char[] out = new char[n * 3 / 4 + 1];
    int d = 0;
    int count = 0;
    int acc = 0;
    int last = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '=') {
        char next = i + 1 < n ? s.charAt(i + 1) : 0;
        if (next != '=' && count % 4 == 1) {
          return "";
        }
        last = '=';
        continue;
      }
      int v = FORGIVING[c & 0xFF];
      last = v;
      if (v < 0) {
        continue;
      }
      acc = (acc << 6) | v;
      if (count % 4 != 0) {
        int shift = 6 - 2 * (count % 4);
        out[d++] = (char) ((acc >> shift) & 0xFF);
      }
      count++;
    }
    if (last == '=' && count % 4 == 1) {
      return "";
    }
    return new String(out, 0, d);
  }

  /** {@code base64Encode}: standard alphabet with {@code =} padding, no line breaks. */
  static String base64Encode(String s) {
    int n = s.length();
    StringBuilder out = new StringBuilder((n + 2) / 3 * 4);
    for (int i = 0; i < n; i += 3) {
      int b0 = s.charAt(i) & 0xFF;
      int b1 = i + 1 < n ? s.charAt(i + 1) & 0xFF : 0;
      int b2 = i + 2 < n ? s.charAt(i + 2) & 0xFF : 0;
      out.append(BASE64[b0 >> 2]).append(BASE64[((b0 & 3) << 4) | (b1 >> 4)]);
      out.append(i + 1 < n ? BASE64[((b1 & 0xF) << 2) | (b2 >> 6)] : '=');
      out.append(i + 2 < n ? BASE64[b2 & 0x3F] : '=');
    }
    return out.toString();
  }

  /** {@code hexEncode}: each byte as two lowercase hex digits. */
  static String hexEncode(String s) {
    char[] out = new char[s.length() * 2];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out[2 * i] = hexDigit(c >> 4);
      out[2 * i + 1] = hexDigit(c);
    }
    return new String(out);
  }

  /**
   * {@code hexDecode}: each pair of characters becomes one byte; an odd last character is dropped.
   * Like ModSecurity it does not validate: a pair that is not hex gives the byte its {@code x2c}
   * arithmetic yields (see {@link ByteChars#x2c}).
   */
  static String hexDecode(String s) {
    int pairs = s.length() / 2;
    char[] out = new char[pairs];
    for (int p = 0; p < pairs; p++) {
      out[p] = x2c(s.charAt(2 * p), s.charAt(2 * p + 1));
    }
    return new String(out);
  }

  /**
   * {@code sqlHexDecode}: a {@code 0x} (or {@code 0X}) followed by at least two hex digits is
   * replaced by the bytes of its digit pairs; an odd last digit stays. Follows libmodsecurity
   * 3.0.13, which fixed the earlier loop that dropped the last byte of the value and stopped at a
   * NUL.
   */
  static String sqlHexDecode(String s) {
    int n = s.length();
    int i = s.indexOf('0');
    if (i < 0) {
      return s;
    }
    char[] out = null;
    int d = i;
    while (i < n) {
      if (i + 3 < n
          && s.charAt(i) == '0'
          && (s.charAt(i + 1) | 0x20) == 'x'
          && isHex(s.charAt(i + 2))
          && isHex(s.charAt(i + 3))) {
        if (out == null) {
          out = new char[n];
          s.getChars(0, i, out, 0);
        }
        i += 2;
        do {
          out[d++] = x2c(s.charAt(i), s.charAt(i + 1));
          i += 2;
        } while (i + 1 < n && isHex(s.charAt(i)) && isHex(s.charAt(i + 1)));
      } else {
        if (out != null) {
          out[d] = s.charAt(i);
        }
        d++;
        i++;
      }
    }
    return out == null ? s : new String(out, 0, d);
  }

  /** {@code length}: the value's length in bytes, in decimal. */
  static String length(String s) {
    return Integer.toString(s.length());
  }

  /** {@code md5}: the 16 raw digest bytes as a byte string. */
  static String md5(String s) {
    return hash(MD5, s);
  }

  /** {@code sha1}: the 20 raw digest bytes as a byte string. */
  static String sha1(String s) {
    return hash(SHA1, s);
  }

  private static String hash(MessageDigest prototype, String s) {
    MessageDigest md;
    try {
      md = (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      md = digest(prototype.getAlgorithm());
    }
    byte[] input = new byte[s.length()];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) s.charAt(i);
    }
    byte[] digest = md.digest(input);
    char[] out = new char[digest.length];
    for (int i = 0; i < digest.length; i++) {
      out[i] = (char) (digest[i] & 0xFF);
    }
    return new String(out);
  }
}
