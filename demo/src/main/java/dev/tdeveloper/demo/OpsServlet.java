package dev.tdeveloper.demo;

import dev.tdeveloper.scaling.health.HealthCheckRegistry;
import dev.tdeveloper.scaling.health.HealthStatus;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.ConfigReloadEvent;
import dev.tdeveloper.tenancy.config.ReloadResult;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /health}, {@code GET /ops} and {@code GET /ops/scaling}: liveness (public, the
 * {@linkplain DemoHealth liveness group}'s status and nothing else: 200 with {@code UP}, 503 with
 * {@code DOWN}), and the operator's view of every tenant (plan, status, region, isolation), of the
 * configuration in force and of the last reload of {@code tenants.yaml}, behind the operator filter
 * ({@code ops:read}). The last reload is {@code loaded} (at start-up), {@code accepted}, {@code
 * rejected} (with every problem: {@code file:line:column}, field path, value, allowed range) or
 * {@code failed} (the consumer that could not apply it); after the last two the previous file stays
 * in force everywhere.
 *
 * <p>{@code dr} shows, per tenant, the notes' newest backup, newest verified recovery point, live
 * RPO, last drill and RTO against their targets, and whether either is breached.
 *
 * <p>{@code audit} shows the audit log's size, latest checkpoint size, verifier key and events
 * refused.
 *
 * <p>{@code scaling} (and {@code /ops/scaling} alone) shows the {@linkplain DemoScaling autoscaler
 * loop} over the demo's own request rate: replicas desired, current and ready, the last decision
 * with its reasons, the active alerts, the measured load and the forecast's state.
 *
 * <p>{@code cost} shows the FinOps summary of the days kept (total, allocated to tenants, idle,
 * unallocated, reconciled, budget notifications in alarm, anomalies, recommendations); the whole
 * report is under {@code /admin/finops}.
 *
 * <p>{@code waf} shows the {@linkplain DemoWaf WAF}: the rule set running ({@code crs} or {@code
 * baseline}, and why the baseline runs), where it was read from, the mode, rule counts per file and
 * in total, the load time, the tenants with their own policy and the counters of requests
 * inspected, matched, interrupted and engine faults.
 *
 * <p>{@code regions} shows the {@linkplain DemoRegions regions} as {@code /ops/regions} does:
 * health, replication lag against the staleness SLO, replicas and recent failovers.
 */
final class OpsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DemoServices services;

  OpsServlet(DemoServices services) {
    this.services = services;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if ("/health".equals(req.getServletPath())) {
      HealthStatus status = services.health.registry.report(HealthCheckRegistry.LIVENESS).status();
      resp.setHeader("Cache-Control", "no-store");
      Json.send(resp, status.isFailing() ? 503 : 200, Map.of("status", status.name()));
      return;
    }
    if ("/ops/scaling".equals(req.getServletPath())) {
      Json.send(resp, 200, services.scaling.status());
      return;
    }
    List<Map<String, Object>> tenants = new ArrayList<>();
    for (Tenant t : services.registry.list()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", t.id().value());
      row.put("displayName", t.displayName());
      row.put("plan", t.plan());
      row.put("status", t.status().name());
      row.put("homeRegion", t.homeRegion());
      row.put("isolation", t.isolation().name());
      row.put("timeZone", t.timeZone().getId());
      tenants.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("config", services.config.path().toString());
    body.put("plans", services.config.current().plans());
    body.put("tenants", tenants);
    body.put("lastReload", lastReload());
    body.put("audit", services.audit.stats());
    body.put("dr", services.backups.status());
    body.put("scaling", services.scaling.status());
    body.put("cost", FinOpsView.summary(services.cost));
    body.put("waf", services.waf.status());
    body.put("regions", RegionsServlet.status(services.regions));
    Json.send(resp, 200, body);
  }

  private Map<String, Object> lastReload() {
    Map<String, Object> view = new LinkedHashMap<>();
    Optional<ConfigReloadEvent> last = services.lastReload.get();
    view.put("file", last.map(ConfigReloadEvent::source).orElse(services.config.path().toString()));
    view.put("at", last.map(ConfigReloadEvent::at).orElse(services.startedAt).toString());
    ReloadResult result = last.map(ConfigReloadEvent::result).orElse(new ReloadResult.Unchanged());
    if (result instanceof ReloadResult.Reloaded reloaded) {
      view.put("outcome", "accepted");
      view.put("changedTenants", reloaded.changedTenants().stream().map(t -> t.value()).toList());
    } else if (result instanceof ReloadResult.Rejected rejected) {
      view.put("outcome", "rejected");
      view.put("problems", rejected.problems().stream().map(OpsServlet::problem).toList());
    } else if (result instanceof ReloadResult.Failed failed) {
      view.put("outcome", "failed");
      view.put("error", failed.message());
    } else {
      view.put("outcome", "loaded");
    }
    return view;
  }

  private static Map<String, Object> problem(ConfigProblem problem) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("message", problem.message());
    problem.location().ifPresent(l -> row.put("location", l.toString()));
    row.put("path", problem.path());
    problem.value().ifPresent(v -> row.put("value", v));
    problem.allowed().ifPresent(a -> row.put("allowed", a));
    return row;
  }
}
