package dev.tdeveloper.cost.focus;

import static dev.tdeveloper.cost.focus.FocusColumns.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.allocation.CostLine;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes allocated {@link CostLine}s as FOCUS 1.x CSV (RFC 4180, UTF-8 text, CRLF): a header of
 * {@link FocusColumns#EXPORTED}, then one row per line, in order.
 *
 * <p>How a line maps: {@code ChargeCategory} {@code Usage}, {@code ChargeFrequency} {@code
 * Usage-Based}; {@code ChargePeriodStart/End} the asset's charge period, ISO-8601 UTC, end
 * exclusive; {@code ResourceId} the asset id; {@code ServiceName}, {@code RegionId}; {@code
 * PricingQuantity}/{@code ConsumedQuantity} the line's quantity in its resource's unit ({@code
 * PricingUnit}/{@code ConsumedUnit}: {@code vCPU-hour}, {@code GB-hour}, ...); {@code
 * ServiceCategory} from the resource (Compute for vCPU, RAM and GPU, Storage, Networking for
 * egress, Other for requests); {@code PricingCategory} from the pricing model (Standard, Dynamic
 * for spot, Committed).
 *
 * <p>Costs: an allocated line is a chargeback of the asset's {@code EffectiveCost}, so its amount
 * is written as {@code EffectiveCost}, and as {@code BilledCost}, {@code ContractedCost} and {@code
 * ListCost} too: the tenant is invoiced exactly what was allocated to it, and a line carries no
 * list or contracted price of its own. Amounts are written exactly ({@link
 * java.math.BigDecimal#toPlainString()}, never in scientific notation, never rounded).
 *
 * <p>The allocation travels twice: in {@code Tags} as a JSON object ({@code x-tenant}, {@code
 * x-kind}, {@code x-rule}, {@code x-share}, {@code x-pricing-model}, {@code x-explanation}) for
 * tools that read only FOCUS columns, and in the custom columns {@code x_Tenant}, {@code
 * x_CostKind}, {@code x_AllocationRule}, {@code x_Share}, {@code x_PricingModel}, {@code
 * x_Explanation} for tools that filter on columns. The explanation is also the {@code
 * ChargeDescription}.
 *
 * <p>What the allocator cannot know is empty: {@code ChargeClass}, the {@code CommitmentDiscount*}
 * columns, unit prices, {@code RegionName}, {@code ResourceName}, {@code ResourceType}, {@code
 * SkuId}, {@code SkuPriceId}; account and provider names are empty unless set on the builder. The
 * billing period is the UTC calendar month of the charge period's start unless set on the builder.
 *
 * <p>Immutable and thread-safe.
 */
public final class FocusExporter {
  /** Tag key of the tenant. */
  public static final String TAG_TENANT = "x-tenant";

  /** Tag key of the cost line kind. */
  public static final String TAG_KIND = "x-kind";

  /** Tag key of the allocation rule. */
  public static final String TAG_RULE = "x-rule";

  /** Tag key of the share. */
  public static final String TAG_SHARE = "x-share";

  /** Tag key of the pricing model. */
  public static final String TAG_PRICING_MODEL = "x-pricing-model";

  /** Tag key of the explanation. */
  public static final String TAG_EXPLANATION = "x-explanation";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

  private final Map<String, String> fixed;
  private final Map<String, String> billingPeriod;

  private FocusExporter(Builder b) {
    this.fixed =
        Map.of(
            BILLING_ACCOUNT_ID, b.billingAccountId,
            BILLING_ACCOUNT_NAME, b.billingAccountName,
            PROVIDER_NAME, b.providerName,
            PUBLISHER_NAME, b.publisherName,
            INVOICE_ISSUER_NAME, b.invoiceIssuerName,
            SUB_ACCOUNT_ID, b.subAccountId,
            SUB_ACCOUNT_NAME, b.subAccountName);
    this.billingPeriod =
        b.billingPeriod == null
            ? Map.of()
            : Map.of(
                BILLING_PERIOD_START, UTC.format(b.billingPeriod.start()),
                BILLING_PERIOD_END, UTC.format(b.billingPeriod.end()));
  }

  /**
   * An exporter with every account and provider column empty.
   *
   * @return the exporter
   */
  public static FocusExporter defaults() {
    return builder().build();
  }

  /**
   * A builder for the columns the allocation does not carry.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The CSV text of the lines: header and one row per line.
   *
   * @param lines the allocated lines
   * @return the CSV, CRLF-terminated records
   */
  public String toCsv(List<CostLine> lines) {
    StringWriter out = new StringWriter(256 + 512 * Objects.requireNonNull(lines, "lines").size());
    write(lines, out);
    return out.toString();
  }

  /**
   * Writes the CSV of the lines; the writer is flushed, not closed.
   *
   * @param lines the allocated lines
   * @param out where to write (use UTF-8)
   * @throws UncheckedIOException when writing fails
   */
  public void write(List<CostLine> lines, Writer out) {
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(out, "out");
    List<List<String>> records = new ArrayList<>(lines.size() + 1);
    records.add(EXPORTED);
    for (CostLine line : lines) {
      Map<String, String> row = row(Objects.requireNonNull(line, "line"));
      records.add(EXPORTED.stream().map(c -> row.getOrDefault(c, "")).toList());
    }
    try {
      FocusCsv.write(out, records);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the FOCUS export failed", e);
    }
  }

  private Map<String, String> row(CostLine line) {
    Map<String, String> r = new HashMap<>(fixed);
    String amount = line.amount().amount().toPlainString();
    String quantity = line.quantity().toPlainString();
    String tenant = line.tenant().map(TenantId::value).orElse("");
    r.put(BILLED_COST, amount);
    r.put(EFFECTIVE_COST, amount);
    r.put(LIST_COST, amount);
    r.put(CONTRACTED_COST, amount);
    r.put(BILLING_CURRENCY, line.amount().currency().getCurrencyCode());
    r.putAll(billingPeriod.isEmpty() ? monthOf(line.period().start()) : billingPeriod);
    r.put(CHARGE_CATEGORY, "Usage");
    r.put(CHARGE_FREQUENCY, "Usage-Based");
    r.put(CHARGE_DESCRIPTION, line.explanation());
    r.put(CHARGE_PERIOD_START, UTC.format(line.period().start()));
    r.put(CHARGE_PERIOD_END, UTC.format(line.period().end()));
    r.put(CONSUMED_QUANTITY, quantity);
    r.put(CONSUMED_UNIT, line.resource().unit());
    r.put(PRICING_QUANTITY, quantity);
    r.put(PRICING_UNIT, line.resource().unit());
    r.put(PRICING_CATEGORY, pricingCategory(line.model()));
    r.put(REGION_ID, line.region());
    r.put(RESOURCE_ID, line.assetId());
    r.put(SERVICE_CATEGORY, serviceCategory(line.resource()));
    r.put(SERVICE_NAME, line.service());
    r.put(X_TENANT, tenant);
    r.put(X_COST_KIND, line.kind().name());
    r.put(X_ALLOCATION_RULE, line.rule());
    r.put(X_SHARE, line.share().toPlainString());
    r.put(X_PRICING_MODEL, line.model().key());
    r.put(X_EXPLANATION, line.explanation());
    Map<String, String> tags = new TreeMap<>();
    if (!tenant.isEmpty()) {
      tags.put(TAG_TENANT, tenant);
    }
    tags.put(TAG_KIND, line.kind().name());
    tags.put(TAG_RULE, line.rule());
    tags.put(TAG_SHARE, line.share().toPlainString());
    tags.put(TAG_PRICING_MODEL, line.model().key());
    tags.put(TAG_EXPLANATION, line.explanation());
    try {
      r.put(TAGS, JSON.writeValueAsString(tags));
    } catch (JsonProcessingException e) {
      throw new CostException("asset " + line.assetId() + ": tags cannot be written as JSON", e);
    }
    return r;
  }

  private static Map<String, String> monthOf(Instant t) {
    LocalDate first = LocalDate.ofInstant(t, ZoneOffset.UTC).withDayOfMonth(1);
    return Map.of(
        BILLING_PERIOD_START, UTC.format(first.atStartOfDay(ZoneOffset.UTC).toInstant()),
        BILLING_PERIOD_END,
            UTC.format(first.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  static String pricingCategory(PricingModel model) {
    return switch (model) {
      case ON_DEMAND -> "Standard";
      case SPOT -> "Dynamic";
      case COMMITTED -> "Committed";
    };
  }

  static String serviceCategory(ResourceType resource) {
    return switch (resource) {
      case VCPU, RAM, GPU -> "Compute";
      case STORAGE -> "Storage";
      case EGRESS -> "Networking";
      case REQUESTS -> "Other";
    };
  }

  /** Sets the columns an allocation does not carry; each setter once. Not thread-safe. */
  public static final class Builder {
    private String billingAccountId = "";
    private String billingAccountName = "";
    private String providerName = "";
    private String publisherName = "";
    private String invoiceIssuerName = "";
    private String subAccountId = "";
    private String subAccountName = "";
    private CostPeriod billingPeriod;

    private Builder() {}

    /**
     * {@code BillingAccountId} and {@code BillingAccountName}; default empty.
     *
     * @param id the account id
     * @param name the account name
     * @return this builder
     */
    public Builder billingAccount(String id, String name) {
      this.billingAccountId = Objects.requireNonNull(id, "id");
      this.billingAccountName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * {@code ProviderName}, {@code PublisherName} and {@code InvoiceIssuerName}; default empty.
     *
     * @param provider who made the resources available, e.g. {@code "AWS"}
     * @param publisher who produced them
     * @param invoiceIssuer who invoiced them
     * @return this builder
     */
    public Builder provider(String provider, String publisher, String invoiceIssuer) {
      this.providerName = Objects.requireNonNull(provider, "provider");
      this.publisherName = Objects.requireNonNull(publisher, "publisher");
      this.invoiceIssuerName = Objects.requireNonNull(invoiceIssuer, "invoiceIssuer");
      return this;
    }

    /**
     * {@code SubAccountId} and {@code SubAccountName}; default empty.
     *
     * @param id the sub-account id
     * @param name its name
     * @return this builder
     */
    public Builder subAccount(String id, String name) {
      this.subAccountId = Objects.requireNonNull(id, "id");
      this.subAccountName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * One billing period for every row; default the UTC month of each row's charge start.
     *
     * @param period the billing period, end exclusive
     * @return this builder
     */
    public Builder billingPeriod(CostPeriod period) {
      this.billingPeriod = Objects.requireNonNull(period, "period");
      return this;
    }

    /**
     * The exporter.
     *
     * @return an immutable exporter
     */
    public FocusExporter build() {
      return new FocusExporter(this);
    }
  }
}
