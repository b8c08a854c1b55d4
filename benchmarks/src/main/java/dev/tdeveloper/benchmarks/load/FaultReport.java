package dev.tdeveloper.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fault phase's report: a JSON model (also put under {@code faults} in {@code load-report.json}
 * by a full run), {@code fault-report.json}, and an HTML section (a table per fault: failures,
 * error budget spent, time to first and to sustained service, behaviour; and the lost-write check)
 * in {@code fault-report.html} and in {@code load-report.html}. Stateless.
 */
public final class FaultReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FaultReport() {}

  /** Returns the report as a JSON tree of maps and lists. */
  public static Map<String, Object> model(
      FaultRun.Settings settings,
      String backends,
      Duration elapsed,
      FaultAnalysis.Summary summary,
      LostWrites.Result lost,
      long sent) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("demo", backends);
    m.put("requestsPerSecond", settings.rate());
    m.put("writerNotesPerSecond", settings.writeRate());
    m.put("seconds", seconds(elapsed));
    m.put("availabilityTarget", FaultAnalysis.AVAILABILITY_TARGET);
    m.put("requests", summary.requests());
    m.put("failed", summary.failed());
    m.put("availability", summary.availability());
    m.put("allowedFailures", summary.allowedFailures());
    m.put("errorBudgetSpent", summary.budgetSpent());
    m.put("sustainSeconds", FaultRun.SUSTAIN.toMillis() / 1000.0);
    List<Map<String, Object>> faults = new ArrayList<>();
    for (FaultAnalysis.FaultStats f : summary.faults()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("fault", f.mark().fault().name());
      fm.put("what", f.mark().fault().description());
      fm.put("actionSeconds", seconds(f.mark().endNanos() - f.mark().startNanos()));
      f.mark().error().ifPresent(e -> fm.put("actionError", e));
      fm.put("requests", f.requests());
      fm.put("failed", f.failed());
      fm.put(
          "errorBudgetSpent",
          summary.allowedFailures() == 0 ? 0 : f.failed() / summary.allowedFailures());
      fm.put("secondsToFirstServed", f.firstServed().map(FaultReport::seconds).orElse(null));
      fm.put("mttrSeconds", f.recovered().map(FaultReport::seconds).orElse(null));
      fm.put("recovered", f.recovered().isPresent());
      Map<String, Long> answers = new LinkedHashMap<>();
      f.answers().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> answers.put(e.getKey().name(), e.getValue()));
      fm.put("answers", answers);
      fm.put("writer503", f.writerUnavailable());
      fm.put("writer503WithRetryAfter", f.writerRetryAfter());
      fm.put("behaviour", f.behaviour());
      faults.add(fm);
    }
    m.put("faults", faults);
    Map<String, Object> lw = new LinkedHashMap<>();
    lw.put("writerSent", sent);
    lw.put("writerAcknowledged", lost.acknowledged());
    lw.put("writerLost", lost.lost());
    lw.put("lostExamples", lost.lostExamples());
    lw.put("loadAcknowledged", lost.loadAcknowledged());
    lw.put("missingFromTenantCounts", lost.missingByCount());
    lw.put("noneLost", lost.none());
    m.put("acknowledgedWrites", lw);
    return m;
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static double seconds(long nanos) {
    return nanos / 1e6 / 1000.0;
  }

  /** Returns a one-line summary of the fault {@code model}. */
  @SuppressWarnings("unchecked")
  public static String summaryLine(Map<String, Object> model) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "faults: availability %.5f, error budget spent %.1fx",
                (Double) model.get("availability"),
                (Double) model.get("errorBudgetSpent")));
    for (Map<String, Object> f : (List<Map<String, Object>>) model.get("faults")) {
      s.append("; ")
          .append(f.get("fault"))
          .append(": ")
          .append(f.get("failed"))
          .append(" failed, MTTR ")
          .append(Boolean.TRUE.equals(f.get("recovered")) ? f.get("mttrSeconds") + " s" : "-");
    }
    Map<String, Object> lw = (Map<String, Object>) model.get("acknowledgedWrites");
    return s.append("; acknowledged writes lost: ")
        .append((Long) lw.get("writerLost") + (Long) lw.get("missingFromTenantCounts"))
        .toString();
  }

  /** Writes {@code fault-report.json} and {@code fault-report.html} into {@code dir}. */
  public static void write(Path dir, Map<String, Object> model) throws IOException {
    Files.createDirectories(dir);
    JSON.writeValue(dir.resolve("fault-report.json").toFile(), model);
    Files.writeString(
        dir.resolve("fault-report.html"),
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Faults under load</title>"
            + "<style>body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;"
            + "padding:.2em .5em}table{border-collapse:collapse}</style></head><body>"
            + html(model)
            + "</body></html>");
  }

  /**
   * Returns the HTML section for {@code model} (a fault model, or a load report holding one under
   * {@code faults}); empty when there is none.
   */
  @SuppressWarnings("unchecked")
  public static String html(Map<String, Object> model) {
    Map<String, Object> m = model;
    if (!m.containsKey("acknowledgedWrites")) {
      Object nested = model.get("faults");
      if (!(nested instanceof Map)) {
        return "";
      }
      m = (Map<String, Object>) nested;
    }
    StringBuilder s = new StringBuilder("<h2>Availability under faults</h2><p>The demo ");
    s.append(LoadReport.escape(String.valueOf(m.get("demo"))))
        .append(
            String.format(Locale.ROOT, ", %.0f requests/s", (Double) m.get("requestsPerSecond")))
        .append(
            String.format(
                Locale.ROOT,
                ", %.0f s. Requests: %d, failed: %d, availability %.5f; ",
                (Double) m.get("seconds"),
                (Long) m.get("requests"),
                (Long) m.get("failed"),
                (Double) m.get("availability")))
        .append(
            String.format(
                Locale.ROOT,
                "error budget (99.99%%) spent: %.1fx.</p>",
                (Double) m.get("errorBudgetSpent")))
        .append("<table><tr><th>fault</th><th>failed</th><th>budget spent</th>")
        .append("<th>s to first served</th><th>MTTR s (sustained ")
        .append(m.get("sustainSeconds"))
        .append(" s)</th><th>behaviour</th></tr>");
    for (Map<String, Object> f : (List<Map<String, Object>>) m.get("faults")) {
      s.append("<tr><td>")
          .append(LoadReport.escape(String.valueOf(f.get("what"))))
          .append(
              Optional.ofNullable(f.get("actionError"))
                  .map(e -> " (failed: " + LoadReport.escape(e.toString()) + ")")
                  .orElse(""))
          .append("</td><td>")
          .append(f.get("failed"))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.2fx", (Double) f.get("errorBudgetSpent")))
          .append("</td><td>")
          .append(f.get("secondsToFirstServed"))
          .append("</td><td>")
          .append(
              Boolean.TRUE.equals(f.get("recovered"))
                  ? f.get("mttrSeconds")
                  : "not within the window")
          .append("</td><td>")
          .append(LoadReport.escape(String.valueOf(f.get("behaviour"))))
          .append("</td></tr>");
    }
    Map<String, Object> lw = (Map<String, Object>) m.get("acknowledgedWrites");
    s.append("</table><p>Acknowledged writes: ")
        .append(lw.get("writerAcknowledged"))
        .append(" by the writer, read back by id: ")
        .append(lw.get("writerLost"))
        .append(" lost; ")
        .append(lw.get("loadAcknowledged"))
        .append(" by the load, missing from tenants' counts: ")
        .append(lw.get("missingFromTenantCounts"))
        .append(".</p>");
    return s.toString();
  }
}
