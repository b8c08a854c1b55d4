package dev.tdeveloper.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The load test's reports: {@code load-report.json} (throughput, latency percentiles, outcome
 * counts by reason, kind and tenant, the chain's overhead and the generator's CPU share) and {@code
 * load-report.html} (the same, with latency-percentile plots drawn as inline SVG from
 * HdrHistogram's percentile distribution; no script, no CDN). Stateless.
 */
public final class LoadReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LoadReport() {}

  /** Returns the report as a JSON tree of maps and lists ({@code wrkRequestsPerSecond} if run). */
  public static Map<String, Object> model(
      Roster roster, RunResult full, RunResult bare, Optional<Double> wrkRequestsPerSecond) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("fullChain", run(roster, full));
    report.put("bare", run(roster, bare));
    Map<String, Object> overhead = new LinkedHashMap<>();
    overhead.put(
        "demoCpuPerRequestRatio",
        ratio(full.demoCpuMicrosPerRequest(), bare.demoCpuMicrosPerRequest()));
    overhead.put("p50Ratio", ratio(micros(full.latency(), 50), micros(bare.latency(), 50)));
    overhead.put("p95Ratio", ratio(micros(full.latency(), 95), micros(bare.latency(), 95)));
    overhead.put("p99Ratio", ratio(micros(full.latency(), 99), micros(bare.latency(), 99)));
    report.put("chainOverhead", overhead);
    wrkRequestsPerSecond.ifPresent(r -> report.put("wrkRequestsPerSecond", r));
    return report;
  }

  /**
   * Adds each run's disk floor figures ({@link DiskFloorProbe#model} or {@link DiskFloorProbe#off})
   * to {@code report} as its runs' {@code diskFloor}.
   */
  @SuppressWarnings("unchecked")
  public static void putDiskFloor(
      Map<String, Object> report, Map<String, Object> full, Map<String, Object> bare) {
    ((Map<String, Object>) report.get("fullChain")).put("diskFloor", full);
    ((Map<String, Object>) report.get("bare")).put("diskFloor", bare);
  }

  /**
   * Adds each run's {@link MachineCpu} shares (how busy the whole machine was while it was
   * measured) to {@code report} as its runs' {@code machineCpu}.
   */
  @SuppressWarnings("unchecked")
  public static void putMachineCpu(
      Map<String, Object> report, Map<String, Object> full, Map<String, Object> bare) {
    ((Map<String, Object>) report.get("fullChain")).put("machineCpu", full);
    ((Map<String, Object>) report.get("bare")).put("machineCpu", bare);
  }

  private static Map<String, Object> run(Roster roster, RunResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("targetRequestsPerSecond", r.targetRate());
    m.put("requestsPerSecond", r.throughput());
    m.put("measuredSeconds", r.measured().toMillis() / 1000.0);
    m.put("elapsedSeconds", r.elapsed().toMillis() / 1000.0);
    m.put("sent", r.sent());
    m.put("completed", r.completed());
    m.put("latencyMillis", percentiles(r.latency()));
    m.put("outcomes", outcomes(r.byKind()));
    Map<String, Object> kinds = new LinkedHashMap<>();
    for (RequestKind k : RequestKind.values()) {
      kinds.put(k.name(), counts(r.byKind()[k.ordinal()]));
    }
    m.put("byKind", kinds);
    m.put("generatorCpuShare", r.generatorCpuShare());
    m.put("generatorCpuMicrosPerRequest", r.generatorCpuMicrosPerRequest());
    m.put("demoCpuMicrosPerRequest", r.demoCpuMicrosPerRequest());
    ThreadGroupReport.put(m, r);
    List<Map<String, Object>> tenants = new ArrayList<>();
    for (int i = 0; i < roster.tenants().size(); i++) {
      LoadTenant t = roster.tenants().get(i);
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("id", t.id());
      tm.put("plan", t.plan());
      tm.put("role", t.role().name());
      tm.put("resolvedBy", t.bySubdomain() ? "subdomain" : "header");
      tm.put("outcomes", counts(r.byTenant()[i]));
      tm.put("latencyMillis", percentiles(r.tenantLatency().get(i)));
      tenants.add(tm);
    }
    m.put("tenants", tenants);
    return m;
  }

  /** A histogram of microseconds as the report gives it: count, p50 to p99.9 and max in ms. */
  static Map<String, Object> percentiles(Histogram h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", h.getTotalCount());
    m.put("p50", micros(h, 50) / 1000);
    m.put("p95", micros(h, 95) / 1000);
    m.put("p99", micros(h, 99) / 1000);
    m.put("p99.9", micros(h, 99.9) / 1000);
    m.put("max", h.getMaxValue() / 1000.0);
    return m;
  }

  private static double micros(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile);
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  private static Map<String, Long> outcomes(long[][] byKind) {
    long[] sum = new long[Outcome.values().length];
    for (long[] row : byKind) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += row[i];
      }
    }
    return counts(sum);
  }

  private static Map<String, Long> counts(long[] row) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      m.put(o.name(), row[o.ordinal()]);
    }
    return m;
  }

  /** Writes {@code load-report.json} and {@code load-report.html} into {@code dir}. */
  public static void write(Path dir, Map<String, Object> model, RunResult full, RunResult bare)
      throws IOException {
    Files.createDirectories(dir);
    JSON.writeValue(dir.resolve("load-report.json").toFile(), model);
    String html =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Load test of the demo</title>"
            + "<style>body{font-family:sans-serif;margin:2em}pre{background:#f4f4f4;padding:1em}"
            + "</style></head><body><h1>Load test of the demo</h1>"
            + "<h2>Latency by percentile (ms; x axis: 1/(1-percentile), log scale)</h2>"
            + PercentilePlot.svg(List.of(full, bare))
            + "<h2>Figures</h2><pre>"
            + escape(JSON.writeValueAsString(summary(model)))
            + "</pre>"
            + ThreadGroupReport.html(model)
            + floorHtml(model)
            + IsolationResult.html(model)
            + "<p>Per-tenant figures: load-report.json.</p>"
            + FaultReport.html(model)
            + "</body></html>";
    Files.writeString(dir.resolve("load-report.html"), html);
  }

  private static Map<String, Object> summary(Map<String, Object> model) {
    Map<String, Object> s = new LinkedHashMap<>(model);
    s.remove("isolation"); // its own section
    for (String run : List.of("fullChain", "bare")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) model.get(run));
      r.remove("tenants");
      r.remove("cpuTimeline"); // in the thread groups' section
      s.put(run, r);
    }
    return s;
  }

  /** Returns a one-line summary of the report {@code model}. */
  @SuppressWarnings("unchecked")
  public static String summaryLine(Map<String, Object> model) {
    StringBuilder s = new StringBuilder();
    for (String run : List.of("fullChain", "bare")) {
      Map<String, Object> r = (Map<String, Object>) model.get(run);
      s.append(
          String.format(
              java.util.Locale.ROOT,
              "%s: %.0f req/s, latency ms %s, generator CPU share %.2f (%.0f us/request),"
                  + " demo CPU %.0f us/request; ",
              run,
              (Double) r.get("requestsPerSecond"),
              r.get("latencyMillis"),
              (Double) r.get("generatorCpuShare"),
              (Double) r.get("generatorCpuMicrosPerRequest"),
              (Double) r.get("demoCpuMicrosPerRequest")));
      s.append(ThreadGroupReport.line(r)).append(floorLine(r)).append(cpuLine(r)).append("; ");
    }
    s.append("chain overhead ").append(model.get("chainOverhead"));
    model.computeIfPresent(
        "wrkRequestsPerSecond",
        (k, v) -> {
          s.append("; wrk ").append(v).append(" req/s");
          return v;
        });
    return s.toString();
  }

  /** The machine's busy and I/O wait shares of one run's model, when measured. */
  @SuppressWarnings("unchecked")
  static String cpuLine(Map<String, Object> run) {
    Map<String, Object> cpu = (Map<String, Object>) run.get("machineCpu");
    if (cpu == null || !Boolean.TRUE.equals(cpu.get("available"))) {
      return "";
    }
    return String.format(
        java.util.Locale.ROOT,
        ", machine CPU busy %.1f%% (I/O wait %.1f%%, steal %.1f%%)",
        100 * (Double) cpu.get("busyShare"),
        100 * (Double) cpu.get("ioWaitShare"),
        100 * (Double) cpu.get("stealShare"));
  }

  /** The requests' p95 beside the disk floor's, and the floor's stalls, of one run's model. */
  @SuppressWarnings("unchecked")
  static String floorLine(Map<String, Object> run) {
    Object requestsP95 = ((Map<String, Object>) run.get("latencyMillis")).get("p95");
    Map<String, Object> floor = (Map<String, Object>) run.get("diskFloor");
    if (floor == null || !Boolean.TRUE.equals(floor.get("enabled"))) {
      return "requests p95 " + requestsP95 + " ms, disk floor off";
    }
    Map<String, Object> records = (Map<String, Object>) floor.get("recordLatencyMillis");
    return String.format(
        java.util.Locale.ROOT,
        "requests p95 %s ms against the disk floor's p95 %s ms (p99.9 %s, max %s ms; %d forces,"
            + " %d over 100 ms: %.1f stalled seconds, %.1f%% of the run)",
        requestsP95,
        records.get("p95"),
        records.get("p99.9"),
        records.get("max"),
        (Long) floor.get("forcesAttempted"),
        (Long) floor.get("stalledForces"),
        (Double) floor.get("stalledSeconds"),
        100 * (Double) floor.get("stalledShare"));
  }

  /** The disk floor's section of the HTML report: one row per run. */
  @SuppressWarnings("unchecked")
  private static String floorHtml(Map<String, Object> model) {
    StringBuilder s = new StringBuilder("<h2>Disk floor beside the requests</h2>");
    s.append("<p>A ")
        .append(DiskFloorFile.RECORD_BYTES)
        .append("-byte record appended and forced every ")
        .append(DiskFloorProbe.INTERVAL.toMillis())
        .append(
            " ms on the data directory's file system, latency from its intended start."
                + " Stalled: forces slower than 100 ms.</p><table><tr><th>run</th>"
                + "<th>requests p95 ms</th><th>records</th><th>forces</th><th>floor p50</th>"
                + "<th>p95</th><th>p99</th><th>p99.9</th><th>max ms</th><th>stalled s</th>"
                + "<th>share</th></tr>");
    for (String run : List.of("fullChain", "bare")) {
      Map<String, Object> r = (Map<String, Object>) model.get(run);
      Map<String, Object> f = (Map<String, Object>) r.get("diskFloor");
      s.append("<tr><td>").append(run).append("</td><td>");
      s.append(((Map<String, Object>) r.get("latencyMillis")).get("p95")).append("</td>");
      if (f == null || !Boolean.TRUE.equals(f.get("enabled"))) {
        s.append("<td colspan=\"9\">off</td></tr>");
        continue;
      }
      Map<String, Object> p = (Map<String, Object>) f.get("recordLatencyMillis");
      for (Object v :
          List.of(
              f.get("records"),
              f.get("forcesAttempted"),
              p.get("p50"),
              p.get("p95"),
              p.get("p99"),
              p.get("p99.9"),
              p.get("max"),
              f.get("stalledSeconds"),
              f.get("stalledShare"))) {
        s.append("<td>").append(escape(String.valueOf(v))).append("</td>");
      }
      s.append("</tr>");
    }
    return s.append("</table>").toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Percentile points of {@code h}: (percentile, latency in ms), as HdrHistogram iterates them. */
  static List<double[]> points(Histogram h) {
    List<double[]> points = new ArrayList<>();
    for (HistogramIterationValue v : h.percentiles(5)) {
      points.add(new double[] {v.getPercentileLevelIteratedTo(), v.getValueIteratedTo() / 1000.0});
    }
    return points;
  }
}
