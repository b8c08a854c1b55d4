package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.anomaly.CostAnomaly;
import dev.tdeveloper.cost.anomaly.RootCause;
import dev.tdeveloper.cost.budget.BudgetStatus;
import dev.tdeveloper.cost.budget.CostForecast;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.optimize.Recommendation;
import dev.tdeveloper.cost.unit.PortfolioSummary;
import dev.tdeveloper.cost.unit.TenantEconomics;
import dev.tdeveloper.cost.unit.UnitEconomicsReport;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The HTML of the report's budget, anomaly, recommendation and unit-economics sections. */
final class HtmlSections {
  private HtmlSections() {}

  static void budgets(StringBuilder h, Tables t, List<BudgetStatus> budgets, String currency) {
    h.append("<h2 id=\"budgets\">Budgets</h2>\n")
        .append(BudgetChart.draw(budgets, currency))
        .append('\n');
    t.open(
        "Budget",
        "Scope",
        "Service",
        "Period",
        "Amount",
        "Actual",
        "Forecast",
        "80% interval",
        "95% interval",
        "State");
    for (BudgetStatus b : budgets) {
      String forecast;
      String i80 = "";
      String i95 = "";
      if (b.forecast() instanceof CostForecast.Available a) {
        forecast = Markup.money(a.total());
        i80 = Markup.plain(a.interval80().lower()) + " to " + Markup.plain(a.interval80().upper());
        i95 = Markup.plain(a.interval95().lower()) + " to " + Markup.plain(a.interval95().upper());
      } else {
        forecast = "none: " + ((CostForecast.Unavailable) b.forecast()).reason();
      }
      t.row(
          b.budget().name(),
          b.budget().scope().toString(),
          b.budget().service().orElse("all"),
          b.window().toString(),
          Markup.money(b.budget().amount()),
          Markup.money(b.actual()),
          forecast,
          i80,
          i95,
          b.inAlarm() ? "ALARM" : "OK");
    }
    t.close("No budgets.");
  }

  static void anomalies(StringBuilder h, Tables t, List<CostAnomaly> anomalies) {
    h.append("<h2 id=\"anomalies\">Anomalies</h2>\n");
    t.open(
        "Status",
        "Scope",
        "Service",
        "Direction",
        "Days",
        "Expected",
        "Actual",
        "Impact",
        "Impact %",
        "Root causes");
    for (CostAnomaly a : anomalies) {
      List<String> causes = new ArrayList<>();
      for (RootCause c : a.rootCauses()) {
        causes.add(
            c.service()
                + " "
                + Markup.money(c.impact())
                + " ("
                + Markup.percent(c.sharePercent())
                + ")");
      }
      t.row(
          a.isOpen() ? "OPEN" : "CLOSED",
          a.scope().toString(),
          a.service(),
          a.direction().name(),
          a.start() + " to " + a.end().orElse(a.lastDay()) + " (" + a.days() + " days)",
          Markup.money(a.expected()),
          Markup.money(a.actual()),
          Markup.money(a.impact()),
          a.impactPercent().map(Markup::percent).orElse("n/a"),
          causes.isEmpty() ? "none" : String.join("; ", causes));
    }
    t.close("No anomalies.");
  }

  static void recommendations(StringBuilder h, Tables t, List<Recommendation> list) {
    h.append("<h2 id=\"recommendations\">Recommendations</h2>\n<p>Savings overlap across kinds")
        .append(" (a workload rightsized and scaled to zero saves less than the sum).</p>\n");
    t.open(
        "Kind",
        "Tenant",
        "Workload",
        "Region",
        "Current",
        "Proposed",
        "Monthly savings",
        "Confidence",
        "Reasons");
    for (Recommendation r : list) {
      t.row(
          r.kind().name() + (r.performanceRisk() ? " (under-provisioned)" : ""),
          r.tenant().map(TenantId::value).orElse("all"),
          r.workload().orElse(""),
          r.region(),
          r.current().toString(),
          r.proposed().toString(),
          Markup.money(r.monthlySavings()),
          String.format(Locale.ROOT, "%.0f%%", r.confidence() * 100),
          String.join(" ", r.reasons()));
    }
    t.close("No recommendations.");
  }

  static void unitEconomics(StringBuilder h, Tables t, List<UnitEconomicsReport> reports) {
    h.append("<h2 id=\"unit-economics\">Unit economics</h2>\n");
    if (reports.isEmpty()) {
      t.open("Month", "Tenant", "Cost", "Target", "Status", "Revenue", "Margin", "Margin %");
      t.close("No unit economics.");
      return;
    }
    for (UnitEconomicsReport u : reports) {
      PortfolioSummary s = u.summary();
      h.append("<h3>")
          .append(u.month())
          .append("</h3>\n<p>")
          .append(s.tenants())
          .append(" tenants, ")
          .append(s.overTarget().size())
          .append(" over target; total ")
          .append(Markup.esc(Markup.money(s.totalCost())))
          .append(", median ")
          .append(Markup.esc(Markup.money(s.medianCost())))
          .append(", P90 ")
          .append(Markup.esc(Markup.money(s.p90Cost())))
          .append(
              Markup.esc(s.totalMargin().map(m -> ", total margin " + Markup.money(m)).orElse("")))
          .append(".</p>\n");
      t.open("Tenant", "Cost", "Target", "Status", "Over by", "Revenue", "Margin", "Margin %");
      for (TenantEconomics e : u.tenants()) {
        t.row(
            e.tenant().value(),
            Markup.money(e.cost()),
            Markup.money(e.target()),
            e.status().name(),
            Markup.money(e.overTargetBy()),
            optional(e.revenue()),
            optional(e.margin()),
            e.marginPercent().map(BigDecimal::toPlainString).map(p -> p + "%").orElse("n/a"));
      }
      t.close("No tenant in this month.");
    }
  }

  private static String optional(Optional<Money> m) {
    return m.map(Markup::money).orElse("n/a");
  }
}
