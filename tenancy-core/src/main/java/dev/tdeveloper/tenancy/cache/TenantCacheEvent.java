package dev.tdeveloper.tenancy.cache;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;

/**
 * What a {@link TenantScopedCache} publishes to the listeners registered on its builder: a tenant's
 * cache being created on first write, and being dropped. Individual entry evictions are not
 * published (they can be millions per second); read them from {@link
 * TenantScopedCache#stats(TenantId)}.
 *
 * <p>Events are immutable and thread-safe.
 */
public sealed interface TenantCacheEvent {
  /** Returns the tenant whose cache the event is about. */
  TenantId tenant();

  /**
   * A tenant's cache was created, on the first write or load for that tenant.
   *
   * @param tenant the tenant
   */
  record Created(TenantId tenant) implements TenantCacheEvent {
    /** Validates the event. */
    public Created {
      Objects.requireNonNull(tenant, "tenant");
    }
  }

  /**
   * A tenant's cache was dropped with all its entries and statistics.
   *
   * @param tenant the tenant
   * @param reason why it was dropped
   * @param estimatedEntries how many entries it held, approximately, when it was dropped
   */
  record Dropped(TenantId tenant, DropReason reason, long estimatedEntries)
      implements TenantCacheEvent {
    /** Validates the event. */
    public Dropped {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(reason, "reason");
      if (estimatedEntries < 0) {
        throw new IllegalArgumentException(
            "estimatedEntries must be >= 0, was " + estimatedEntries);
      }
    }
  }

  /** Why a tenant's cache was dropped. */
  enum DropReason {
    /** {@link TenantScopedCache#invalidateTenant(TenantId)} was called. */
    INVALIDATED,
    /** The tenant was not accessed for the builder's {@code expireIdleTenantsAfter} duration. */
    IDLE
  }
}
