package dev.tdeveloper.cost.focus;

import java.util.List;

/**
 * FOCUS 1.x column ids used by {@link FocusExporter} and {@link FocusCsvBillingImporter}, and our
 * custom columns, which carry the {@code x_} prefix FOCUS reserves for them.
 */
public final class FocusColumns {
  private FocusColumns() {}

  /** Invoiced cost, after discounts, without amortized purchases. */
  public static final String BILLED_COST = "BilledCost";

  /** Billing account id. */
  public static final String BILLING_ACCOUNT_ID = "BillingAccountId";

  /** Billing account name. */
  public static final String BILLING_ACCOUNT_NAME = "BillingAccountName";

  /** ISO 4217 currency of every cost column. */
  public static final String BILLING_CURRENCY = "BillingCurrency";

  /** Exclusive end of the billing period. */
  public static final String BILLING_PERIOD_END = "BillingPeriodEnd";

  /** Inclusive start of the billing period. */
  public static final String BILLING_PERIOD_START = "BillingPeriodStart";

  /** Usage, Purchase, Tax, Credit or Adjustment. */
  public static final String CHARGE_CATEGORY = "ChargeCategory";

  /** Empty, or {@code Correction} for a row correcting an earlier period. */
  public static final String CHARGE_CLASS = "ChargeClass";

  /** A self-contained summary of the charge. */
  public static final String CHARGE_DESCRIPTION = "ChargeDescription";

  /** One-Time, Recurring or Usage-Based. */
  public static final String CHARGE_FREQUENCY = "ChargeFrequency";

  /** Exclusive end of the charge period. */
  public static final String CHARGE_PERIOD_END = "ChargePeriodEnd";

  /** Inclusive start of the charge period. */
  public static final String CHARGE_PERIOD_START = "ChargePeriodStart";

  /** Usage or Spend. */
  public static final String COMMITMENT_DISCOUNT_CATEGORY = "CommitmentDiscountCategory";

  /** The commitment discount applied to the row. */
  public static final String COMMITMENT_DISCOUNT_ID = "CommitmentDiscountId";

  /** The commitment discount's display name. */
  public static final String COMMITMENT_DISCOUNT_NAME = "CommitmentDiscountName";

  /** Used or Unused. */
  public static final String COMMITMENT_DISCOUNT_STATUS = "CommitmentDiscountStatus";

  /** The provider's label of the commitment discount, e.g. a savings plan. */
  public static final String COMMITMENT_DISCOUNT_TYPE = "CommitmentDiscountType";

  /** Quantity consumed, in {@link #CONSUMED_UNIT}. */
  public static final String CONSUMED_QUANTITY = "ConsumedQuantity";

  /** Unit of {@link #CONSUMED_QUANTITY}. */
  public static final String CONSUMED_UNIT = "ConsumedUnit";

  /** Cost at contracted unit prices. */
  public static final String CONTRACTED_COST = "ContractedCost";

  /** Contracted unit price. */
  public static final String CONTRACTED_UNIT_PRICE = "ContractedUnitPrice";

  /** Amortized cost after all discounts: what cost-core allocates. */
  public static final String EFFECTIVE_COST = "EffectiveCost";

  /** Who issued the invoice. */
  public static final String INVOICE_ISSUER_NAME = "InvoiceIssuerName";

  /** Cost at list prices. */
  public static final String LIST_COST = "ListCost";

  /** List unit price. */
  public static final String LIST_UNIT_PRICE = "ListUnitPrice";

  /** Standard, Dynamic, Committed or Other. */
  public static final String PRICING_CATEGORY = "PricingCategory";

  /** Quantity priced, in {@link #PRICING_UNIT}. */
  public static final String PRICING_QUANTITY = "PricingQuantity";

  /** Unit of {@link #PRICING_QUANTITY}. */
  public static final String PRICING_UNIT = "PricingUnit";

  /** Who made the resources available. */
  public static final String PROVIDER_NAME = "ProviderName";

  /** Who produced the resources. */
  public static final String PUBLISHER_NAME = "PublisherName";

  /** Region id. */
  public static final String REGION_ID = "RegionId";

  /** Region name. */
  public static final String REGION_NAME = "RegionName";

  /** Resource id: an {@link dev.tdeveloper.cost.allocation.Asset}'s id. */
  public static final String RESOURCE_ID = "ResourceId";

  /** Resource display name. */
  public static final String RESOURCE_NAME = "ResourceName";

  /** The provider's kind of resource, e.g. Virtual Machine. */
  public static final String RESOURCE_TYPE = "ResourceType";

  /** Compute, Storage, Networking, ... */
  public static final String SERVICE_CATEGORY = "ServiceCategory";

  /** The service billed. */
  public static final String SERVICE_NAME = "ServiceName";

  /** The SKU. */
  public static final String SKU_ID = "SkuId";

  /** The SKU price. */
  public static final String SKU_PRICE_ID = "SkuPriceId";

  /** Sub-account id. */
  public static final String SUB_ACCOUNT_ID = "SubAccountId";

  /** Sub-account name. */
  public static final String SUB_ACCOUNT_NAME = "SubAccountName";

  /** A JSON object of tags. */
  public static final String TAGS = "Tags";

  /** Custom: the tenant charged, empty for idle and unallocated lines. */
  public static final String X_TENANT = "x_Tenant";

  /** Custom: the {@link dev.tdeveloper.cost.allocation.CostLineKind}. */
  public static final String X_COST_KIND = "x_CostKind";

  /** Custom: the allocation rule's code, e.g. {@code idle.proportional}. */
  public static final String X_ALLOCATION_RULE = "x_AllocationRule";

  /** Custom: the share of the asset's cost the row carries, 0 to 1. */
  public static final String X_SHARE = "x_Share";

  /** Custom: the {@link dev.tdeveloper.cost.price.PricingModel} key; wins on import. */
  public static final String X_PRICING_MODEL = "x_PricingModel";

  /** Custom: the allocation's explanation in words. */
  public static final String X_EXPLANATION = "x_Explanation";

  /** The header {@link FocusExporter} writes, in this order. */
  public static final List<String> EXPORTED =
      List.of(
          BILLED_COST,
          BILLING_ACCOUNT_ID,
          BILLING_ACCOUNT_NAME,
          BILLING_CURRENCY,
          BILLING_PERIOD_END,
          BILLING_PERIOD_START,
          CHARGE_CATEGORY,
          CHARGE_CLASS,
          CHARGE_DESCRIPTION,
          CHARGE_FREQUENCY,
          CHARGE_PERIOD_END,
          CHARGE_PERIOD_START,
          COMMITMENT_DISCOUNT_CATEGORY,
          COMMITMENT_DISCOUNT_ID,
          COMMITMENT_DISCOUNT_NAME,
          COMMITMENT_DISCOUNT_STATUS,
          COMMITMENT_DISCOUNT_TYPE,
          CONSUMED_QUANTITY,
          CONSUMED_UNIT,
          CONTRACTED_COST,
          CONTRACTED_UNIT_PRICE,
          EFFECTIVE_COST,
          INVOICE_ISSUER_NAME,
          LIST_COST,
          LIST_UNIT_PRICE,
          PRICING_CATEGORY,
          PRICING_QUANTITY,
          PRICING_UNIT,
          PROVIDER_NAME,
          PUBLISHER_NAME,
          REGION_ID,
          REGION_NAME,
          RESOURCE_ID,
          RESOURCE_NAME,
          RESOURCE_TYPE,
          SERVICE_CATEGORY,
          SERVICE_NAME,
          SKU_ID,
          SKU_PRICE_ID,
          SUB_ACCOUNT_ID,
          SUB_ACCOUNT_NAME,
          TAGS,
          X_TENANT,
          X_COST_KIND,
          X_ALLOCATION_RULE,
          X_SHARE,
          X_PRICING_MODEL,
          X_EXPLANATION);

  /** The columns {@link FocusCsvBillingImporter} needs in a bill's header (any order). */
  public static final List<String> REQUIRED_FOR_IMPORT =
      List.of(
          CHARGE_CATEGORY,
          CHARGE_PERIOD_START,
          CHARGE_PERIOD_END,
          BILLING_CURRENCY,
          BILLED_COST,
          EFFECTIVE_COST,
          LIST_COST,
          RESOURCE_ID,
          SERVICE_NAME,
          REGION_ID,
          PRICING_QUANTITY,
          PRICING_UNIT);
}
