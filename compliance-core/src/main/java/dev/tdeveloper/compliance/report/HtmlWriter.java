package dev.tdeveloper.compliance.report;

import dev.tdeveloper.compliance.controls.ControlAssessment;
import dev.tdeveloper.compliance.controls.ControlResult;
import dev.tdeveloper.compliance.controls.ControlStatus;
import dev.tdeveloper.compliance.spi.EvidenceItem;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an assessment as one self-contained HTML page: inline CSS, no scripts, no external
 * resources, and every text from the assessment escaped, so hostile evidence cannot inject markup.
 */
final class HtmlWriter {
  private static final String CSS =
      "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
          + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 8px;"
          + "text-align:left;vertical-align:top}th{background:#f4f4f4}"
          + ".s{font-weight:bold;padding:1px 6px;border-radius:3px;white-space:nowrap}"
          + ".satisfied{background:#d8f0d8}.not-satisfied{background:#f6d0d0}"
          + ".not-assessed{background:#eee}.error{background:#f8e6b8}"
          + "details{margin:2px 0}code{font-size:12px;word-break:break-all}ul{margin:2px 0}";

  private HtmlWriter() {}

  static String write(ControlAssessment a, String title, String uuid) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'\"><title>")
        .append(esc(title))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n<h1>")
        .append(esc(title))
        .append("</h1>\n<p>Framework: ")
        .append(esc(a.framework().title()))
        .append(" &middot; Period: ")
        .append(esc(a.period().toString()))
        .append(" &middot; Assessed at: ")
        .append(esc(a.assessedAt().toString()))
        .append(" &middot; Catalog: ")
        .append(esc(a.catalog()))
        .append(" &middot; Report ")
        .append(esc(uuid))
        .append("</p>\n<h2>Summary</h2>\n<table><tr><th>Status</th><th>Controls</th></tr>\n");
    for (Map.Entry<ControlStatus, Integer> e : a.counts().entrySet()) {
      h.append("<tr><td>")
          .append(badge(e.getKey()))
          .append("</td><td>")
          .append(e.getValue())
          .append("</td></tr>\n");
    }
    h.append("</table>\n<h2>Controls</h2>\n<table><tr><th>Control</th><th>Title</th>")
        .append("<th>Status</th><th>Evidence</th></tr>\n");
    for (ControlResult r : a.results()) {
      h.append("<tr id=\"c-")
          .append(esc(OscalWriter.token(r.control())))
          .append("\"><td>")
          .append(esc(r.control().id()))
          .append("<br><small>")
          .append(esc(r.control().category()))
          .append("</small></td><td>")
          .append(esc(r.control().title()));
      if (!r.via().isEmpty() && !r.via().equals(java.util.Set.of(r.control().id()))) {
        h.append("<br><small>Evidence via ")
            .append(esc(String.join(", ", r.via())))
            .append("</small>");
      }
      h.append("</td><td>").append(badge(r.status())).append("</td><td>");
      if (r.evidence().isEmpty()) {
        h.append("No evidence collector covers this control.");
      }
      for (EvidenceItem item : r.evidence()) {
        evidence(h, item);
      }
      h.append("</td></tr>\n");
    }
    return h.append("</table>\n</body></html>\n").toString();
  }

  private static void evidence(StringBuilder h, EvidenceItem item) {
    h.append("<details><summary>")
        .append(esc(item.result().status().name()))
        .append(": ")
        .append(esc(item.result().summary()))
        .append("</summary><ul>");
    row(h, "Collector", item.collectorId());
    row(h, "Source", item.source());
    row(h, "Owner", item.owner());
    row(h, "Period", item.period().toString());
    row(h, "Population", item.population().size() + " (" + item.population().description() + ")");
    row(h, "Query", item.query());
    row(h, "Collected at", item.collectedAt().toString());
    for (Map.Entry<String, String> f : item.result().facts().entrySet()) {
      row(h, "Fact " + f.getKey(), f.getValue());
    }
    h.append("<li>SHA-256: <code>").append(esc(item.hash())).append("</code></li></ul></details>");
  }

  private static void row(StringBuilder h, String name, String value) {
    h.append("<li>").append(esc(name)).append(": ").append(esc(value)).append("</li>");
  }

  private static String badge(ControlStatus s) {
    String css = s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return "<span class=\"s " + css + "\">" + s.name().replace('_', ' ') + "</span>";
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
