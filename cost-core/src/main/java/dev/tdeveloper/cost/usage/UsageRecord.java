package dev.tdeveloper.cost.usage;

import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one tenant's workload used of one asset over a period, in the resource's unit ({@link
 * ResourceType#unit()}: vCPU-hours, GB-hours, GB-months, GB, requests, GPU-hours). CPU and memory
 * are charged at {@link #chargedQuantity()} = max(requested, used), as OpenCost does: capacity held
 * by a request is unavailable to others whether used or not.
 *
 * @param tenant the tenant
 * @param workload the tenant's workload (deployment, job, database), for reports
 * @param assetId the asset consumed (a node, a volume, a load balancer), as in the bill
 * @param resource what was used
 * @param period when; inside the asset's period for the usage to be allocated against it
 * @param requested the amount reserved (the request), at least 0; 0 when nothing is reserved
 * @param used the amount actually used, at least 0
 */
public record UsageRecord(
    TenantId tenant,
    String workload,
    String assetId,
    ResourceType resource,
    CostPeriod period,
    BigDecimal requested,
    BigDecimal used) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the field when a name is blank or a quantity negative
   */
  public UsageRecord {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(used, "used");
    if (workload.isBlank()) {
      throw new IllegalArgumentException("workload: blank; allowed: a workload name");
    }
    if (assetId.isBlank()) {
      throw new IllegalArgumentException("assetId: blank; allowed: the asset's id in the bill");
    }
    if (requested.signum() < 0) {
      throw new IllegalArgumentException("requested: " + requested + " is negative; allowed: >= 0");
    }
    if (used.signum() < 0) {
      throw new IllegalArgumentException("used: " + used + " is negative; allowed: >= 0");
    }
  }

  /**
   * The quantity charged: max(requested, used) for CPU and memory, used for everything else.
   *
   * @return the charged quantity
   */
  public BigDecimal chargedQuantity() {
    return resource.chargedAtLeastRequest() ? requested.max(used) : used;
  }
}
