package dev.tdeveloper.dr.backup;

/**
 * Chunk size bounds of the {@link Chunker}, in bytes. Every chunk but a stream's last is at least
 * {@code min} and at most {@code max} bytes long; cut points are chosen so that chunks average
 * about {@code avg}. Immutable.
 *
 * @param min the smallest chunk, 64 bytes or more
 * @param avg the target average, a power of two, greater than {@code min}
 * @param max the largest chunk, greater than {@code avg}, at most {@value #MAX_CHUNK} bytes
 */
public record ChunkerSettings(int min, int avg, int max) {
  /** The smallest allowed {@code min}: {@value}. */
  public static final int MIN_CHUNK = 64;

  /** The largest allowed {@code max}: {@value} (64 MiB). */
  public static final int MAX_CHUNK = 64 << 20;

  /** The defaults: 16 KiB, 64 KiB and 256 KiB. */
  public static final ChunkerSettings DEFAULT = new ChunkerSettings(16 << 10, 64 << 10, 256 << 10);

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException naming the field, the value and what is allowed
   */
  public ChunkerSettings {
    if (min < MIN_CHUNK) {
      throw new IllegalArgumentException(
          "ChunkerSettings.min must be >= " + MIN_CHUNK + " bytes, got " + min);
    }
    if (avg <= min || Integer.bitCount(avg) != 1) {
      throw new IllegalArgumentException(
          "ChunkerSettings.avg must be a power of two greater than min (" + min + "), got " + avg);
    }
    if (max <= avg || max > MAX_CHUNK) {
      throw new IllegalArgumentException(
          "ChunkerSettings.max must be greater than avg ("
              + avg
              + ") and at most "
              + MAX_CHUNK
              + ", got "
              + max);
    }
  }
}
