package dev.tdeveloper.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.report.FinOpsReport;
import dev.tdeveloper.cost.report.FinOpsReportBuilder;
import dev.tdeveloper.cost.unit.UnitEconomics;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's {@link FinOpsReport}, built from the last cost run: one allocation per day kept, the
 * tenants' budget statuses, their anomalies, the cluster's recommendations, and this UTC month's
 * unit economics against {@link DemoCost#TARGET} with the revenue of each tenant's plan ({@link
 * DemoCost#REVENUE}). The JSON is the report's, with the demo's own fields added: {@code
 * generatedAt}, {@code region}, {@code rules} (how costs are split), {@code plans} (each tenant's
 * plan), {@code unbudgeted} (tenants whose plan has no budget) and {@code skippedMeterWindows}
 * (meters with no cost mapping). Stateless and thread-safe.
 */
final class FinOpsView {
  private FinOpsView() {}

  /** Builds the report of every day kept (today alone before the first run). */
  static FinOpsReport report(DemoCost cost) {
    DemoCost.Snapshot s = cost.snapshot();
    Currency currency = cost.book().currency();
    LocalDate today = LocalDate.ofInstant(s.at(), ZoneOffset.UTC);
    LocalDate start = s.days().isEmpty() ? today : s.days().get(0).day();
    LocalDate end =
        s.days().isEmpty()
            ? today.plusDays(1)
            : s.days().get(s.days().size() - 1).day().plusDays(1);
    FinOpsReportBuilder report =
        FinOpsReport.builder()
            .title("FinOps report of the tdeveloper demo")
            .currency(currency)
            .period(start, end)
            .budgets(cost.watch().budgets())
            .recommendations(s.recommendations());
    List<DailyCost> history = new ArrayList<>();
    for (DemoCost.Day d : s.days()) {
      report.allocation(d.day(), d.allocation());
      history.addAll(d.allocation().dailyCosts());
    }
    Map<TenantId, Tenant> registered = registered(cost);
    report.anomalies(cost.watch().anomalies(registered.keySet()));
    YearMonth month = YearMonth.from(today);
    Map<TenantId, Money> costs = UnitEconomics.monthlyCosts(history).getOrDefault(month, Map.of());
    Map<TenantId, Money> revenue = new TreeMap<>();
    registered.forEach(
        (t, tenant) -> {
          String r = DemoCost.REVENUE.get(tenant.plan());
          if (r != null) {
            revenue.put(t, Money.of(new BigDecimal(r), currency));
          }
        });
    if (!costs.isEmpty() || !revenue.isEmpty()) {
      report.unitEconomics(
          UnitEconomics.withTarget(Money.of(new BigDecimal(DemoCost.TARGET), currency))
              .evaluate(month, costs, revenue));
    }
    return report.build();
  }

  /** The report's JSON with the demo's own fields. */
  static ObjectNode json(DemoCost cost) {
    ObjectNode root = tree(report(cost).toJson());
    DemoCost.Snapshot s = cost.snapshot();
    root.put("generatedAt", s.at().toString());
    root.put("region", DemoCost.REGION);
    ObjectNode rules = root.putObject("rules");
    rules.put("idleSharing", "PROPORTIONAL, per hour, among the tenants that used the cluster");
    rules.put("sharedSplit", "PROPORTIONAL to the tenants' allocated cost of the day");
    rules.put("cpuMillisPerRequest", DemoCost.CPU_MILLIS_PER_REQUEST);
    rules.put("platformMonthly", CostAssets.PLATFORM_MONTHLY);
    rules.put("daysKept", DemoCost.DAYS_KEPT);
    ObjectNode plans = root.putObject("plans");
    registered(cost).forEach((t, tenant) -> plans.put(t.value(), tenant.plan()));
    ObjectNode unbudgeted = root.putObject("unbudgeted");
    cost.watch().unbudgeted().forEach((t, plan) -> unbudgeted.put(t.value(), plan));
    ObjectNode skipped = root.putObject("skippedMeterWindows");
    s.skippedWindows().forEach(skipped::put);
    return root;
  }

  /** The short summary {@code /ops} shows under {@code cost}. */
  static ObjectNode summary(DemoCost cost) {
    ObjectNode full = json(cost);
    ObjectNode summary = ((ObjectNode) full.get("summary")).deepCopy();
    summary.put("generatedAt", full.path("generatedAt").asText());
    summary.put("currency", full.path("currency").asText());
    long alarms = 0;
    for (var b : full.path("budgets")) {
      for (var n : b.path("notifications")) {
        alarms += "ALARM".equals(n.path("state").asText()) ? 1 : 0;
      }
    }
    summary.put("budgetNotificationsInAlarm", alarms);
    summary.put("anomalies", full.path("anomalies").size());
    summary.put("recommendations", full.path("recommendations").size());
    summary.put("report", "/admin/finops");
    return summary;
  }

  private static Map<TenantId, Tenant> registered(DemoCost cost) {
    Map<TenantId, Tenant> registered = new TreeMap<>();
    cost.registry().list().forEach(t -> registered.put(t.id(), t));
    return registered;
  }

  private static ObjectNode tree(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
