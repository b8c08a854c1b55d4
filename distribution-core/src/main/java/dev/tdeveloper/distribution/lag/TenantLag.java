package dev.tdeveloper.distribution.lag;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.Objects;

/**
 * One tenant's replication lag from one region to another, against its staleness SLO. Immutable.
 *
 * @param tenant the tenant
 * @param origin the region its changes come from
 * @param receiver the region that applies them
 * @param operations its changes published to {@code receiver} and not yet applied there
 * @param lag now minus the HLC stamp of the oldest of those changes; zero when caught up
 * @param slo the tenant's staleness SLO
 * @param breached whether the monitor last saw {@code lag} above {@code slo} (as of its last
 *     evaluation, which {@link ReplicationLagMonitor#evaluate()} brings up to date)
 */
public record TenantLag(
    TenantId tenant,
    RegionId origin,
    RegionId receiver,
    long operations,
    Duration lag,
    Duration slo,
    boolean breached) {
  /** Checks the values. */
  public TenantLag {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(lag, "lag");
    Objects.requireNonNull(slo, "slo");
    if (operations < 0 || lag.isNegative()) {
      throw new IllegalArgumentException(
          "lag of " + operations + " operations and " + lag + " is invalid; allowed: 0+");
    }
  }
}
