package dev.tdeveloper.benchmarks.load.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the three simulations of a load run (points 5 and 6) and renders them for the report: the
 * {@link ScaleStepReplay}, the {@link RegionOutageReplay} and the {@link TenantCost} of the fleet
 * the step replay's autoscaler holds at the measured rate. Stateless.
 */
public final class LoadSimulations {
  private LoadSimulations() {}

  /**
   * The simulations' results.
   *
   * @param inputs what they were run from
   * @param scale the 10x step
   * @param regions the region outages
   * @param cost the cost per tenant-month
   */
  public record Result(
      SimInputs inputs,
      ScaleStepReplay.Result scale,
      RegionOutageReplay.Result regions,
      TenantCost.Result cost) {}

  /**
   * Runs them with the demo's bundled configuration files.
   *
   * @param in the run's measurements
   * @return the results
   */
  public static Result run(SimInputs in) {
    ScaleStepReplay.Result scale = ScaleStepReplay.replay(in);
    return new Result(
        in, scale, RegionOutageReplay.replay(in), TenantCost.allocate(in, scale.steadyInstances()));
  }

  /**
   * The results as a JSON tree of maps, lists and records for the report's {@code simulations}.
   *
   * @param r the results
   * @return the model
   */
  public static Map<String, Object> model(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("measuredRequestsPerSecond", r.inputs().requestsPerSecond());
    inputs.put("demoCpuMicrosPerRequest", r.inputs().cpuMicrosPerRequest());
    inputs.put("coresPerInstance", r.inputs().cores());
    inputs.put("capacityPerInstance", r.inputs().capacityPerInstance());
    inputs.put("measuredStartupMillis", r.inputs().startup().toMillis());
    m.put("inputs", inputs);
    m.put("scaleStep", r.scale());
    m.put("regionOutage", r.regions());
    m.put("costPerTenantMonth", r.cost());
    return m;
  }

  /**
   * A few lines for the console.
   *
   * @param r the results
   * @return the lines
   */
  public static List<String> summary(Result r) {
    List<String> lines = new ArrayList<>();
    ScaleStepReplay.Result s = r.scale();
    StringBuilder step =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "scale step %.0f -> %.0f req/s (capacity %.0f req/s per instance, ready after %d s,"
                    + " %d -> %d instances): time to enough ready capacity",
                s.fromRate(),
                s.toRate(),
                s.assumptions().capacityPerInstance(),
                s.assumptions().readySeconds(),
                s.instancesBefore(),
                s.instancesNeeded()));
    for (ScaleStepReplay.Response resp : s.responses()) {
      step.append(
          String.format(
              Locale.ROOT,
              " %s %d-%d s%s;",
              resp.autoscaler(),
              resp.bestSeconds(),
              resp.worstSeconds(),
              resp.resolved() ? "" : " (unresolved)"));
    }
    lines.add(step.toString());
    lines.add(
        String.format(
            Locale.ROOT,
            "region outage (%d regions, policy %s): traffic moved away within %d s at worst,"
                + " at most %d requests failed",
            r.regions().regions(),
            r.regions().policy(),
            r.regions().rerouteWorstSeconds(),
            r.regions().failedRequestsWorst()));
    StringBuilder cost =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "cost per tenant-month (%.2f instances): %s %s on average;",
                r.cost().instances(),
                r.cost().perTenant().toPlainString(),
                r.cost().currency()));
    for (TenantCost.PlanCost p : r.cost().plans()) {
      cost.append(
          String.format(
              Locale.ROOT,
              " %s mean %s max %s (%d of %d under %s);",
              p.plan(),
              p.meanPerTenant().toPlainString(),
              p.maxPerTenant().toPlainString(),
              p.underTarget(),
              p.tenants(),
              TenantCost.TARGET));
    }
    lines.add(cost.toString());
    return lines;
  }
}
