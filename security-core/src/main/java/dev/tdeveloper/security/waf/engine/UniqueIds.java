package dev.tdeveloper.security.waf.engine;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates {@code UNIQUE_ID}s: a random per-process prefix (96 bits, drawn once) and a counter, so
 * ids never repeat within a process and practically never across processes, at the cost of an
 * atomic increment. Thread-safe.
 */
final class UniqueIds {
  private static final String PREFIX;
  private static final AtomicLong COUNTER = new AtomicLong();

  static {
    byte[] seed = new byte[12];
    new SecureRandom().nextBytes(seed);
    PREFIX = HexFormat.of().formatHex(seed) + "-";
  }

  private UniqueIds() {}

  /** The next id. */
  static String next() {
    return PREFIX + Long.toString(COUNTER.incrementAndGet(), 36);
  }
}
