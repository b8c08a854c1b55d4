package dev.tdeveloper.observability.incident;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Makes incident ids as ULIDs: 48 bits of milliseconds and 80 random bits in Crockford base 32, 26
 * characters, sortable by time, unique across restarts and instances without coordination. Within
 * one millisecond of one generator the random part is incremented, so ids stay ordered. Not
 * thread-safe: the correlator calls it under its lock.
 */
final class IncidentIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private long randomHigh;
  private long randomLow;

  String next(Instant now) {
    long millis = Math.max(now.toEpochMilli(), lastMillis);
    if (millis == lastMillis) {
      randomLow = (randomLow + 1) & 0xFF_FFFF_FFFFL;
      if (randomLow == 0) {
        randomHigh = (randomHigh + 1) & 0xFF_FFFF_FFFFL;
      }
    } else {
      lastMillis = millis;
      randomHigh = random.nextLong() & 0xFF_FFFF_FFFFL;
      randomLow = random.nextLong() & 0xFF_FFFF_FFFFL;
    }
    char[] out = new char[26];
    encode(millis & 0xFFFF_FFFF_FFFFL, out, 0, 10);
    encode(randomHigh, out, 10, 8);
    encode(randomLow, out, 18, 8);
    return new String(out);
  }

  private static void encode(long value, char[] out, int offset, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[offset + i] = ALPHABET[(int) (value & 31)];
      value >>>= 5;
    }
  }
}
