package ${package};

import dev.tdeveloper.distribution.spi.EdgeCache;
import dev.tdeveloper.distribution.testkit.EdgeCacheContract;
import dev.tdeveloper.tenancy.testkit.ManualClock;

/** Holds {@link ${cloud}EdgeCache} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}EdgeCacheTest extends EdgeCacheContract {
  /**
   * Returns a cache on a new, empty key prefix whose entries expire by {@code clock}. If ${cloud}
   * expires entries by its own time instead, pass the system clock and override {@code elapse} to
   * wait for the time the kit asks to pass.
   */
  @Override
  protected EdgeCache createCache(ManualClock clock, int maxEntriesPerTenant) {
    return new ${cloud}EdgeCache(clock, maxEntriesPerTenant);
  }
}
