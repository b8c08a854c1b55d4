package dev.tdeveloper.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load report's view of where the demo's CPU went: per measured run, its CPU per completed
 * request by thread group ({@link ThreadCpu}) and the JIT compilers' share of it, the warm-up that
 * came before (its length and ramp, {@link RampSchedule}), and the {@link CpuTimeline} of the whole
 * run; in {@code load-report.json}, on the summary line and as a section of {@code
 * load-report.html}. A JIT share of more than a few percent says the measured part still paid for
 * compilation: the warm-up was too short for this machine. Stateless.
 */
final class ThreadGroupReport {
  private ThreadGroupReport() {}

  /** Puts run {@code r}'s thread groups, JIT share and warm-up into its model {@code m}. */
  static void put(Map<String, Object> m, RunResult r) {
    m.put("demoCpuMicrosPerRequestByThreadGroup", rounded(r.demoCpuMicrosPerRequestByGroup()));
    m.put("jitShareOfDemoCpu", Math.round(r.jitShare() * 1000) / 1000.0);
    Map<String, Object> warmup = new LinkedHashMap<>();
    warmup.put("seconds", r.schedule().warmup().toMillis() / 1000.0);
    warmup.put("startShare", r.schedule().startShare());
    warmup.put("requests", r.schedule().warmupCount());
    m.put("warmup", warmup);
  }

  /**
   * Adds each run's {@link CpuTimeline} (the demo's CPU and its JIT's, window by window, warm-up
   * included) to {@code report} as its runs' {@code cpuTimeline}.
   */
  @SuppressWarnings("unchecked")
  static void putCpuTimeline(
      Map<String, Object> report, Map<String, Object> full, Map<String, Object> bare) {
    ((Map<String, Object>) report.get("fullChain")).put("cpuTimeline", full);
    ((Map<String, Object>) report.get("bare")).put("cpuTimeline", bare);
  }

  private static Map<String, Double> rounded(Map<String, Double> micros) {
    Map<String, Double> m = new LinkedHashMap<>();
    micros.forEach((k, v) -> m.put(k, Math.round(v * 10) / 10.0));
    return m;
  }

  /**
   * The JIT compilers' CPU per request and share of the demo's over one run's measured part, and
   * the warm-up before it, when the thread groups were read.
   */
  @SuppressWarnings("unchecked")
  static String line(Map<String, Object> run) {
    Map<String, Double> groups =
        (Map<String, Double>) run.getOrDefault("demoCpuMicrosPerRequestByThreadGroup", Map.of());
    Map<String, Object> warmup = (Map<String, Object>) run.get("warmup");
    String after =
        warmup == null
            ? ""
            : String.format(
                java.util.Locale.ROOT,
                " after a %.0f s warm-up from %.0f%% of the rate",
                (Double) warmup.get("seconds"),
                100 * (Double) warmup.get("startShare"));
    if (groups.isEmpty()) {
      return "JIT not read" + after + ", ";
    }
    return String.format(
        java.util.Locale.ROOT,
        "JIT %.1f us/request (%.1f%% of the demo's CPU)%s, ",
        groups.getOrDefault(ThreadCpu.JIT, 0.0),
        100 * (Double) run.get("jitShareOfDemoCpu"),
        after);
  }

  /**
   * The demo's CPU by thread group over each measured run, and its JIT timeline (warm-up included):
   * one table per run.
   */
  @SuppressWarnings("unchecked")
  static String html(Map<String, Object> model) {
    StringBuilder s = new StringBuilder("<h2>The demo's CPU by thread group</h2>");
    s.append(
        "<p>Over the measured part, in &micro;s per completed request (10 ms ticks from"
            + " /proc); jit is HotSpot's compiler threads, which a warm JVM hardly uses.</p>");
    for (String run : List.of("fullChain", "bare")) {
      Map<String, Object> r = (Map<String, Object>) model.get(run);
      Map<String, Double> groups =
          (Map<String, Double>) r.getOrDefault("demoCpuMicrosPerRequestByThreadGroup", Map.of());
      s.append("<h3>")
          .append(run)
          .append("</h3><p>")
          .append(LoadReport.escape(line(r)))
          .append("</p>");
      s.append("<table><tr><th>thread group</th><th>&micro;s/request</th></tr>");
      groups.forEach(
          (g, v) ->
              s.append("<tr><td>")
                  .append(LoadReport.escape(g))
                  .append("</td><td>")
                  .append(v)
                  .append("</td></tr>"));
      s.append("</table>");
      Map<String, Object> timeline = (Map<String, Object>) r.get("cpuTimeline");
      if (timeline != null) {
        s.append("<p>Window by window from the run's start (measured part due at ")
            .append(timeline.get("measuredPartDueSeconds"))
            .append(" s): demo cores / JIT cores</p><p>");
        for (Map<String, Object> w : (List<Map<String, Object>>) timeline.get("windows")) {
          s.append(w.get("endSeconds"))
              .append(" s: ")
              .append(w.get("demoCores"))
              .append(" / ")
              .append(w.get("jitCores"))
              .append("; ");
        }
        s.append("</p>");
      }
    }
    return s.toString();
  }
}
