package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.cost.usage.UsageRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;

/** Small builders of bills and usage for the allocation tests. */
final class Bills {
  static final CostPeriod MONTH =
      CostPeriod.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"));

  private Bills() {}

  static Asset node(String id, String cost, String capacity) {
    return asset(id, "Amazon EC2", ResourceType.VCPU, cost, capacity, MONTH);
  }

  static Asset asset(
      String id, String service, ResourceType r, String cost, String capacity, CostPeriod p) {
    return Asset.of(
        id,
        service,
        "eu-west-1",
        r,
        PricingModel.ON_DEMAND,
        p,
        Money.of(cost, "USD"),
        new BigDecimal(capacity));
  }

  static UsageRecord use(String tenant, String asset, String requested, String used) {
    return use(tenant, asset, requested, used, MONTH);
  }

  static UsageRecord use(String tenant, String asset, String requested, String used, CostPeriod p) {
    return new UsageRecord(
        TenantId.of(tenant),
        "api",
        asset,
        ResourceType.VCPU,
        p,
        new BigDecimal(requested),
        new BigDecimal(used));
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  static TenantId t(String id) {
    return TenantId.of(id);
  }
}
