package dev.tdeveloper.distribution.routing;

/**
 * Maps a routing key to a number in {@code [0, bound)} that never changes between runs or JVMs:
 * {@link String#hashCode()} (its formula is part of the Java specification) spread by SplitMix64's
 * finalizer, with a salt per use so the region and the endpoint of one key are chosen
 * independently.
 *
 * <p>Stateless and thread-safe.
 */
final class StableHash {
  /** Salt for choosing a region. */
  static final long REGION = 0x52_45_47_49_4f_4eL;

  /** Salt for choosing an endpoint within a region. */
  static final long ENDPOINT = 0x45_4e_44_50_4f_49_4e_54L;

  private StableHash() {}

  /**
   * Returns the position of {@code key} in {@code [0, bound)}.
   *
   * @param key the routing key
   * @param salt what the position is for
   * @param bound the exclusive upper bound, positive
   * @return the position
   */
  static long index(String key, long salt, long bound) {
    return Math.floorMod(mix(key.hashCode(), salt), bound);
  }

  /**
   * Returns a well-spread 64-bit hash of {@code value} under {@code salt}.
   *
   * @param value the value
   * @param salt the salt
   * @return the hash
   */
  static long mix(long value, long salt) {
    long z = value * 0x9E3779B97F4A7C15L + salt;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
