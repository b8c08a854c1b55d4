package dev.tdeveloper.security.waf.transform;

/**
 * Byte-level character classes and hex helpers shared by the transformations, with the meaning the
 * C library gives them in the "C" locale (ModSecurity's {@code isspace}, {@code isxdigit}, {@code
 * tolower}, {@code x2c}): ASCII only, a byte above 127 is never a space, a digit or a letter.
 * Stateless.
 */
final class ByteChars {
  /** The non-breaking space byte (0xA0) that some transformations treat as whitespace. */
  static final char NBSP = 0xA0;

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private ByteChars() {}

  /** C {@code isspace}: space, tab, line feed, vertical tab, form feed, carriage return. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** C {@code isxdigit}. */
  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** C {@code isdigit}. */
  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** An octal digit. */
  static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  /** C {@code isalnum}. */
  static boolean isAlnum(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** C {@code tolower}: ASCII letters only. */
  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** The value of one hex digit (the caller checked {@link #isHex}). */
  static int hexValue(char c) {
    return c <= '9' ? c - '0' : (c & 0xDF) - 'A' + 10;
  }

  /**
   * ModSecurity's {@code x2c}: the byte two hex digits stand for. Like ModSecurity it does not
   * validate (hexDecode relies on that): each digit is {@code c - '0'} below {@code 'A'} and {@code
   * (c & 0xDF) - 'A' + 10} from {@code 'A'} on, the sum taken modulo 256.
   */
  static char x2c(char high, char low) {
    return (char) (((digit(high) << 4) + digit(low)) & 0xFF);
  }

  private static int digit(char c) {
    return c >= 'A' ? (c & 0xDF) - 'A' + 10 : c - '0';
  }

  /** The lowercase hex digit of the low four bits of a value. */
  static char hexDigit(int nibble) {
    return HEX_DIGITS[nibble & 0xF];
  }
}
