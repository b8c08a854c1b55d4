package dev.tdeveloper.benchmarks.scaling;

import dev.tdeveloper.scaling.simulation.SimulationReport;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link QualityComparison.Result}s as markdown: one row per trace and autoscaler, then the
 * predictive/HPA ratios against the goal. Stateless and thread-safe.
 */
public final class QualityTable {
  /** The scale response the issue asks for: under {@value} s of simulated time. */
  public static final long RESPONSE_GOAL_SECONDS = 30;

  private QualityTable() {}

  /**
   * Whether every violation episode of a report ended within {@link #RESPONSE_GOAL_SECONDS}.
   *
   * @param r a report
   * @return true when the longest episode was shorter than the goal (or there was none)
   */
  public static boolean responseMet(SimulationReport r) {
    return r.scaleResponse().maxSeconds() < RESPONSE_GOAL_SECONDS;
  }

  /**
   * The markdown tables.
   *
   * @param results one result per trace
   * @return the markdown, ending with a newline
   */
  public static String markdown(List<QualityComparison.Result> results) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| trace | autoscaler | SLO-violation min | replica-hours | cost ($) | episodes |"
            + " response max (s) | response p95 (s) | response < 30 s | flaps | peak replicas |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |\n");
    for (QualityComparison.Result r : results) {
      row(md, r.trace(), "HPA", r.hpa());
      row(md, r.trace(), "predictive", r.predictive());
    }
    md.append('\n');
    md.append(
        "| trace | violation min pred/HPA | replica-hours pred/HPA | goal (<= 0.5x at <= 1.05x) |"
            + " forecast MAPE | forecast MAE (req/s) |\n");
    md.append("| --- | ---: | ---: | --- | ---: | ---: |\n");
    for (QualityComparison.Result r : results) {
      String ratio =
          r.violationRatio().isPresent()
              ? fmt("%.3f", r.violationRatio().getAsDouble())
              : "n/a (HPA: 0 min)";
      md.append(
          fmt(
              "| %s | %s | %.3f | %s | %s | %s |\n",
              r.trace(),
              ratio,
              r.replicaHoursRatio(),
              r.goalMet()
                  ? r.violationRatio().isPresent() ? "met" : "met (0 min on both sides)"
                  : "not met",
              r.forecastError().map(e -> fmt("%.1f%%", 100 * e.mape())).orElse("n/a"),
              r.forecastError().map(e -> fmt("%.1f", e.mae())).orElse("n/a")));
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String trace, String who, SimulationReport r) {
    SimulationReport.ResponseTimes t = r.scaleResponse();
    md.append(
        fmt(
            "| %s | %s | %.2f | %.1f | %.2f | %d | %d | %d | %s | %d | %d |\n",
            trace,
            who,
            r.sloViolationMinutes(),
            r.replicaHours(),
            r.cost(),
            t.episodes(),
            t.maxSeconds(),
            t.p95Seconds(),
            responseMet(r) ? "yes" : "no",
            r.flaps(),
            r.peakReplicas()));
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
