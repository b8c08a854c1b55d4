package dev.tdeveloper.distribution.clock;

import dev.tdeveloper.distribution.spi.HlcStateStore;
import java.util.concurrent.atomic.AtomicLong;

/** The high-water mark in memory: what an {@link Hlc} without a store uses. Thread-safe. */
final class MemoryHlcStateStore implements HlcStateStore {
  private final AtomicLong mark = new AtomicLong();

  @Override
  public long load() {
    return mark.get();
  }

  @Override
  public void store(long highWaterMillis) {
    if (highWaterMillis < 0) {
      throw new IllegalArgumentException(
          "high-water mark " + highWaterMillis + " is negative; allowed: 0+");
    }
    mark.accumulateAndGet(highWaterMillis, Math::max);
  }
}
