package dev.tdeveloper.compliance.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A growable byte buffer that writes JSON the way RFC 8785 (JCS) serializes it: no whitespace,
 * strings as UTF-8 with only {@code "}, {@code \} and control characters escaped (the short forms
 * {@code \b \t \n \f \r}, else <code>&#92;u00xx</code> in lower-case hex). Not thread-safe: each
 * thread reuses its own through {@link #get()}.
 */
final class CanonicalJsonWriter {
  private static final int INITIAL = 1024;

  /** A buffer grown past this is dropped after use, so a huge event does not pin memory. */
  private static final int KEEP_LIMIT = 64 * 1024;

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final ThreadLocal<CanonicalJsonWriter> WRITERS =
      ThreadLocal.withInitial(CanonicalJsonWriter::new);

  private byte[] buf = new byte[INITIAL];
  private int len;

  /** Returns this thread's writer, emptied. */
  static CanonicalJsonWriter get() {
    CanonicalJsonWriter writer = WRITERS.get();
    if (writer.buf.length > KEEP_LIMIT) {
      writer.buf = new byte[INITIAL];
    }
    writer.len = 0;
    return writer;
  }

  /** Returns a copy of the bytes written. */
  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** Appends bytes known to be ASCII and to need no escaping, such as {@code ,"time":}. */
  CanonicalJsonWriter raw(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  /** Appends one ASCII byte. */
  CanonicalJsonWriter raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /**
   * Appends {@code s} as a JSON string.
   *
   * @throws IllegalArgumentException if it holds an unpaired surrogate (JCS requires well-formed
   *     Unicode)
   */
  CanonicalJsonWriter string(String s) {
    int n = s.length();
    ensure(n * 6 + 2); // the worst case: every character a six-byte escape

    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[p++] = (byte) c;
        } else {
          p = escape(b, p, c);
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (!Character.isSurrogate(c)) {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xf0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (cp & 0x3f));
      } else {
        throw new IllegalArgumentException(
            "unpaired surrogate U+"
                + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                + " at index "
                + i
                + " cannot be encoded as UTF-8");
      }
    }
    b[p++] = '"';
    len = p;
    return this;
  }

  /** The last second of 9999-12-31 UTC: up to it, an instant prints as four-digit-year ISO. */
  private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

  /**
   * Appends {@code t} as a JSON string holding exactly {@link Instant#toString()}, written straight
   * into the buffer for 1970 to 9999 (every event's time in practice) and through {@code toString}
   * for other years.
   */
  CanonicalJsonWriter instant(Instant t) {
    long seconds = t.getEpochSecond();
    if (seconds < 0 || seconds > LAST_FOUR_DIGIT_SECOND) {
      return string(t.toString());
    }
    ensure(32); // "yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ" and the quotes
    LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
    int secondOfDay = (int) (seconds % 86_400);
    buf[len++] = '"';
    digits(date.getYear(), 4);
    buf[len++] = '-';
    digits(date.getMonthValue(), 2);
    buf[len++] = '-';
    digits(date.getDayOfMonth(), 2);
    buf[len++] = 'T';
    digits(secondOfDay / 3600, 2);
    buf[len++] = ':';
    digits(secondOfDay / 60 % 60, 2);
    buf[len++] = ':';
    digits(secondOfDay % 60, 2);
    int nanos = t.getNano();
    if (nanos > 0) {
      buf[len++] = '.';
      if (nanos % 1_000_000 == 0) {
        digits(nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        digits(nanos / 1000, 6);
      } else {
        digits(nanos, 9);
      }
    }
    buf[len++] = 'Z';
    buf[len++] = '"';
    return this;
  }

  /**
   * Writes {@code value} (non-negative, below 10^width) as exactly {@code width} decimal digits.
   */
  private void digits(int value, int width) {
    for (int i = len + width - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    len += width;
  }

  private static int escape(byte[] b, int p, char c) {
    b[p++] = '\\';
    switch (c) {
      case '"' -> b[p++] = '"';
      case '\\' -> b[p++] = '\\';
      case '\b' -> b[p++] = 'b';
      case '\t' -> b[p++] = 't';
      case '\n' -> b[p++] = 'n';
      case '\f' -> b[p++] = 'f';
      case '\r' -> b[p++] = 'r';
      default -> {
        b[p++] = 'u';
        b[p++] = '0';
        b[p++] = '0';
        b[p++] = HEX[c >> 4];
        b[p++] = HEX[c & 0xf];
      }
    }
    return p;
  }

  private void ensure(int extra) {
    int needed = len + extra;
    if (needed > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
    }
  }
}
