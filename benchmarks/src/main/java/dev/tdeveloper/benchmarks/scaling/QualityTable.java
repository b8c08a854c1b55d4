package dev.tdeveloper.benchmarks.scaling;

import dev.tdeveloper.scaling.simulation.SimulationReport;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link QualityComparison.Result}s as markdown: one row per trace and autoscaler, the
 * predictive/HPA ratios against the goal, the scale response of each autoscaler next to the
 * oracle floor's, and the responses split into recurring and unannounced load steps (traces with no
 * step are left out of that last table). Stateless and thread-safe.
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
      r.reports().forEach((who, report) -> row(md, r.trace(), who, report));
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
    md.append('\n');
    floor(md, results);
    md.append('\n');
    steps(md, results);
    return md.toString();
  }

  /** Response max, p95 and episodes of the HPA and the predictive autoscaler next to the floor. */
  private static void floor(StringBuilder md, List<QualityComparison.Result> results) {
    md.append(
        "| trace | HPA max / p95 / episodes | HPA req/s max / p95 / episodes |"
            + " predictive max / p95 / episodes | predictive req/s max / p95 / episodes |"
            + " floor max / p95 / episodes | HPA max / floor | predictive max / floor |"
            + " predictive req/s max / floor |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (QualityComparison.Result r : results) {
      long floor = r.floor().scaleResponse().maxSeconds();
      md.append("| ")
          .append(r.trace())
          .append(" | ")
          .append(response(r.hpa()))
          .append(" | ")
          .append(response(r.hpaRequests()))
          .append(" | ")
          .append(response(r.predictive()))
          .append(" | ")
          .append(response(r.predictiveRequests()))
          .append(" | ")
          .append(response(r.floor()))
          .append(" | ")
          .append(ratio(r.hpa().scaleResponse().maxSeconds(), floor))
          .append(" | ")
          .append(ratio(r.predictive().scaleResponse().maxSeconds(), floor))
          .append(" | ")
          .append(ratio(r.predictiveRequests().scaleResponse().maxSeconds(), floor))
          .append(" |\n");
    }
  }

  /** Recurring and unannounced load steps: how many, covered before they happened, response. */
  private static void steps(StringBuilder md, List<QualityComparison.Result> results) {
    md.append(
        "| trace | autoscaler | recurring steps | covered before | recurring max / p95 (s) |"
            + " unannounced steps | covered before | unannounced max / p95 (s) |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (QualityComparison.Result r : results) {
      r.steps()
          .forEach(
              (who, split) -> {
                StepResponses.StepClass a = split.recurring();
                StepResponses.StepClass u = split.unannounced();
                if (a.steps() + u.steps() == 0) {
                  return;
                }
                md.append(
                    fmt(
                        "| %s | %s | %d | %d | %d / %d | %d | %d | %d / %d |\n",
                        r.trace(),
                        who,
                        a.steps(),
                        a.coveredBefore(),
                        a.maxSeconds(),
                        a.p95Seconds(),
                        u.steps(),
                        u.coveredBefore(),
                        u.maxSeconds(),
                        u.p95Seconds()));
              });
    }
  }

  private static String response(SimulationReport r) {
    SimulationReport.ResponseTimes t = r.scaleResponse();
    return t.maxSeconds() + " / " + t.p95Seconds() + " / " + t.episodes();
  }

  private static String ratio(long ours, long floor) {
    return floor == 0
        ? (ours == 0 ? "n/a (0 s on both)" : "n/a (floor 0 s)")
        : fmt("%.2fx", (double) ours / floor);
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
