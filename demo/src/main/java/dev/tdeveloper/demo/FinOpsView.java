package dev.tdeveloper.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.allocation.CostLine;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.anomaly.CostAnomaly;
import dev.tdeveloper.cost.budget.BudgetStatus;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.optimize.Recommendation;
import dev.tdeveloper.cost.unit.TenantEconomics;
import dev.tdeveloper.cost.unit.UnitEconomics;
import dev.tdeveloper.cost.unit.UnitEconomicsReport;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The FinOps view of the demo's cost accounting as JSON, built from the parts of the last run:
 * {@code summary} (total, allocated to tenants, idle, unallocated, idle share, reconciled), {@code
 * rules}, {@code tenants} (plan and total), {@code days} (per day: total, idle, unallocated, each
 * tenant), {@code services}, {@code budgets}, {@code anomalies}, {@code recommendations}, {@code
 * unitEconomics} (this UTC month against {@link DemoCost#TARGET} and the plans' revenue) and {@code
 * explanations} (each tenant's lines of the latest day: kind, asset, rule, share, amount and the
 * sentence saying why). Amounts are exact decimal strings. Stateless and thread-safe.
 */
final class FinOpsView {
  private FinOpsView() {}

  /** Builds the whole view. */
  static ObjectNode json(DemoCost cost) {
    DemoCost.Snapshot s = cost.snapshot();
    Currency currency = cost.book().currency();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("generatedAt", s.at().toString());
    root.put("currency", currency.getCurrencyCode());
    root.put("region", DemoCost.REGION);
    ObjectNode rules = root.putObject("rules");
    rules.put("idleSharing", "PROPORTIONAL");
    rules.put("sharedSplit", "PROPORTIONAL");
    rules.put("cpuMillisPerRequest", DemoCost.CPU_MILLIS_PER_REQUEST);
    rules.put("platformMonthly", CostAssets.PLATFORM_MONTHLY);
    rules.put("daysKept", DemoCost.DAYS_KEPT);
    Money total = Money.zero(currency);
    Money idle = Money.zero(currency);
    Money unallocated = Money.zero(currency);
    Map<TenantId, Money> tenants = new TreeMap<>();
    Map<String, Money> services = new TreeMap<>();
    ArrayNode days = root.putArray("days");
    List<DailyCost> history = new ArrayList<>();
    for (DemoCost.Day d : s.days()) {
      Allocation a = d.allocation();
      a.reconcile();
      total = total.plus(a.total());
      idle = idle.plus(a.idle());
      unallocated = unallocated.plus(a.unallocated());
      a.tenantTotals().forEach((t, m) -> tenants.merge(t, m, Money::plus));
      a.serviceTotals().forEach((k, m) -> services.merge(k, m, Money::plus));
      history.addAll(a.dailyCosts());
      ObjectNode day = days.addObject();
      day.put("day", d.period().start().atZone(ZoneOffset.UTC).toLocalDate().toString());
      day.put("start", d.period().start().toString());
      day.put("end", d.period().end().toString());
      day.put("total", plain(a.total()));
      day.put("idle", plain(a.idle()));
      day.put("unallocated", plain(a.unallocated()));
      ObjectNode byTenant = day.putObject("tenants");
      a.tenantTotals().forEach((t, m) -> byTenant.put(t.value(), plain(m)));
    }
    Money allocated = Money.zero(currency);
    for (Money m : tenants.values()) {
      allocated = allocated.plus(m);
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("total", plain(total));
    summary.put("allocatedToTenants", plain(allocated));
    summary.put("idle", plain(idle));
    summary.put("unallocated", plain(unallocated));
    summary.put(
        "idleSharePercent",
        total.isZero()
            ? "0"
            : idle.amount()
                .multiply(BigDecimal.valueOf(100))
                .divide(total.amount(), 2, RoundingMode.HALF_EVEN)
                .toPlainString());
    summary.put("reconciled", allocated.plus(idle).plus(unallocated).equals(total));
    summary.put("days", s.days().size());
    Map<TenantId, Tenant> registered = new TreeMap<>();
    cost.registry().list().forEach(t -> registered.put(t.id(), t));
    ArrayNode tenantRows = root.putArray("tenants");
    tenants.forEach(
        (t, m) -> {
          ObjectNode row = tenantRows.addObject();
          row.put("tenant", t.value());
          row.put("plan", registered.containsKey(t) ? registered.get(t).plan() : "-");
          row.put("total", plain(m));
        });
    ObjectNode serviceRows = root.putObject("services");
    services.forEach((k, m) -> serviceRows.put(k, plain(m)));
    ArrayNode budgets = root.putArray("budgets");
    for (BudgetStatus b : cost.watch().budgets()) {
      budgets.add(tree(b.toJson()));
    }
    ObjectNode unbudgeted = root.putObject("unbudgeted");
    cost.watch().unbudgeted().forEach((t, plan) -> unbudgeted.put(t.value(), plan));
    ArrayNode anomalies = root.putArray("anomalies");
    cost.watch().anomalies(registered.keySet()).forEach(a -> anomalies.add(anomaly(a)));
    ArrayNode recommendations = root.putArray("recommendations");
    s.recommendations().forEach(r -> recommendations.add(recommendation(r)));
    root.set("unitEconomics", unit(s, currency, history, registered));
    ObjectNode explanations = root.putObject("explanations");
    if (!s.days().isEmpty()) {
      Allocation latest = s.days().get(s.days().size() - 1).allocation();
      for (TenantId t : latest.tenantTotals().keySet()) {
        ArrayNode lines = explanations.putArray(t.value());
        latest.explain(t).forEach(l -> lines.add(line(l)));
      }
    }
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

  private static ObjectNode unit(
      DemoCost.Snapshot s,
      Currency currency,
      List<DailyCost> history,
      Map<TenantId, Tenant> registered) {
    YearMonth month = YearMonth.from(s.at().atZone(ZoneOffset.UTC));
    Map<TenantId, Money> costs = UnitEconomics.monthlyCosts(history).getOrDefault(month, Map.of());
    Map<TenantId, Money> revenue = new TreeMap<>();
    registered.forEach(
        (t, tenant) -> {
          String r = DemoCost.REVENUE.get(tenant.plan());
          if (r != null) {
            revenue.put(t, Money.of(new BigDecimal(r), currency));
          }
        });
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("month", month.toString());
    node.put("target", DemoCost.TARGET);
    ArrayNode rows = node.putArray("tenants");
    if (costs.isEmpty() && revenue.isEmpty()) {
      return node;
    }
    UnitEconomicsReport report =
        UnitEconomics.withTarget(Money.of(new BigDecimal(DemoCost.TARGET), currency))
            .evaluate(month, costs, revenue);
    for (TenantEconomics e : report.tenants()) {
      ObjectNode row = rows.addObject();
      row.put("tenant", e.tenant().value());
      row.put("cost", plain(e.cost()));
      row.put("status", e.status().name());
      e.revenue().ifPresent(r -> row.put("revenue", plain(r)));
      e.margin().ifPresent(m -> row.put("margin", plain(m)));
      e.marginPercent().ifPresent(p -> row.put("marginPercent", p.toPlainString()));
    }
    node.put("overTarget", report.summary().overTarget().size());
    return node;
  }

  private static ObjectNode anomaly(CostAnomaly a) {
    ObjectNode row = Json.MAPPER.createObjectNode();
    row.put("tenant", a.scope().id());
    row.put("service", a.service());
    row.put("open", a.isOpen());
    row.put("start", a.start().toString());
    row.put("days", a.days());
    row.put("expected", plain(a.expected()));
    row.put("actual", plain(a.actual()));
    row.put("impact", plain(a.impact()));
    ArrayNode causes = row.putArray("rootCauses");
    a.rootCauses().forEach(c -> causes.add(c.toString()));
    return row;
  }

  private static ObjectNode recommendation(Recommendation r) {
    ObjectNode row = Json.MAPPER.createObjectNode();
    row.put("kind", r.kind().name());
    r.tenant().ifPresent(t -> row.put("tenant", t.value()));
    r.workload().ifPresent(w -> row.put("workload", w));
    row.put("region", r.region());
    row.put("monthlySavings", plain(r.monthlySavings()));
    row.put("confidence", r.confidence());
    ArrayNode reasons = row.putArray("reasons");
    r.reasons().forEach(reasons::add);
    return row;
  }

  private static ObjectNode line(CostLine l) {
    ObjectNode row = Json.MAPPER.createObjectNode();
    row.put("kind", l.kind().name());
    row.put("asset", l.assetId());
    row.put("service", l.service());
    row.put("rule", l.rule());
    row.put("share", l.share().toPlainString());
    row.put("amount", plain(l.amount()));
    row.put("explanation", l.explanation());
    return row;
  }

  static String plain(Money m) {
    return m.amount().toPlainString();
  }

  private static ObjectNode tree(String json) {
    try {
      return (ObjectNode)
          Json.MAPPER
              .reader()
              .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
              .readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
