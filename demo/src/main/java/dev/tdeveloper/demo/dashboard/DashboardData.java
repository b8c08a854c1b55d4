package dev.tdeveloper.demo.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.security.shield.AbuseShield;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.usage.MeterDefinition;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the dashboard's one JSON document from the demo's components: {@code generatedAt}, {@code
 * windowSeconds}, {@code tenants} (id, name, plan, status, region, the last minute's traffic and
 * the usage meters' current windows), {@code protection} (rate-limited requests, the shield's
 * refusals, bans and concurrency limit), {@code slos}, {@code alerts} and {@code incidents} from
 * the {@link DashboardSources}, and one member per named section (cost, backups, audit, ...). A
 * section whose supplier throws becomes {@code {"error": "..."}} so one broken component never
 * blanks the page. Thread-safe if its suppliers are.
 */
public final class DashboardData {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardData.class);

  private final ObjectMapper mapper;
  private final InstantSource clock;
  private final TenantRegistry registry;
  private final TrafficCounter traffic;
  private final Optional<UsageMeter> usage;
  private final Optional<AbuseShield> shield;
  private final DashboardSources sources;
  private final Map<String, Supplier<?>> sections;

  DashboardData(DashboardDataBuilder b) {
    this.mapper = b.mapper;
    this.clock = b.clock;
    this.registry = b.registry;
    this.traffic = b.traffic;
    this.usage = Optional.ofNullable(b.usage);
    this.shield = Optional.ofNullable(b.shield);
    this.sources = b.sources;
    this.sections = Map.copyOf(b.sections);
  }

  /** Returns a builder; the mapper, clock, registry, traffic counter and sources are required. */
  public static DashboardDataBuilder builder() {
    return new DashboardDataBuilder();
  }

  /** Returns the document as of now. */
  public ObjectNode snapshot() {
    Instant now = clock.instant();
    ObjectNode root = mapper.createObjectNode();
    root.put("generatedAt", now.toString());
    root.put("windowSeconds", TrafficCounter.WINDOW_SECONDS);
    ArrayNode tenants = root.putArray("tenants");
    long rateLimited = 0;
    for (Tenant t : registry.list().stream().sorted(Comparator.comparing(Tenant::id)).toList()) {
      TrafficCounts counts = traffic.tenant(t.id());
      rateLimited += counts.rateLimited();
      ObjectNode row = tenants.addObject();
      row.put("id", t.id().value());
      row.put("displayName", t.displayName());
      row.put("plan", t.plan());
      row.put("status", t.status().name());
      row.put("homeRegion", t.homeRegion());
      ObjectNode tr = row.putObject("traffic");
      tr.put("requests", counts.requests());
      tr.put("requestsPerSecond", counts.requestsPerSecond());
      tr.put("serverErrors", counts.serverErrors());
      tr.put("errorRate", counts.errorRate());
      tr.put("rateLimited", counts.rateLimited());
      tr.put("clientErrors", counts.clientErrors());
      usage.ifPresent(u -> section(row, "usage", () -> usageOf(u, t, now)));
    }
    ObjectNode protection = root.putObject("protection");
    protection.put("rateLimited", rateLimited);
    section(protection, "shield", this::shieldView);
    section(root, "slos", () -> sources.slos().stream().map(this::slo).toList());
    section(root, "alerts", () -> alerts(now));
    section(root, "incidents", () -> sources.incidents().stream().map(this::incident).toList());
    sections.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> section(root, e.getKey(), e.getValue()));
    return root;
  }

  private void section(ObjectNode parent, String name, Supplier<?> supplier) {
    try {
      parent.set(name, mapper.valueToTree(supplier.get()));
    } catch (RuntimeException e) {
      LOG.warn("dashboard section '{}' failed", name, e);
      parent.putObject(name).put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> usageOf(UsageMeter usage, Tenant tenant, Instant now) {
    Map<String, Object> meters = new LinkedHashMap<>();
    for (MeterDefinition meter : usage.meters()) {
      Instant start = meter.windowStart(now);
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("windowStart", start.toString());
      view.put("value", usage.aggregate(tenant.id(), meter.name(), start).value());
      meters.put(meter.name(), view);
    }
    return meters;
  }

  private Map<String, Object> shieldView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("refused", traffic.shieldRefusals());
    if (shield.isPresent()) {
      AbuseShield s = shield.get();
      view.put(
          "activeBans",
          Map.of(
              "clientIp", s.ipBans().activeBans().size(),
              "tenant", s.tenantBans().activeBans().size(),
              "apiKey", s.apiKeyBans().activeBans().size()));
      s.ipHeavyHitters().ifPresent(h -> view.put("heavyHitterIps", h.heavyHitters().size()));
      s.concurrencyLimit()
          .ifPresent(
              c ->
                  view.put(
                      "concurrency",
                      Map.of(
                          "limit", c.limit(),
                          "inFlight", c.inFlight(),
                          "min", c.minLimit(),
                          "max", c.maxLimit())));
    }
    return view;
  }

  private Map<String, Object> slo(SloView s) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", s.id());
    view.put("tenant", s.tenant().orElse(null));
    view.put("objective", s.objective());
    view.put("budgetRemaining", s.budgetRemaining());
    view.put("burnRates", s.burnRates());
    view.put("sparkline", s.sparkline());
    view.put("alerts", s.alerts());
    return view;
  }

  private Map<String, Object> incident(IncidentView i) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", i.id());
    view.put("title", i.title());
    view.put("tenant", i.tenant().orElse(null));
    view.put("severity", i.severity());
    view.put("status", i.status());
    view.put("openedAt", i.openedAt().toString());
    view.put("rootCause", i.rootCause());
    view.put("alertCount", i.alertCount());
    return view;
  }

  private List<Map<String, Object>> alerts(Instant now) {
    return sources.alerts().stream()
        .filter(a -> !a.isResolvedAt(now))
        .sorted(
            Comparator.comparing((Alert a) -> a.severity().ordinal())
                .thenComparing(Alert::startsAt))
        .map(
            a -> {
              Map<String, Object> view = new LinkedHashMap<>();
              view.put("fingerprint", a.labels().fingerprintHex());
              view.put("alertname", a.name());
              view.put("severity", a.severity().label());
              view.put("tenant", a.tenant().orElse(null));
              view.put("summary", a.annotations().getOrDefault("summary", ""));
              view.put("startsAt", a.startsAt().toString());
              view.put("labels", a.labels().asMap());
              return view;
            })
        .toList();
  }
}
