package dev.tdeveloper.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the {@linkplain FinOpsView FinOps view} as one self-contained HTML page: inline CSS, no
 * script, no external resource, every text escaped. Sections: summary, cost per tenant, cost per
 * day, cost by service, budgets, anomalies, recommendations, unit economics, and how each tenant's
 * cost was split. Stateless and thread-safe.
 */
final class FinOpsHtml {
  private static final String CSS =
      "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}"
          + "table{border-collapse:collapse;margin:.5rem 0 1.5rem}"
          + "th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}"
          + "td.n{text-align:right;font-variant-numeric:tabular-nums}"
          + ".none{color:#777;font-style:italic}";

  private FinOpsHtml() {}

  /** Renders {@code view}. */
  static String page(JsonNode view) {
    StringBuilder h = new StringBuilder(8192);
    String currency = view.path("currency").asText();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>FinOps report</title><style>")
        .append(CSS)
        .append("</style></head><body><h1>FinOps report</h1><p>Generated ")
        .append(esc(view.path("generatedAt").asText()))
        .append(", amounts in ")
        .append(esc(currency))
        .append(", region ")
        .append(esc(view.path("region").asText()))
        .append(". Idle cost shared ")
        .append(esc(view.path("rules").path("idleSharing").asText()))
        .append(", platform cost split ")
        .append(esc(view.path("rules").path("sharedSplit").asText()))
        .append(".</p>");
    JsonNode s = view.path("summary");
    section(h, "summary", "Summary");
    table(
        h,
        List.of(
            "Total", "Allocated to tenants", "Idle", "Unallocated", "Idle share %", "Reconciled"),
        List.of(
            List.of(
                s.path("total").asText(),
                s.path("allocatedToTenants").asText(),
                s.path("idle").asText(),
                s.path("unallocated").asText(),
                s.path("idleSharePercent").asText(),
                s.path("reconciled").asText())));
    section(h, "tenants", "Cost per tenant");
    table(
        h,
        List.of("Tenant", "Plan", "Total"),
        rows(view.path("tenants"), "tenant", "plan", "total"));
    section(h, "days", "Cost per day");
    List<List<String>> days = new ArrayList<>();
    for (JsonNode d : view.path("days")) {
      StringBuilder tenants = new StringBuilder();
      for (Map.Entry<String, JsonNode> e : d.path("tenants").properties()) {
        tenants.append(tenants.length() == 0 ? "" : ", ").append(e.getKey()).append(' ');
        tenants.append(e.getValue().asText());
      }
      days.add(
          List.of(
              d.path("day").asText(),
              d.path("total").asText(),
              d.path("idle").asText(),
              d.path("unallocated").asText(),
              tenants.toString()));
    }
    table(h, List.of("Day", "Total", "Idle", "Unallocated", "Tenants"), days);
    section(h, "services", "Cost by service");
    List<List<String>> services = new ArrayList<>();
    view.path("services")
        .properties()
        .forEach(e -> services.add(List.of(e.getKey(), e.getValue().asText())));
    table(h, List.of("Service", "Cost"), services);
    section(h, "budgets", "Budgets");
    List<List<String>> budgets = new ArrayList<>();
    for (JsonNode b : view.path("budgets")) {
      for (JsonNode n : b.path("notifications")) {
        budgets.add(
            List.of(
                b.path("budget").asText(),
                b.path("amount").asText(),
                b.path("actual").asText(),
                n.path("type").asText()
                    + " > "
                    + n.path("threshold").asText()
                    + " "
                    + n.path("thresholdType").asText(),
                n.path("compared").asText(),
                n.path("state").asText()));
      }
    }
    table(h, List.of("Budget", "Amount", "Actual", "Notification", "Compared", "State"), budgets);
    section(h, "anomalies", "Anomalies");
    table(
        h,
        List.of("Tenant", "Service", "Open", "Start", "Expected", "Actual", "Impact"),
        rows(
            view.path("anomalies"),
            "tenant",
            "service",
            "open",
            "start",
            "expected",
            "actual",
            "impact"));
    section(h, "recommendations", "Recommendations");
    List<List<String>> recs = new ArrayList<>();
    for (JsonNode r : view.path("recommendations")) {
      List<String> reasons = new ArrayList<>();
      r.path("reasons").forEach(x -> reasons.add(x.asText()));
      recs.add(
          List.of(
              r.path("kind").asText(),
              r.path("workload").asText("-"),
              r.path("monthlySavings").asText(),
              r.path("confidence").asText(),
              String.join(" ", reasons)));
    }
    table(h, List.of("Kind", "Workload", "Monthly savings", "Confidence", "Reasons"), recs);
    JsonNode unit = view.path("unitEconomics");
    section(
        h,
        "unit-economics",
        "Unit economics, "
            + unit.path("month").asText()
            + ", target "
            + unit.path("target").asText());
    table(
        h,
        List.of("Tenant", "Cost", "Status", "Revenue", "Margin", "Margin %"),
        rows(
            unit.path("tenants"),
            "tenant",
            "cost",
            "status",
            "revenue",
            "margin",
            "marginPercent"));
    section(h, "explanations", "How was it split (latest day)");
    List<List<String>> lines = new ArrayList<>();
    view.path("explanations")
        .properties()
        .forEach(
            e ->
                e.getValue()
                    .forEach(
                        l ->
                            lines.add(
                                List.of(
                                    e.getKey(),
                                    l.path("kind").asText(),
                                    l.path("asset").asText(),
                                    l.path("rule").asText(),
                                    l.path("share").asText(),
                                    l.path("amount").asText(),
                                    l.path("explanation").asText()))));
    table(h, List.of("Tenant", "Kind", "Asset", "Rule", "Share", "Amount", "Why"), lines);
    return h.append("</body></html>").toString();
  }

  private static List<List<String>> rows(JsonNode array, String... fields) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode n : array) {
      List<String> row = new ArrayList<>();
      for (String f : fields) {
        row.add(n.path(f).asText("-"));
      }
      rows.add(row);
    }
    return rows;
  }

  private static void section(StringBuilder h, String id, String title) {
    h.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>");
  }

  private static void table(StringBuilder h, List<String> header, List<List<String>> rows) {
    if (rows.isEmpty()) {
      h.append("<p class=\"none\">none</p>");
      return;
    }
    h.append("<table><tr>");
    header.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr>");
    for (List<String> row : rows) {
      h.append("<tr>");
      row.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
      h.append("</tr>");
    }
    h.append("</table>");
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
