package dev.tdeveloper.cost.focus;

import static dev.tdeveloper.cost.focus.FocusColumns.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.cost.allocation.CostLine;
import dev.tdeveloper.cost.allocation.CostLineKind;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FocusExporterTest {
  static final CostPeriod HOUR =
      CostPeriod.of(Instant.parse("2024-05-31T23:00:00Z"), Instant.parse("2024-06-01T00:00:00Z"));

  static CostLine usage(String tenant, String amount, String explanation) {
    return new CostLine(
        CostLineKind.USAGE,
        Optional.of(TenantId.of(tenant)),
        "node-7",
        "Amazon EC2",
        "eu-west-1",
        ResourceType.VCPU,
        PricingModel.SPOT,
        HOUR,
        new BigDecimal("12.5"),
        Money.of(amount, "USD"),
        "usage",
        new BigDecimal("0.130208"),
        explanation);
  }

  static CostLine idle() {
    return new CostLine(
        CostLineKind.IDLE,
        Optional.empty(),
        "node-7",
        "Amazon EC2",
        "eu-west-1",
        ResourceType.VCPU,
        PricingModel.SPOT,
        HOUR,
        new BigDecimal("3"),
        Money.of("0.5", "USD"),
        "idle.none",
        new BigDecimal("0.1"),
        "idle of node-7");
  }

  /** The exported CSV as one map per row, by column name. */
  static List<Map<String, String>> rows(String csv) {
    try (FocusCsv.Records in =
        FocusCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "export")) {
      List<String> header = in.next().orElseThrow();
      assertThat(header).isEqualTo(EXPORTED);
      List<Map<String, String>> rows = new ArrayList<>();
      for (var r = in.next(); r.isPresent(); r = in.next()) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          m.put(header.get(i), r.get().get(i));
        }
        rows.add(m);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void writesOneUsageRowPerLineWithEndExclusiveUtcPeriods() {
    List<Map<String, String>> rows =
        rows(FocusExporter.defaults().toCsv(List.of(usage("acme", "4.80", "x"), idle())));
    assertThat(rows).hasSize(2);
    Map<String, String> r = rows.get(0);
    assertThat(r.get(CHARGE_CATEGORY)).isEqualTo("Usage");
    assertThat(r.get(CHARGE_PERIOD_START)).isEqualTo("2024-05-31T23:00:00Z");
    assertThat(r.get(CHARGE_PERIOD_END)).isEqualTo("2024-06-01T00:00:00Z");
    assertThat(r.get(BILLING_PERIOD_START)).isEqualTo("2024-05-01T00:00:00Z");
    assertThat(r.get(BILLING_PERIOD_END)).isEqualTo("2024-06-01T00:00:00Z");
    assertThat(r.get(RESOURCE_ID)).isEqualTo("node-7");
    assertThat(r.get(REGION_ID)).isEqualTo("eu-west-1");
    assertThat(r.get(SERVICE_NAME)).isEqualTo("Amazon EC2");
    assertThat(r.get(SERVICE_CATEGORY)).isEqualTo("Compute");
    assertThat(r.get(PRICING_QUANTITY)).isEqualTo("12.5");
    assertThat(r.get(PRICING_UNIT)).isEqualTo("vCPU-hour");
    assertThat(r.get(PRICING_CATEGORY)).isEqualTo("Dynamic");
    assertThat(r.get(BILLING_CURRENCY)).isEqualTo("USD");
    assertThat(List.of(r.get(BILLED_COST), r.get(EFFECTIVE_COST), r.get(LIST_COST)))
        .containsOnly("4.80");
    assertThat(r.get(X_TENANT)).isEqualTo("acme");
    assertThat(r.get(X_COST_KIND)).isEqualTo("USAGE");
    assertThat(r.get(X_ALLOCATION_RULE)).isEqualTo("usage");
    assertThat(r.get(X_SHARE)).isEqualTo("0.130208");
    assertThat(r.get(X_PRICING_MODEL)).isEqualTo("spot");
    assertThat(r.get(COMMITMENT_DISCOUNT_ID)).isEmpty();
    assertThat(rows.get(1).get(X_TENANT)).isEmpty();
    assertThat(rows.get(1).get(X_COST_KIND)).isEqualTo("IDLE");
  }

  @Test
  void tagsAreAJsonObjectCarryingTheAllocation() throws Exception {
    Map<String, String> r =
        rows(FocusExporter.defaults().toCsv(List.of(usage("acme", "4.80", "why")))).get(0);
    @SuppressWarnings("unchecked")
    Map<String, String> tags = new ObjectMapper().readValue(r.get(TAGS), Map.class);
    assertThat(tags)
        .containsEntry("x-tenant", "acme")
        .containsEntry("x-kind", "USAGE")
        .containsEntry("x-rule", "usage")
        .containsEntry("x-share", "0.130208")
        .containsEntry("x-pricing-model", "spot")
        .containsEntry("x-explanation", "why");
  }

  @Test
  void amountsAreExactPlainDecimalsNeverScientific() {
    String csv = FocusExporter.defaults().toCsv(List.of(usage("acme", "1E-7", "x")));
    Map<String, String> r = rows(csv).get(0);
    assertThat(r.get(EFFECTIVE_COST)).isEqualTo("0.0000001");
    assertThat(csv).doesNotContain("E-7");
  }

  @Test
  void quotesCommasQuotesAndNewlinesPerRfc4180() {
    String explanation = "acme used 12.5, \"all\" of it\r\nnext line ✓";
    String csv = FocusExporter.defaults().toCsv(List.of(usage("acme", "1", explanation)));
    assertThat(csv).contains("\"acme used 12.5, \"\"all\"\" of it\r\nnext line ✓\"");
    assertThat(csv).endsWith("\r\n");
    assertThat(rows(csv).get(0).get(X_EXPLANATION)).isEqualTo(explanation);
    assertThat(rows(csv).get(0).get(CHARGE_DESCRIPTION)).isEqualTo(explanation);
  }

  @Test
  void builderFillsAccountProviderAndBillingPeriodColumns() {
    CostPeriod q2 =
        CostPeriod.of(Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));
    FocusExporter exporter =
        FocusExporter.builder()
            .billingAccount("123", "Main")
            .provider("AWS", "AWS", "AWS Inc.")
            .subAccount("456", "prod")
            .billingPeriod(q2)
            .build();
    StringWriter out = new StringWriter();
    exporter.write(List.of(usage("acme", "1", "x")), out);
    Map<String, String> r = rows(out.toString()).get(0);
    assertThat(r)
        .containsEntry(BILLING_ACCOUNT_ID, "123")
        .containsEntry(BILLING_ACCOUNT_NAME, "Main")
        .containsEntry(PROVIDER_NAME, "AWS")
        .containsEntry(INVOICE_ISSUER_NAME, "AWS Inc.")
        .containsEntry(SUB_ACCOUNT_ID, "456")
        .containsEntry(BILLING_PERIOD_START, "2024-04-01T00:00:00Z")
        .containsEntry(BILLING_PERIOD_END, "2024-07-01T00:00:00Z");
  }

  @Test
  void noLinesGiveAHeaderOnly() {
    assertThat(rows(FocusExporter.defaults().toCsv(List.of()))).isEmpty();
  }

  @Test
  void writeFlushesButDoesNotCloseTheWriter() {
    boolean[] closed = {false};
    StringWriter target = new StringWriter();
    Writer out =
        new FilterWriter(target) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    FocusExporter.defaults().write(List.of(idle()), out);
    assertThat(closed[0]).isFalse();
    assertThat(target.toString()).isEqualTo(FocusExporter.defaults().toCsv(List.of(idle())));
    assertThat(target.toString()).endsWith("\r\n").contains("idle of node-7");
  }
}
