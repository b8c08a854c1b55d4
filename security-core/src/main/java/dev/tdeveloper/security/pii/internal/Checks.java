package dev.tdeveloper.security.pii.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The verifications that turn a candidate into a finding: Luhn, ISO 13616 mod 97, SSN ranges,
 * calendar dates, JWT headers and Shannon entropy. Stateless and thread-safe; separators (space and
 * dash) inside a span are skipped where a check reads digits.
 */
public final class Checks {
  private Checks() {}

  /** Returns whether the digits of {@code s[from, to)} pass the Luhn check. */
  public static boolean luhn(CharSequence s, int from, int to) {
    int sum = 0;
    boolean twice = false;
    for (int i = to - 1; i >= from; i--) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        continue;
      }
      int d = c - '0';
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /** Returns whether the letters and digits of {@code s[from, to)} pass the IBAN mod-97 check. */
  public static boolean ibanMod97(CharSequence s, int from, int to) {
    int remainder = 0;
    int seen = 0;
    for (int pass = 0; pass < 2; pass++) {
      seen = 0;
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c == ' ') {
          continue;
        }
        boolean head = seen < 4;
        seen++;
        if (head != (pass == 1)) {
          continue;
        }
        int v = isDigit(c) ? c - '0' : Character.toUpperCase(c) - 'A' + 10;
        if (v < 0 || v > 35) {
          return false;
        }
        remainder = v < 10 ? (remainder * 10 + v) % 97 : (remainder * 100 + v) % 97;
      }
    }
    return seen >= 5 && remainder == 1;
  }

  /**
   * Returns whether an SSN's area, group and serial numbers lie outside the never-issued ranges.
   */
  public static boolean ssn(int area, int group, int serial) {
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return false;
    }
    // Numbers published in advertising and documentation, never issued to a person.
    return !(area == 78 && group == 5 && serial == 1120)
        && !(area == 219 && group == 9 && serial == 9999)
        && !(area == 123 && group == 45 && serial == 6789);
  }

  /** Returns whether year, month and day form a real calendar date between 1900 and 2099. */
  public static boolean date(int year, int month, int day) {
    if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) {
      return false;
    }
    int days =
        switch (month) {
          case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
          case 4, 6, 9, 11 -> 30;
          default -> 31;
        };
    return day <= days;
  }

  /**
   * Returns whether {@code s[from, to)} is base64url text that decodes to a JSON object naming an
   * {@code "alg"}: the header of a JWT.
   */
  public static boolean jwtHeader(CharSequence s, int from, int to) {
    if (to - from < 10 || to - from > 1024) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getUrlDecoder().decode(s.subSequence(from, to).toString());
    } catch (IllegalArgumentException e) {
      return false;
    }
    String json = new String(decoded, StandardCharsets.UTF_8).strip();
    return json.startsWith("{") && json.endsWith("}") && json.contains("\"alg\"");
  }

  /** Returns the Shannon entropy, in bits per character, of the ASCII text {@code s[from, to)}. */
  public static double entropy(CharSequence s, int from, int to) {
    int[] counts = new int[128];
    for (int i = from; i < to; i++) {
      counts[s.charAt(i) & 127]++;
    }
    double n = to - from;
    double bits = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = count / n;
        bits -= p * Math.log(p);
      }
    }
    return bits / Math.log(2);
  }

  /** Returns whether {@code c} is an ASCII digit. */
  public static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Returns whether {@code c} is an ASCII letter or digit. */
  public static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }

  /** Returns whether {@code c} is a letter or digit in any script. */
  public static boolean isWordChar(char c) {
    return c < 128 ? isAlnum(c) : Character.isLetterOrDigit(c);
  }
}
