package dev.tdeveloper.tenancy.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique ids for request ids, audit event ids and idempotency keys, where an id must never repeat
 * but need not be secret: 32 lower-case hex digits, a random 64-bit prefix drawn once per process
 * followed by a 64-bit counter passed through a keyed four-round Feistel permutation (keys drawn
 * once per process). The permutation is a bijection, so ids never repeat within a process (for
 * 2<sup>64</sup> ids); the random prefix makes a repeat across processes as likely as two 64-bit
 * random draws colliding. The permutation hides the counter, so an id echoed to a client does not
 * tell how many requests the process served. It is not a cryptographic guarantee: an id is no
 * capability and no secret. One atomic increment per id instead of a {@link SecureRandom} draw
 * ({@code UUID.randomUUID()}). Thread-safe.
 */
public final class UniqueIds {
  /** The length of every id: {@value}. */
  public static final int LENGTH = 32;

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int ROUNDS = 4;
  private static final char[] PREFIX;
  private static final long[] KEYS = new long[ROUNDS];
  private static final AtomicLong COUNTER = new AtomicLong();

  static {
    SecureRandom random = new SecureRandom();
    PREFIX = new char[16];
    hex(random.nextLong(), PREFIX, 0);
    for (int i = 0; i < ROUNDS; i++) {
      KEYS[i] = random.nextLong();
    }
  }

  private UniqueIds() {}

  /** Returns the next id: 32 lower-case hex digits, never returned before by this process. */
  public static String next() {
    char[] id = new char[LENGTH];
    System.arraycopy(PREFIX, 0, id, 0, PREFIX.length);
    hex(permute(COUNTER.getAndIncrement(), KEYS), id, PREFIX.length);
    return new String(id);
  }

  /** A four-round Feistel network over the two 32-bit halves of {@code value}: a bijection. */
  static long permute(long value, long[] keys) {
    int left = (int) (value >>> 32);
    int right = (int) value;
    for (long key : keys) {
      int next = left ^ round(right, key);
      left = right;
      right = next;
    }
    return ((long) left << 32) | (right & 0xFFFF_FFFFL);
  }

  /** The inverse of {@link #permute} under the same keys (for tests of the bijection). */
  static long unpermute(long value, long[] keys) {
    int left = (int) (value >>> 32);
    int right = (int) value;
    for (int i = keys.length - 1; i >= 0; i--) {
      int previous = right ^ round(left, keys[i]);
      right = left;
      left = previous;
    }
    return ((long) left << 32) | (right & 0xFFFF_FFFFL);
  }

  /** The round function: SplitMix64's finalizer over the half and the round key, high 32 bits. */
  private static int round(int half, long key) {
    long z = (half & 0xFFFF_FFFFL) ^ key;
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return (int) ((z ^ (z >>> 31)) >>> 32);
  }

  private static void hex(long value, char[] out, int offset) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }
}
