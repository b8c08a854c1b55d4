package com.example.nimbus;

import dev.tdeveloper.security.spi.GcraArithmetic;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RateLimiterStore} on a Nimbus table. Nimbus has no server-side scripts, but it has
 * conditional writes, so each decision is an optimistic read-modify-write: read the key's item and
 * the service clock, let {@link GcraArithmetic} decide, write the new state back only if the item's
 * version is unchanged (retry otherwise), with the item expiring at the state's latest arrival time
 * so idle keys cost nothing. Thread-safe.
 */
public final class NimbusRateLimiterStore implements RateLimiterStore {
  private final NimbusTable<GcraArithmetic.KeyState> table;
  private volatile boolean closed;

  /** Creates a store on {@code table} (built by the caller, as with any cloud SDK client). */
  public NimbusRateLimiterStore(NimbusTable<GcraArithmetic.KeyState> table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public StoreDecision tryAcquire(String key, PolicySpec spec, long permits, long maxWaitNanos) {
    RateLimiterStore.checkArguments(key, spec, permits, maxWaitNanos);
    ensureOpen();
    while (true) {
      Optional<NimbusTable.Item<GcraArithmetic.KeyState>> item = table.get(key);
      GcraArithmetic.Outcome outcome =
          GcraArithmetic.tryAcquire(
              item.map(NimbusTable.Item::value), spec, permits, maxWaitNanos, table.serviceNanos());
      if (write(key, item, outcome.state())) {
        return outcome.decision();
      }
    }
  }

  @Override
  public void giveBack(String key, PolicySpec spec, long permits) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(spec, "spec");
    spec.checkPermits(permits);
    ensureOpen();
    while (true) {
      Optional<NimbusTable.Item<GcraArithmetic.KeyState>> item = table.get(key);
      if (item.isEmpty()) {
        return; // a key without state stays without state
      }
      Optional<GcraArithmetic.KeyState> next =
          GcraArithmetic.giveBack(
              item.map(NimbusTable.Item::value), spec, permits, table.serviceNanos());
      if (write(key, item, next)) {
        return;
      }
    }
  }

  /** Writes {@code next} (or deletes the key) if the item read is unchanged. */
  private boolean write(
      String key,
      Optional<NimbusTable.Item<GcraArithmetic.KeyState>> read,
      Optional<GcraArithmetic.KeyState> next) {
    long version = read.map(NimbusTable.Item::version).orElse(NimbusTable.ABSENT);
    if (next.isEmpty()) {
      return version == NimbusTable.ABSENT || table.deleteIf(key, version);
    }
    return table.putIf(key, next.get(), version, next.get().expiresAtNanos());
  }

  private void ensureOpen() {
    if (closed) {
      throw new RateLimiterStoreException("the Nimbus rate limiter store is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
