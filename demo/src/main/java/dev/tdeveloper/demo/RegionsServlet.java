package dev.tdeveloper.demo;

import dev.tdeveloper.distribution.health.RegionStatus;
import dev.tdeveloper.distribution.lag.LagSnapshot;
import dev.tdeveloper.distribution.region.Continent;
import dev.tdeveloper.distribution.region.GeoPoint;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.region.RegionalSettings;
import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.ResidencyReport;
import dev.tdeveloper.distribution.routing.ClientLocation;
import dev.tdeveloper.distribution.routing.NoRouteException;
import dev.tdeveloper.distribution.routing.RouteAnswer;
import dev.tdeveloper.distribution.routing.RouteDecision;
import dev.tdeveloper.distribution.routing.RouteRequest;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.TenantConfig;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The operator's view and controls of the {@linkplain DemoRegions regions}.
 *
 * <ul>
 *   <li>{@code GET /ops/regions}: each region's health (vantage points, override, ejected
 *       endpoints), replication lag per region pair and per tenant against the staleness SLO, the
 *       note ids each region's replica holds per tenant, and the latest failovers, failbacks and
 *       residency refusals; with {@code ?tenant=acme}, also the tenant's settings as each region
 *       serves them (defaults &lt;- plan &lt;- region &lt;- tenant, with the layer of each value).
 *   <li>{@code GET /ops/residency}: the residency report, where each tenant's notes live checked
 *       against its policy (JSON, or {@code ?format=text}).
 *   <li>{@code GET /ops/route}: a routing answer with its reasons; parameters {@code policy}
 *       (default: the file's), {@code tenant}, {@code purpose} ({@code storage}, {@code
 *       processing}, {@code replica}), {@code country}, {@code continent}, {@code lat} and {@code
 *       lon}, {@code key}, and {@code latency.<region>} in milliseconds.
 *   <li>{@code POST /admin/regions/<id>/down}, {@code .../up} and {@code .../release}: take a
 *       region out of traffic, force it in, or hand it back to the health checks.
 * </ul>
 *
 * Bad parameters are 400 problems naming the parameter, the value and what is allowed. Thread-safe.
 */
final class RegionsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DemoRegions regions;
  private final transient Supplier<TenantConfig> tenants;

  /** Serves {@code regions}; {@code tenants} gives the {@code tenants.yaml} in force. */
  RegionsServlet(DemoRegions regions, Supplier<TenantConfig> tenants) {
    this.regions = regions;
    this.tenants = tenants;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if ("/ops/route".equals(req.getServletPath())) {
      route(req, resp);
    } else if ("/ops/residency".equals(req.getServletPath())) {
      ResidencyReport report = regions.residencyReport();
      if ("text".equals(req.getParameter("format"))) {
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().write(report.text());
      } else {
        resp.setContentType("application/json");
        resp.getWriter().write(report.toJson());
      }
    } else if ("/ops/regions".equals(req.getServletPath())) {
      Map<String, Object> body = status(regions);
      Optional<String> tenant = param(req, "tenant");
      if (tenant.isPresent()) {
        if (!TenantId.isValid(tenant.get())) {
          Json.problem(
              resp, "invalid-tenant", "Invalid tenant", 400, "tenant '" + tenant.get() + "'");
          return;
        }
        body.put("settings", settings(TenantId.of(tenant.get())));
      }
      Json.send(resp, 200, body);
    } else {
      Json.problem(resp, "not-found", "Not found", 404, "GET /ops/regions or /ops/route");
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = Optional.ofNullable(req.getPathInfo()).orElse("");
    String[] parts = path.split("/");
    Optional<Region> region = parts.length == 3 ? regions.region(parts[1]) : Optional.empty();
    if (region.isEmpty()) {
      Json.problem(
          resp,
          "not-found",
          "Not found",
          404,
          "POST /admin/regions/<id>/down|up|release with a region of "
              + regions.config.catalog().ids());
      return;
    }
    switch (parts[2]) {
      case "down" -> regions.health.forceDown(region.get().id());
      case "up" -> regions.health.forceUp(region.get().id());
      case "release" -> regions.health.release(region.get().id());
      default -> {
        Json.problem(
            resp,
            "not-found",
            "Not found",
            404,
            "action '" + parts[2] + "'; allowed: down, up, release");
        return;
      }
    }
    Json.send(resp, 200, status(regions));
  }

  private void route(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String policy = Optional.ofNullable(req.getParameter("policy")).orElse(regions.defaultPolicy());
    RouteRequest request;
    try {
      request = request(req);
    } catch (IllegalArgumentException e) {
      Json.problem(resp, "invalid-route-request", "Invalid route request", 400, e.getMessage());
      return;
    }
    try {
      RouteDecision decision = regions.route(policy, request);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("policy", policy);
      List<Map<String, Object>> answers = new ArrayList<>();
      for (RouteAnswer answer : decision.answers()) {
        answers.add(
            Map.of(
                "region", answer.region().id().value(),
                "endpoint", answer.endpoint().id(),
                "uri", answer.endpoint().uri().toString()));
      }
      body.put("answers", answers);
      body.put("reasons", decision.reasons());
      Json.send(resp, 200, body);
    } catch (NoRouteException e) {
      Json.problem(resp, "no-region", "No region available", 503, e.getMessage());
    } catch (IllegalArgumentException e) {
      Json.problem(resp, "unknown-policy", "Unknown routing policy", 400, e.getMessage());
    }
  }

  /** Builds the request from the query; throws naming the parameter on a bad value. */
  private RouteRequest request(HttpServletRequest req) {
    RouteRequest.Builder b = RouteRequest.builder();
    param(req, "tenant").ifPresent(t -> b.tenant(TenantId.of(t)));
    param(req, "purpose").ifPresent(p -> b.purpose(purpose(p)));
    param(req, "key").ifPresent(b::key);
    Optional<String> country = param(req, "country").map(c -> c.toUpperCase(Locale.ROOT));
    Optional<Continent> continent =
        param(req, "continent")
            .map(
                c ->
                    Continent.fromCode(c)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "continent '" + c + "'; allowed: AF, AN, AS, EU, NA, OC, SA")));
    Optional<GeoPoint> point = Optional.empty();
    if (param(req, "lat").isPresent() || param(req, "lon").isPresent()) {
      point = Optional.of(new GeoPoint(number(req, "lat"), number(req, "lon")));
    }
    b.client(new ClientLocation(country, continent, point));
    for (Region region : regions.config.catalog().regions()) {
      String name = "latency." + region.id().value();
      if (param(req, name).isPresent()) {
        b.latency(region.id(), Duration.ofMillis((long) number(req, name)));
      }
    }
    return b.build();
  }

  private static DataPurpose purpose(String value) {
    for (DataPurpose p : DataPurpose.values()) {
      if (p.name().equalsIgnoreCase(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "purpose '" + value + "'; allowed: storage, processing, replica");
  }

  private static double number(HttpServletRequest req, String name) {
    String value =
        param(req, name).orElseThrow(() -> new IllegalArgumentException(name + " is missing"));
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not a number");
    }
  }

  private static Optional<String> param(HttpServletRequest req, String name) {
    return Optional.ofNullable(req.getParameter(name)).filter(v -> !v.isBlank());
  }

  /**
   * The tenant's settings as each region would serve them (defaults, plan, region, tenant): every
   * key some region overrides, with the value and the layer that supplied it.
   */
  private Map<String, Object> settings(TenantId tenant) {
    TenantConfig config = tenants.get();
    Map<String, Object> view = new LinkedHashMap<>();
    for (Region region : regions.config.catalog().regions()) {
      RegionalSettings resolved =
          RegionalSettings.resolve(config, regions.config, tenant, region.id());
      Map<String, Object> keys = new TreeMap<>();
      for (Region any : regions.config.catalog().regions()) {
        for (String key : any.settings().keySet()) {
          resolved
              .getString(key)
              .ifPresent(
                  value ->
                      keys.put(
                          key,
                          Map.of(
                              "value",
                              value,
                              "layer",
                              resolved.source(key).map(Enum::name).orElse("NONE"))));
        }
      }
      view.put(region.id().value(), keys);
    }
    return view;
  }

  /** The regions' status for {@code /ops/regions} and {@code /ops}. */
  static Map<String, Object> status(DemoRegions regions) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("file", regions.config.source());
    body.put("defaultPolicy", regions.defaultPolicy());
    body.put("policies", regions.policies());
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<RegionId, RegionStatus> statuses = new HashMap<>();
    regions.health.status().forEach(s -> statuses.put(s.region(), s));
    for (Region region : regions.config.catalog().regions()) {
      // A region is monitored from its first health result; before the first probe it has none.
      RegionStatus s = statuses.get(region.id());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", region.id().value());
      row.put("name", region.displayName());
      row.put("jurisdictions", region.jurisdictions().stream().map(j -> j.code()).toList());
      row.put("healthy", s == null ? regions.health.isHealthy(region.id()) : s.healthy());
      row.put("state", s == null ? "NOT_YET_CHECKED" : s.state().name());
      row.put("override", s == null ? "NONE" : s.override().name());
      row.put(
          "vantagePoints",
          s == null
              ? "none reported yet"
              : s.healthyVantagePoints() + "/" + s.countedVantagePoints() + " healthy");
      row.put("ejectedEndpoints", regions.health.ejected(region.id()));
      rows.add(row);
    }
    body.put("regions", rows);
    LagSnapshot lag = regions.replicas.lag();
    body.put(
        "lag",
        lag.pairs().stream()
            .map(
                p ->
                    Map.of(
                        "from", p.origin().value(),
                        "to", p.receiver().value(),
                        "operations", p.operations(),
                        "lagMillis", p.lag().toMillis()))
            .toList());
    body.put(
        "tenantLag",
        lag.tenants().stream()
            .map(
                t ->
                    Map.of(
                        "tenant", t.tenant().value(),
                        "from", t.origin().value(),
                        "to", t.receiver().value(),
                        "operations", t.operations(),
                        "lagMillis", t.lag().toMillis(),
                        "sloMillis", t.slo().toMillis(),
                        "breached", t.breached()))
            .toList());
    body.put("replicas", regions.replicas.counts());
    body.put("backlog", regions.replicas.backlog());
    body.put("events", regions.recentEvents());
    return body;
  }
}
