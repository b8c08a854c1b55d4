package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One allocated amount, carrying its own explanation: which asset, which tenant (none for idle and
 * unallocated lines), which rule ({@code "usage"}, {@code "idle.proportional"}, {@code
 * "shared.even"}, ...), which share of the asset's cost, and the sentence an operator reads. The
 * amounts of every line of an allocation add up to the bill exactly.
 *
 * @param kind what part of the cost this is
 * @param tenant the tenant charged; empty for {@link CostLineKind#IDLE} and {@link
 *     CostLineKind#UNALLOCATED}
 * @param assetId the asset the amount comes from
 * @param service the asset's service
 * @param region the asset's region
 * @param resource the asset's resource
 * @param model the asset's pricing model
 * @param period the asset's charge period
 * @param quantity the quantity behind the amount (charged usage for USAGE lines, the share's basis
 *     otherwise), in the resource's unit
 * @param amount the amount, at the precision the allocator distributes in
 * @param rule a stable code of the rule that produced the amount
 * @param share the fraction of the asset's cost (or of the shared pool) this line carries, 0 to 1
 * @param explanation the numbers in words, e.g. {@code "acme used 12.5 of 96 vCPU-hours (13.02%) of
 *     node-7 ($4.80)"}
 */
public record CostLine(
    CostLineKind kind,
    Optional<TenantId> tenant,
    String assetId,
    String service,
    String region,
    ResourceType resource,
    PricingModel model,
    CostPeriod period,
    BigDecimal quantity,
    Money amount,
    String rule,
    BigDecimal share,
    String explanation) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a tenant is missing from a tenant line or present on an
   *     idle or unallocated one
   */
  public CostLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(explanation, "explanation");
    boolean tenantLine =
        kind == CostLineKind.USAGE
            || kind == CostLineKind.IDLE_SHARE
            || kind == CostLineKind.SHARED_SHARE;
    if (tenantLine != tenant.isPresent()) {
      throw new IllegalArgumentException(
          "cost line "
              + kind
              + " of "
              + assetId
              + ": tenant "
              + tenant
              + "; allowed: a tenant exactly on USAGE, IDLE_SHARE and SHARED_SHARE lines");
    }
  }
}
