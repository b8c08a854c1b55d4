package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.allocation.CostLine;
import dev.tdeveloper.cost.money.Money;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writes a {@link FinOpsReport} as one self-contained HTML page: inline CSS and SVG, no scripts, no
 * external resources (the Content-Security-Policy forbids them too), every text escaped. The
 * allocation sections are here, the others in {@link HtmlSections}.
 */
final class HtmlWriter {
  private static final String CSS =
      "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}"
          + "table{border-collapse:collapse;margin:6px 0 14px}th,td{border:1px solid #ccc;"
          + "padding:3px 8px;text-align:left;vertical-align:top}th{background:#f4f4f4}"
          + "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
          + ".s{font-weight:bold;padding:1px 6px;border-radius:3px;white-space:nowrap}"
          + ".ok{background:#d8f0d8}.alarm{background:#f6d0d0}.none{color:#777;font-style:italic}"
          + "svg{display:block;margin:6px 0 14px;max-width:100%;height:auto}"
          + "details{margin:4px 0}small{color:#555}ul{margin:2px 0}";

  private HtmlWriter() {}

  static String write(FinOpsReport r) {
    StringBuilder h = new StringBuilder(65_536);
    String cur = r.currency.getCurrencyCode();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'\"><title>")
        .append(Markup.esc(r.title))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n<h1>")
        .append(Markup.esc(r.title))
        .append("</h1>\n<p>Period ")
        .append(r.start)
        .append(" to ")
        .append(r.end)
        .append(" (end exclusive, UTC days) &middot; Currency ")
        .append(Markup.esc(cur))
        .append(" &middot; Amounts are exact.</p>\n");
    summary(h, r.totals.summary);
    h.append("<h2 id=\"tenants\">Cost per tenant over time</h2>\n")
        .append(TenantCostChart.draw(r.totals, r.topTenants, cur))
        .append('\n');
    Tables t = new Tables(h);
    t.open("Tenant", "Total", "Usage", "Idle share", "Shared costs", "Days");
    for (TenantTotals x : r.totals.tenants) {
      t.row(
          x.tenant().value(),
          money(x.total()),
          money(x.usage()),
          money(x.idleShare()),
          money(x.sharedShare()),
          Integer.toString(x.daily().size()));
    }
    t.close("No tenant was charged in the period.");
    h.append("<h2 id=\"idle\">Idle share over time</h2>\n")
        .append(IdleShareChart.draw(r.totals))
        .append('\n');
    t.open("Day", "Bill", "Tenants", "Idle shared", "Idle kept", "Unallocated", "Idle share");
    for (DayTotals d : r.totals.days) {
      t.row(
          d.day().toString(),
          money(d.total()),
          money(d.tenants()),
          money(d.idleShared()),
          money(d.idle()),
          money(d.unallocated()),
          Markup.percent(d.idleSharePercent()));
    }
    t.close("No allocation in the period.");
    h.append("<h2 id=\"services\">Cost by service</h2>\n");
    t.open("Service", "Cost");
    r.totals.services.forEach((s, m) -> t.row(s, money(m)));
    t.close("No service was billed in the period.");
    HtmlSections.budgets(h, t, r.budgets, cur);
    HtmlSections.anomalies(h, t, r.anomalies);
    HtmlSections.recommendations(h, t, r.recommendations);
    HtmlSections.unitEconomics(h, t, r.unitEconomics);
    explanations(h, t, r);
    return h.append("</body></html>\n").toString();
  }

  private static void summary(StringBuilder h, FinOpsSummary s) {
    h.append("<h2 id=\"summary\">Summary</h2>\n<table>");
    Tables t = new Tables(h);
    t.pair("Total bill", money(s.total()));
    t.pair("Allocated to tenants", money(s.allocatedToTenants()));
    t.pair("of which idle capacity shared to tenants", money(s.idleShared()));
    t.pair("Idle, kept unassigned", money(s.idle()));
    t.pair("Unallocated", money(s.unallocated()));
    t.pair("Idle share (shared + kept) of the bill", Markup.percent(s.idleSharePercent()));
    t.pair("Days with an allocation", Integer.toString(s.days()));
    h.append("<tr><th>Reconciliation (tenants + idle + unallocated = bill)</th><td>")
        .append(
            s.reconciled()
                ? "<span class=\"s ok\">PASSED</span>"
                : "<span class=\"s alarm\">FAILED</span>")
        .append("</td></tr>\n</table>\n");
  }

  private static void explanations(StringBuilder h, Tables t, FinOpsReport r) {
    h.append("<h2 id=\"explanations\">How was it split</h2>\n<p>Every amount charged to a tenant, ")
        .append("with the asset, the rule and the share of the asset&#39;s cost it carries.</p>\n");
    if (r.totals.tenants.isEmpty()) {
      h.append("<p class=\"none\">No tenant was charged in the period.</p>\n");
    }
    for (TenantTotals x : r.totals.tenants) {
      h.append("<details><summary>")
          .append(Markup.esc(x.tenant().value()))
          .append(": ")
          .append(Markup.esc(money(x.total())))
          .append("</summary>\n");
      t.open("Day", "Kind", "Asset", "Service", "Rule", "Share", "Amount", "Explanation");
      int shown = 0;
      int all = 0;
      for (Map.Entry<LocalDate, Allocation> e : r.allocations.entrySet()) {
        for (CostLine l : e.getValue().explain(x.tenant())) {
          all++;
          if (shown < r.explanationLines) {
            shown++;
            t.row(
                e.getKey().toString(),
                l.kind().name(),
                l.assetId(),
                l.service(),
                l.rule(),
                l.share().toPlainString(),
                money(l.amount()),
                l.explanation());
          }
        }
      }
      t.close("No line.");
      if (all > shown) {
        h.append("<p><small>")
            .append(all - shown)
            .append(" more lines in the JSON report.</small></p>\n");
      }
      h.append("</details>\n");
    }
  }

  static String money(Money m) {
    return Markup.money(m);
  }
}
