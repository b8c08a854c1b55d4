package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * One allocated amount read back from a {@link PartTable}: the numbers only, with the {@link Basis}
 * of the split that produced it, which computes its share and sentence on demand.
 *
 * @param kind what part of the cost it is
 * @param tenant the tenant; null on IDLE and UNALLOCATED parts
 * @param asset the asset
 * @param quantity the quantity behind the amount
 * @param amount the amount
 * @param rule the rule code
 * @param basis the split it came from
 */
record Part(
    CostLineKind kind,
    TenantId tenant,
    Asset asset,
    BigDecimal quantity,
    BigDecimal amount,
    String rule,
    Part.Basis basis) {

  /** The line an operator reads, share and sentence included. */
  CostLine toLine(Currency currency) {
    return new CostLine(
        kind,
        Optional.ofNullable(tenant),
        asset.id(),
        asset.service(),
        asset.region(),
        asset.resource(),
        asset.model(),
        asset.period(),
        quantity,
        new Money(amount, currency),
        rule,
        basis.share(this),
        basis.explain(this, currency));
  }

  /**
   * What one split of one asset's cost knew: the weights its parts were split by and the numbers
   * its sentences quote. One per asset (or per allocation for shared costs), shared by its parts.
   */
  interface Basis {
    /**
     * The fraction of the split one of its parts carries.
     *
     * @param part the part
     * @return its weight over the sum of the split's weights
     */
    BigDecimal share(Part part);

    /**
     * The sentence of one of this split's parts.
     *
     * @param part the part
     * @param currency the allocation's currency
     * @return the explanation
     */
    String explain(Part part, Currency currency);
  }
}
