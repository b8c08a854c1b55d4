package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * One allocated amount as an {@link Allocation} keeps it: the numbers only. Its share and its
 * sentence are computed from them, and from the {@link Basis} of the split that produced it, when
 * the line is read ({@link #toLine}), so a month of 10,000 tenants holds a few compact objects per
 * line instead of every sentence. Immutable.
 */
final class Part {
  final CostLineKind kind;
  final TenantId tenant; // null on IDLE and UNALLOCATED parts
  final Asset asset;
  final BigDecimal quantity;
  final BigDecimal amount;
  final String rule;
  final BigDecimal weight; // this part's weight in its split; share = weight / basis.weightTotal()
  final Basis basis;

  Part(
      CostLineKind kind,
      TenantId tenant,
      Asset asset,
      BigDecimal quantity,
      BigDecimal amount,
      String rule,
      BigDecimal weight,
      Basis basis) {
    this.kind = kind;
    this.tenant = tenant;
    this.asset = asset;
    this.quantity = quantity;
    this.amount = amount;
    this.rule = rule;
    this.weight = weight;
    this.basis = basis;
  }

  /** The fraction of the split this part carries. */
  BigDecimal share() {
    return Words.share(weight, basis.weightTotal());
  }

  /** The line an operator reads, sentence included. */
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
        share(),
        basis.explain(this, currency));
  }

  /**
   * What one split of one asset's cost knew: the sum of its weights and the numbers its sentences
   * quote. One per asset, shared by its parts.
   */
  interface Basis {
    /**
     * The sum of the split's weights.
     *
     * @return the denominator of every part's share
     */
    BigDecimal weightTotal();

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
