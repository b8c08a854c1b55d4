package dev.tdeveloper.cost.report;

import static dev.tdeveloper.cost.report.Reports.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.cost.allocation.Allocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinOpsReportJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static BigDecimal dec(JsonNode n) {
    assertThat(n.isTextual()).as("money is an exact string: %s", n).isTrue();
    return new BigDecimal(n.asText());
  }

  @Test
  void tenantsIdleAndUnallocatedAddUpToTheBillInTheJson() throws Exception {
    JsonNode root = JSON.readTree(Reports.full().toJson());
    JsonNode s = root.get("summary");
    BigDecimal tenants = BigDecimal.ZERO;
    for (JsonNode t : root.get("tenants")) {
      tenants = tenants.add(dec(t.get("total")));
    }
    BigDecimal total = dec(s.get("total"));
    assertThat(tenants.add(dec(s.get("idle"))).add(dec(s.get("unallocated"))))
        .isEqualByComparingTo(total);
    assertThat(dec(s.get("allocatedToTenants"))).isEqualByComparingTo(tenants);
    // 5 days x (24.00 + 10.0i): 120.00 + 50.00 + 0.10
    assertThat(total).isEqualByComparingTo("170.10");
    assertThat(s.get("reconciled").asBoolean()).isTrue();
    assertThat(s.get("days").asInt()).isEqualTo(5);
    BigDecimal services = BigDecimal.ZERO;
    for (JsonNode x : root.get("services")) {
      services = services.add(dec(x.get("cost")));
    }
    assertThat(services).isEqualByComparingTo(total);
    for (JsonNode d : root.get("days")) {
      assertThat(
              dec(d.get("allocatedToTenants"))
                  .add(dec(d.get("idle")))
                  .add(dec(d.get("unallocated"))))
          .isEqualByComparingTo(dec(d.get("total")));
    }
  }

  @Test
  void idleIsKeptOnEvenDaysAndSharedOnOddDaysWithItsShareOfTheBill() throws Exception {
    JsonNode days = JSON.readTree(Reports.full().toJson()).get("days");
    // day 0: node-1 24 vCPU-hours, 12 used -> 12.00 idle; storage 10 used 3 -> 7.00 idle
    JsonNode first = days.get(0);
    assertThat(first.get("day").asText()).isEqualTo("2024-03-01");
    assertThat(dec(first.get("idle"))).isEqualByComparingTo("19.00");
    assertThat(dec(first.get("idleShared"))).isEqualByComparingTo("0");
    assertThat(first.get("idleSharePercent").asText()).isEqualTo("55.88");
    JsonNode second = days.get(1);
    assertThat(dec(second.get("idle"))).isEqualByComparingTo("0");
    assertThat(dec(second.get("idleShared")).signum()).isPositive();
  }

  @Test
  void everyTenantsLinesExplainItsTotal() throws Exception {
    FinOpsReport report = Reports.full();
    JsonNode root = JSON.readTree(report.toJson());
    List<String> tenants = new ArrayList<>();
    for (JsonNode t : root.get("tenants")) {
      tenants.add(t.get("tenant").asText());
      BigDecimal daily = BigDecimal.ZERO;
      for (JsonNode d : t.get("daily")) {
        daily = daily.add(dec(d.get("cost")));
      }
      assertThat(daily).isEqualByComparingTo(dec(t.get("total")));
      assertThat(dec(t.get("usage")).add(dec(t.get("idleShare"))).add(dec(t.get("sharedShare"))))
          .isEqualByComparingTo(dec(t.get("total")));
    }
    assertThat(tenants).containsExactly("acme", "globex", "initech");
    JsonNode acme = root.get("explanations").get(0);
    assertThat(acme.get("tenant").asText()).isEqualTo("acme");
    BigDecimal lines = BigDecimal.ZERO;
    for (JsonNode l : acme.get("lines")) {
      lines = lines.add(dec(l.get("amount")));
      assertThat(l.get("rule").asText()).isNotBlank();
      assertThat(l.get("asset").asText()).isIn("node-1", Reports.SCRIPT);
      assertThat(new BigDecimal(l.get("share").asText()))
          .isBetween(BigDecimal.ZERO, BigDecimal.ONE);
      assertThat(l.get("explanation").asText()).isNotBlank();
    }
    assertThat(lines).isEqualByComparingTo(dec(root.get("tenants").get(0).get("total")));
    BigDecimal fromAllocations = BigDecimal.ZERO;
    for (int i = 0; i < 5; i++) {
      Allocation a = Reports.day(i);
      fromAllocations = fromAllocations.add(a.tenantTotal(ACME).amount());
    }
    assertThat(lines).isEqualByComparingTo(fromAllocations);
  }

  @Test
  void budgetsAnomaliesRecommendationsAndUnitEconomicsKeepTheirNumbers() throws Exception {
    JsonNode root = JSON.readTree(Reports.full().toJson());
    JsonNode b = root.get("budgets").get(0);
    assertThat(b.get("amount").asText()).isEqualTo("500.00");
    assertThat(b.get("actual").asText()).isEqualTo("171.00");
    assertThat(b.at("/forecast/total").asText()).isEqualTo("1060.00");
    assertThat(b.at("/forecast/interval95/lower").asText()).isEqualTo("930.00");
    assertThat(b.at("/forecast/interval80/upper").asText()).isEqualTo("1140.00");
    assertThat(b.get("state").asText()).isEqualTo("ALARM");
    assertThat(b.at("/scope/id").asText()).isEqualTo(Reports.SCRIPT);
    assertThat(b.get("notifications")).hasSize(2);
    JsonNode a = root.get("anomalies").get(0);
    assertThat(a.get("status").asText()).isEqualTo("OPEN");
    assertThat(a.get("end").isNull()).isTrue();
    assertThat(a.get("impact").asText()).isEqualTo("12.00");
    assertThat(a.at("/rootCauses/0/service").asText()).isEqualTo(Reports.QUOTES);
    JsonNode recs = root.get("recommendations");
    assertThat(recs.get(0).get("kind").asText()).isEqualTo("COMMITMENT"); // larger savings first
    assertThat(recs.get(0).get("tenant").isNull()).isTrue();
    assertThat(recs.get(1).get("monthlySavings").asText()).isEqualTo("70.08");
    assertThat(root.at("/savingsByKind/RIGHTSIZE").asText()).isEqualTo("70.08");
    assertThat(root.at("/savingsByKind/IDLE").asText()).isEqualTo("0.00");
    JsonNode u = root.get("unitEconomics").get(0);
    assertThat(u.get("month").asText()).isEqualTo("2024-03");
    assertThat(u.at("/tenants/0/tenant").asText()).isEqualTo("acme");
    assertThat(u.at("/tenants/0/target").asText()).isEqualTo("100");
    assertThat(u.at("/tenants/0/margin").isNull()).isFalse();
    assertThat(u.at("/tenants/1/margin").isNull()).isTrue();
  }

  @Test
  void emptyInputsGiveEmptyListsZeroTotalsAndTheSameFields() throws Exception {
    JsonNode root = JSON.readTree(Reports.empty().toJson());
    JsonNode full = JSON.readTree(Reports.full().toJson());
    List<String> names = new ArrayList<>();
    root.fieldNames().forEachRemaining(names::add);
    List<String> fullNames = new ArrayList<>();
    full.fieldNames().forEachRemaining(fullNames::add);
    assertThat(names).isEqualTo(fullNames);
    assertThat(root.at("/summary/total").asText()).isEqualTo("0.00");
    assertThat(root.at("/summary/idleSharePercent").asText()).isEqualTo("0.00");
    assertThat(root.at("/summary/reconciled").asBoolean()).isTrue();
    for (String list :
        List.of("days", "tenants", "services", "budgets", "anomalies", "recommendations")) {
      assertThat(root.get(list)).as(list).isEmpty();
    }
    assertThat(root.get("unitEconomics")).isEmpty();
    assertThat(root.get("explanations")).isEmpty();
  }
}
