package dev.tdeveloper.distribution.spi;

/**
 * Keeps a hybrid logical clock's high-water mark where it survives a restart: the physical time, in
 * milliseconds since the epoch, up to which the clock may have issued stamps. A restarted {@link
 * dev.tdeveloper.distribution.clock.Hlc} starts above the mark it loads, so it never issues a stamp
 * at or below one issued before the restart, even when the machine's clock went back.
 *
 * <p>Contract (checked by {@code HlcStateStoreContract} in distribution-testkit):
 *
 * <ul>
 *   <li>{@link #load} returns the highest mark ever stored at this store's location (by this
 *       instance or an earlier one, also in a process that was killed), 0 when none.
 *   <li>{@link #store} is durable when it returns: a crash right after it still loads the mark.
 *   <li>The mark never moves back: storing a lower mark than the stored one changes nothing.
 *   <li>A failure to read or write is a {@link dev.tdeveloper.distribution.DistributionException}
 *       naming the location; a failed store leaves the previous mark in place.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface HlcStateStore {
  /**
   * Returns the stored high-water mark.
   *
   * @return milliseconds since the epoch, 0 when nothing was stored
   * @throws dev.tdeveloper.distribution.DistributionException if the mark cannot be read
   */
  long load();

  /**
   * Stores a high-water mark durably, unless a higher one is stored already.
   *
   * @param highWaterMillis milliseconds since the epoch, 0 or more
   * @throws IllegalArgumentException if {@code highWaterMillis} is negative
   * @throws dev.tdeveloper.distribution.DistributionException if the mark cannot be written
   */
  void store(long highWaterMillis);
}
