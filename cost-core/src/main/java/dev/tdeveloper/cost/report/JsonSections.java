package dev.tdeveloper.cost.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.anomaly.CostAnomaly;
import dev.tdeveloper.cost.anomaly.RootCause;
import dev.tdeveloper.cost.budget.BudgetStatus;
import dev.tdeveloper.cost.budget.CostForecast;
import dev.tdeveloper.cost.budget.NotificationStatus;
import dev.tdeveloper.cost.budget.PredictionInterval;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.optimize.Capacity;
import dev.tdeveloper.cost.optimize.Recommendation;
import dev.tdeveloper.cost.optimize.RecommendationKind;
import dev.tdeveloper.cost.unit.PortfolioSummary;
import dev.tdeveloper.cost.unit.TenantEconomics;
import dev.tdeveloper.cost.unit.UnitEconomicsReport;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON of the report's budget, anomaly, recommendation and unit-economics sections. */
final class JsonSections {
  private JsonSections() {}

  static void budgets(ArrayNode out, List<BudgetStatus> budgets) {
    for (BudgetStatus b : budgets) {
      ObjectNode o = out.addObject();
      o.put("budget", b.budget().name());
      scope(o.putObject("scope"), b.budget().scope());
      o.put("service", b.budget().service().orElse("*"));
      o.put("period", b.budget().period().name());
      o.put("periodStart", b.window().start().toString());
      o.put("periodEnd", b.window().end().toString());
      o.put("amount", Markup.plain(b.budget().amount()));
      o.put("actual", Markup.plain(b.actual()));
      ObjectNode f = o.putObject("forecast");
      if (b.forecast() instanceof CostForecast.Available a) {
        f.put("available", true);
        f.put("total", Markup.plain(a.total()));
        interval(f.putObject("interval80"), a.interval80());
        interval(f.putObject("interval95"), a.interval95());
        f.put("explanation", a.explanation());
        f.putNull("reason");
      } else if (b.forecast() instanceof CostForecast.Unavailable u) {
        f.put("available", false);
        f.putNull("total");
        f.putNull("interval80");
        f.putNull("interval95");
        f.putNull("explanation");
        f.put("reason", u.reason());
      }
      o.put("state", b.inAlarm() ? "ALARM" : "OK");
      ArrayNode list = o.putArray("notifications");
      for (NotificationStatus n : b.notifications()) {
        ObjectNode x = list.addObject();
        x.put("type", n.notification().type().name());
        x.put("thresholdType", n.notification().thresholdType().name());
        x.put("threshold", n.notification().threshold().toPlainString());
        x.put("thresholdAmount", Markup.plain(n.threshold()));
        x.put("compared", Markup.plain(n.compared()));
        x.put("state", n.state().name());
      }
      o.put("evaluatedAt", b.evaluatedAt().toString());
    }
  }

  static void anomalies(ArrayNode out, List<CostAnomaly> anomalies) {
    for (CostAnomaly a : anomalies) {
      ObjectNode o = out.addObject();
      o.put("id", a.id());
      scope(o.putObject("scope"), a.scope());
      o.put("service", a.service());
      o.put("direction", a.direction().name());
      o.put("status", a.isOpen() ? "OPEN" : "CLOSED");
      o.put("start", a.start().toString());
      o.put("lastDay", a.lastDay().toString());
      o.put("end", a.end().map(Object::toString).orElse(null));
      o.put("days", a.days());
      o.put("expected", Markup.plain(a.expected()));
      o.put("actual", Markup.plain(a.actual()));
      o.put("impact", Markup.plain(a.impact()));
      o.put("impactPercent", a.impactPercent().map(BigDecimal::toPlainString).orElse(null));
      o.put("maxScore", a.maxScore());
      ArrayNode causes = o.putArray("rootCauses");
      for (RootCause c : a.rootCauses()) {
        causes
            .addObject()
            .put("service", c.service())
            .put("expected", Markup.plain(c.expected()))
            .put("actual", Markup.plain(c.actual()))
            .put("impact", Markup.plain(c.impact()))
            .put("sharePercent", c.sharePercent().toPlainString());
      }
    }
  }

  static void recommendations(ObjectNode root, List<Recommendation> list, Currency currency) {
    ArrayNode out = root.putArray("recommendations");
    Map<RecommendationKind, Money> byKind = new EnumMap<>(RecommendationKind.class);
    for (Recommendation r : list) {
      ObjectNode o = out.addObject();
      o.put("kind", r.kind().name());
      o.put("tenant", r.tenant().map(TenantId::value).orElse(null));
      o.put("workload", r.workload().orElse(null));
      o.put("region", r.region());
      capacity(o.putObject("current"), r.current());
      capacity(o.putObject("proposed"), r.proposed());
      o.put("monthlySavings", Markup.plain(r.monthlySavings()));
      o.put("confidence", r.confidence());
      o.put("performanceRisk", r.performanceRisk());
      ArrayNode reasons = o.putArray("reasons");
      r.reasons().forEach(reasons::add);
      byKind.merge(r.kind(), r.monthlySavings(), Money::plus);
    }
    ObjectNode savings = root.putObject("savingsByKind");
    for (RecommendationKind k : RecommendationKind.values()) {
      savings.put(k.name(), Markup.plain(byKind.getOrDefault(k, Money.zero(currency))));
    }
  }

  static void unitEconomics(ArrayNode out, List<UnitEconomicsReport> reports) {
    for (UnitEconomicsReport u : reports) {
      ObjectNode o = out.addObject();
      o.put("month", u.month().toString());
      ArrayNode tenants = o.putArray("tenants");
      for (TenantEconomics t : u.tenants()) {
        ObjectNode x = tenants.addObject();
        x.put("tenant", t.tenant().value());
        x.put("cost", Markup.plain(t.cost()));
        x.put("target", Markup.plain(t.target()));
        x.put("status", t.status().name());
        x.put("overTargetBy", Markup.plain(t.overTargetBy()));
        x.put("revenue", optional(t.revenue()));
        x.put("margin", optional(t.margin()));
        x.put("marginPercent", t.marginPercent().map(BigDecimal::toPlainString).orElse(null));
      }
      PortfolioSummary s = u.summary();
      ObjectNode x = o.putObject("summary");
      x.put("tenants", s.tenants());
      ArrayNode over = x.putArray("overTarget");
      s.overTarget().forEach(t -> over.add(t.value()));
      x.put("totalCost", Markup.plain(s.totalCost()));
      x.put("medianCost", Markup.plain(s.medianCost()));
      x.put("p90Cost", Markup.plain(s.p90Cost()));
      x.put("totalRevenue", optional(s.totalRevenue()));
      x.put("totalMargin", optional(s.totalMargin()));
    }
  }

  private static String optional(Optional<Money> m) {
    return m.map(Markup::plain).orElse(null);
  }

  private static void scope(ObjectNode o, CostScope scope) {
    o.put("kind", scope.kind().name());
    o.put("id", scope.id());
  }

  private static void interval(ObjectNode o, PredictionInterval i) {
    o.put("confidencePercent", i.confidencePercent());
    o.put("lower", Markup.plain(i.lower()));
    o.put("upper", Markup.plain(i.upper()));
  }

  private static void capacity(ObjectNode o, Capacity c) {
    o.put("cpuCores", c.cpuCores().toPlainString());
    o.put("memoryBytes", c.memoryBytes());
  }
}
