package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.usage.UsageRecord;
import java.math.BigDecimal;

/**
 * One asset's charged usage summed per tenant during one allocation run: the single pass over the
 * usage records lands here, so the cost is split once per asset, not once per record. Confined to
 * the thread running the allocation.
 */
final class AssetUsage {
  final Asset asset;
  final boolean shared;
  final TenantSums charged = new TenantSums();

  AssetUsage(Asset asset, boolean shared) {
    this.asset = asset;
    this.shared = shared;
  }

  /** Validates one record against the asset and adds its charged quantity to its tenant's sum. */
  void add(UsageRecord r, int index) {
    if (r.resource() != asset.resource()) {
      throw new AllocationException(
          describe(r, index)
              + ": resource "
              + r.resource().key()
              + " but the asset provides "
              + asset.resource().key()
              + "; allowed: usage of the asset's own resource");
    }
    if (!asset.period().encloses(r.period())) {
      throw new AllocationException(
          describe(r, index)
              + ": period ["
              + r.period().start()
              + ", "
              + r.period().end()
              + ") lies outside the asset's period ["
              + asset.period().start()
              + ", "
              + asset.period().end()
              + "); allowed: usage inside the asset's charge period");
    }
    BigDecimal q = r.chargedQuantity();
    if (q.signum() > 0) {
      charged.add(r.tenant(), q);
    }
  }

  static String describe(UsageRecord r, int index) {
    return "usage["
        + index
        + "] (tenant "
        + r.tenant().value()
        + ", workload "
        + r.workload()
        + ", asset "
        + r.assetId()
        + ")";
  }
}
