package dev.tdeveloper.distribution.lag;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link ReplicationLagMonitor} reports: a tenant's replica in one region fell further
 * behind its origin than the tenant's staleness SLO allows, or caught up again. Emitted on
 * transitions only, once each. Immutable values.
 */
public sealed interface LagEvent {
  /** Returns the tenant whose replica it concerns. */
  TenantId tenant();

  /** Returns the region the changes come from. */
  RegionId origin();

  /** Returns the region whose replica is behind (or was). */
  RegionId receiver();

  /** Returns when the monitor saw the transition. */
  Instant at();

  /**
   * The replica's staleness passed the SLO.
   *
   * @param tenant the tenant
   * @param origin the origin region
   * @param receiver the lagging region
   * @param lag how far behind the replica is: now minus the stamp of its oldest unapplied change
   * @param slo the tenant's staleness SLO
   * @param operations the changes published and not yet applied
   * @param at when the breach was seen
   */
  record StalenessSloBreached(
      TenantId tenant,
      RegionId origin,
      RegionId receiver,
      Duration lag,
      Duration slo,
      long operations,
      Instant at)
      implements LagEvent {
    /** Checks for nulls. */
    public StalenessSloBreached {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(lag, "lag");
      Objects.requireNonNull(slo, "slo");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The replica's staleness is back within the SLO.
   *
   * @param tenant the tenant
   * @param origin the origin region
   * @param receiver the region that caught up
   * @param lag the staleness now, at most the SLO
   * @param slo the tenant's staleness SLO
   * @param breachedFor how long the breach lasted, as the monitor saw it
   * @param at when the recovery was seen
   */
  record StalenessSloRecovered(
      TenantId tenant,
      RegionId origin,
      RegionId receiver,
      Duration lag,
      Duration slo,
      Duration breachedFor,
      Instant at)
      implements LagEvent {
    /** Checks for nulls. */
    public StalenessSloRecovered {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(lag, "lag");
      Objects.requireNonNull(slo, "slo");
      Objects.requireNonNull(breachedFor, "breachedFor");
      Objects.requireNonNull(at, "at");
    }
  }
}
