package dev.tdeveloper.benchmarks.load.sim;

import dev.tdeveloper.benchmarks.load.LoadTenant;
import dev.tdeveloper.benchmarks.load.Roster;
import dev.tdeveloper.benchmarks.load.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the simulations take from a load run: the rate the full chain served, the demo's CPU time
 * per request, the cores one instance has (this machine's), how long one instance took from launch
 * to serving, and each tenant's share of the traffic. Immutable and thread-safe.
 *
 * @param requestsPerSecond requests per second the full chain answered in the run, above 0
 * @param cpuMicrosPerRequest the demo's CPU time per answered request, in microseconds, above 0
 * @param cores the vCPUs of one instance, at least 1
 * @param startup from launching one demo instance to its first served request, above 0
 * @param tenants each tenant's plan and answered requests per second, in roster order
 */
public record SimInputs(
    double requestsPerSecond,
    double cpuMicrosPerRequest,
    int cores,
    Duration startup,
    List<TenantLoad> tenants) {

  /**
   * One tenant's traffic in the run.
   *
   * @param id the tenant id
   * @param plan its plan
   * @param requestsPerSecond its answered requests per second, whatever the outcome, {@code >= 0}
   */
  public record TenantLoad(String id, String plan, double requestsPerSecond) {
    /** Validates. */
    public TenantLoad {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(plan, "plan");
      if (!Double.isFinite(requestsPerSecond) || requestsPerSecond < 0) {
        throw new IllegalArgumentException(
            "requestsPerSecond of " + id + ": " + requestsPerSecond + "; allowed: finite, >= 0");
      }
    }
  }

  /** Validates and copies. */
  public SimInputs {
    positive("requestsPerSecond", requestsPerSecond);
    positive("cpuMicrosPerRequest", cpuMicrosPerRequest);
    if (cores < 1) {
      throw new IllegalArgumentException("cores: " + cores + "; allowed: >= 1");
    }
    Objects.requireNonNull(startup, "startup");
    if (startup.isNegative() || startup.isZero()) {
      throw new IllegalArgumentException("startup: " + startup + "; allowed: > 0");
    }
    tenants = List.copyOf(tenants);
    if (tenants.isEmpty()) {
      throw new IllegalArgumentException("tenants: none; allowed: at least one");
    }
  }

  /**
   * The inputs of a run of the full chain: its answered rate and CPU per request, each tenant's
   * answered requests over the measured part's elapsed time.
   *
   * @param roster the run's tenants
   * @param full the full chain's run
   * @param startup how long the full chain's demo took to start serving
   * @param cores the vCPUs one instance has
   * @return the inputs
   * @throws IllegalArgumentException when the run answered nothing
   */
  public static SimInputs of(Roster roster, RunResult full, Duration startup, int cores) {
    double seconds = full.elapsed().toNanos() / 1e9;
    List<TenantLoad> tenants = new ArrayList<>();
    for (int i = 0; i < roster.tenants().size(); i++) {
      LoadTenant t = roster.tenants().get(i);
      long answered = 0;
      for (long n : full.byTenant()[i]) {
        answered += n;
      }
      tenants.add(new TenantLoad(t.id(), t.plan(), seconds > 0 ? answered / seconds : 0));
    }
    return new SimInputs(
        full.throughput(), full.demoCpuMicrosPerRequest(), cores, startup, tenants);
  }

  /**
   * Requests per second one instance sustains: its cores busy, each request costing the measured
   * CPU time. An upper bound: it ignores what the load generator took from the same cores.
   *
   * @return the capacity of one instance
   */
  public double capacityPerInstance() {
    return cores * 1e6 / cpuMicrosPerRequest;
  }

  private static void positive(String field, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(field + ": " + value + "; allowed: finite, > 0");
    }
  }
}
