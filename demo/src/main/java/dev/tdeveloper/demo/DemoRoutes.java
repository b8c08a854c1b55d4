package dev.tdeveloper.demo;

import dev.tdeveloper.demo.dashboard.DashboardData;
import dev.tdeveloper.demo.dashboard.OpsDashboard;
import dev.tdeveloper.demo.dashboard.TrafficCounter;
import dev.tdeveloper.demo.notes.NotesServlet;
import dev.tdeveloper.observability.micrometer.MeteredRateLimiter;
import dev.tdeveloper.observability.otel.TenantTracingFilter;
import dev.tdeveloper.observability.otel.TracedFilter;
import dev.tdeveloper.observability.otel.TracingFilter;
import dev.tdeveloper.tenancy.access.Permission;
import dev.tdeveloper.tenancy.access.Principal;
import dev.tdeveloper.tenancy.access.RolePolicy;
import dev.tdeveloper.tenancy.access.TenantAccessGuard;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.resolve.CompositeTenantResolver;
import dev.tdeveloper.tenancy.resolve.HeaderTenantResolver;
import dev.tdeveloper.tenancy.resolve.SubdomainTenantResolver;
import dev.tdeveloper.tenancy.resolve.TenantResolver;
import dev.tdeveloper.web.health.HealthServlet;
import dev.tdeveloper.web.operator.BearerTokenAuthenticator;
import dev.tdeveloper.web.operator.OperatorFilter;
import dev.tdeveloper.web.ratelimit.RateLimitFilter;
import dev.tdeveloper.web.ratelimit.RateLimitFilterEvent;
import dev.tdeveloper.web.shield.AbuseShieldFilter;
import dev.tdeveloper.web.tenant.TenantFilter;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's HTTP routes: the filter chain (tracing, shield, WAF, tenant, SLIs, operator, rate
 * limit, residency, metering) and the servlet mapping of the tenant API, the probes and the ops and
 * admin views over the {@link DemoServices}, with the operator authentication that guards {@code
 * /ops} and {@code /admin}. {@link DemoApp} serves what {@link #routes} builds. Stateless.
 */
final class DemoRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(DemoRoutes.class);

  /** Reading the ops view: tenants, plans, configuration. */
  static final Permission OPS_READ = Permission.of("ops:read");

  /** Provisioning, suspending, reactivating and offboarding tenants. */
  static final Permission TENANTS_ADMIN = Permission.of("tenants:admin");

  /**
   * Benchmark-only switch: when this environment variable is {@code true}, {@link #routes} keeps
   * the tenant filter alone in front of the servlets (the handlers need the request's tenant) and
   * drops every other filter (tracing, request counter, audit, shield, WAF, SLIs, operator, traffic
   * counter, rate limit, residency, metering), so a load test can measure what the chain costs.
   * Never set it in production: {@code /ops} and {@code /admin} are then unauthenticated.
   */
  static final String NO_FILTERS_ENV = "DEMO_BENCHMARK_NO_FILTERS";

  private DemoRoutes() {}

  /** Whether {@code env} sets {@value #NO_FILTERS_ENV} to {@code true} (any case). */
  static boolean noFilters(java.util.Map<String, String> env) {
    return Boolean.parseBoolean(env.get(NO_FILTERS_ENV));
  }

  /**
   * Operator authentication for every admin and ops route: the admin token authenticates the
   * principal {@code admin} holding the platform role {@code operator}, which the role policy lets
   * read the ops view and administer tenants. Add a {@code require} rule (and map the filter) for
   * every future operator route.
   */
  static OperatorFilter operatorFilter(String token, DemoAudit audit) {
    TenantAccessGuard guard =
        TenantAccessGuard.builder()
            .rolePolicy(
                RolePolicy.builder()
                    .role("operator", OPS_READ.value(), TENANTS_ADMIN.value())
                    .build())
            .listener(event -> LOG.warn("operator access denied: {}", DemoLog.masked(event)))
            .listener(audit.listener())
            .build();
    return OperatorFilter.builder()
        .authenticator(
            BearerTokenAuthenticator.builder()
                .token(token, Principal.operator("admin", "operator"))
                .build())
        .guard(guard)
        .require("/ops", OPS_READ)
        .require("/admin", TENANTS_ADMIN)
        .listener(event -> LOG.warn("operator request refused: {}", DemoLog.masked(event)))
        .listener(audit.listener())
        .build();
  }

  static ServletContextHandler routes(
      DemoServices services, DemoOptions options, OperatorFilter operators, OpenTelemetry otel) {
    SubdomainTenantResolver.Builder subdomains = SubdomainTenantResolver.builder();
    options.baseDomains().forEach(subdomains::baseDomain);
    TenantResolver resolver =
        CompositeTenantResolver.builder(CompositeTenantResolver.Mode.ALL_MUST_AGREE)
            .add("subdomain", subdomains.build())
            .add("header", HeaderTenantResolver.of())
            .build();
    TenantFilter tenantFilter =
        TenantFilter.builder()
            .resolver(resolver)
            .registry(services.registry)
            .excludePathPrefixes("/health", "/ops", "/admin")
            .listener(event -> LOG.info("tenant rejected: {}", DemoLog.masked(event)))
            .listener(services.audit.listener())
            .build();
    AbuseShieldFilter shieldFilter =
        AbuseShieldFilter.builder()
            .shield(services.protection.shield)
            .clientIpResolver(services.protection.clientIps) // DEMO_TRUSTED_PROXIES
            .build();
    RateLimitFilter rateLimitFilter =
        RateLimitFilter.builder()
            .limiter(
                MeteredRateLimiter.wrap(services.protection.limiter, services.observability.meters))
            .listener(event -> LOG.debug("request refused: {}", DemoLog.masked(event)))
            .listener(
                services.audit.listener(e -> e instanceof RateLimitFilterEvent.StoreUnavailable))
            .build();
    ServletContextHandler context = new ServletContextHandler();
    TrafficCounter traffic = new TrafficCounter(services.clock); // the dashboard's, per tenant
    // Filters run in the order they are added: failures (outermost: a storage failure anywhere
    // below answers 503 problem+json, every 503 gets Retry-After), tracing (one server span per
    // request), the autoscaler's request counter (so refused requests count as load too), audit (so
    // every refusal is audited), shield, WAF (on /notes and /usage, unless --waf off), tenant
    // (skips /health, /ops, /admin) with the tenant put on the span and baggage, the SLIs, operator
    // (on /ops and /admin only; the dashboard's page shell is exempt), the dashboard's per-tenant
    // traffic counter, rate limit, residency (on /notes), metering. The protection filters each
    // get a child span. Jetty's own error answers are problem+json too, never HTML with text.
    addFilter(context, new FailureFilter(), "/*");
    context.setErrorHandler(new ProblemErrorHandler());
    addFilter(context, TracingFilter.builder().openTelemetry(otel).build(), "/*");
    addFilter(context, services.scaling.requestCounter(), "/*");
    addFilter(context, services.audit.filter, "/*");
    addFilter(
        context, traffic.countingShield(TracedFilter.wrap(otel, "shield", shieldFilter)), "/*");
    // The WAF inspects the tenant API after the shield and before the tenant filter does any work
    // for an attack; it picks the tenant's policy with the tenant filter's own resolver.
    services
        .waf
        .filter(resolver)
        .ifPresent(
            waf -> {
              Filter traced = TracedFilter.wrap(otel, "waf", waf);
              addFilter(context, traced, "/notes/*");
              addFilter(context, traced, "/usage");
            });
    addFilter(context, TracedFilter.wrap(otel, "tenant", tenantFilter), "/*");
    addFilter(context, TenantTracingFilter.create(), "/*");
    // SLIs of the tenant API: after the tenant filter, so everything after it counts.
    SloFilter slis = new SloFilter(services.observability, services.registry, services.ticker);
    addFilter(context, slis, "/notes/*");
    addFilter(context, slis, "/usage");
    addFilter(context, operators, "/ops/*");
    addFilter(context, OpsDashboard.exemptingShell(operators), "/admin/*"); // shell: no data
    addFilter(context, traffic.tenantFilter(), "/notes/*");
    addFilter(context, traffic.tenantFilter(), "/usage");
    Filter tracedRateLimit = TracedFilter.wrap(otel, "rate-limit", rateLimitFilter);
    addFilter(context, tracedRateLimit, "/notes/*");
    addFilter(context, tracedRateLimit, "/usage");
    // Residency before quotas and storage: a note refused in a region was never charged.
    addFilter(context, new ResidencyFilter(services.regions), "/notes/*");
    MeteringFilter metering = new MeteringFilter(services.tenancy.usage, services.clock);
    addFilter(context, metering, "/notes/*");
    addFilter(context, metering, "/usage");
    if (noFilters(System.getenv())) { // benchmark only: the bare handlers, see NO_FILTERS_ENV
      LOG.warn("{}=true: every filter but the tenant filter is off", NO_FILTERS_ENV);
      context.getServletHandler().setFilterMappings(new FilterMapping[0]);
      context.getServletHandler().setFilters(new FilterHolder[0]);
      addFilter(context, tenantFilter, "/*");
    }
    NotesServlet notes =
        new NotesServlet(
            services.tenantNotes,
            services.tenancy.quotas,
            (note, request) -> {
              services.tenancy.recordNoteCreated(note);
              ResidencyFilter.servedBy(request)
                  .ifPresent(
                      region ->
                          services.regions.replicas.noteCreated(
                              TenantContext.require(), region, note.id()));
            });
    context.addServlet(new ServletHolder(notes), "/notes/*");
    context.addServlet(new ServletHolder(new UsageServlet(services)), "/usage");
    OpsServlet ops = new OpsServlet(services);
    context.addServlet(new ServletHolder(ops), "/health");
    context.addServlet(new ServletHolder(ops), "/ops");
    context.addServlet(new ServletHolder(ops), "/ops/scaling");
    // Public probes show the status alone; operators see every check's details under /ops.
    context.addServlet(
        new ServletHolder(HealthServlet.builder().registry(services.health.registry).build()),
        "/health/*");
    context.addServlet(
        new ServletHolder(
            HealthServlet.builder().registry(services.health.registry).showDetails(true).build()),
        "/ops/health/*");
    context.addServlet(new ServletHolder(new AdminServlet(services)), "/admin/*");
    RegionsServlet regions = new RegionsServlet(services.regions, services.config::current);
    context.addServlet(new ServletHolder(regions), "/ops/regions");
    context.addServlet(new ServletHolder(regions), "/ops/route");
    context.addServlet(new ServletHolder(regions), "/ops/residency");
    context.addServlet(new ServletHolder(regions), "/admin/regions/*");
    context.addServlet(
        new ServletHolder(new DrServlet(services.backups, services.registry)), "/admin/dr/*");
    PrivacyServlet privacy =
        new PrivacyServlet(services.privacy, services.registry, services.clock);
    context.addServlet(new ServletHolder(privacy), "/admin/privacy/*");
    ComplianceServlet compliance = new ComplianceServlet(services.compliance);
    context.addServlet(new ServletHolder(compliance), "/admin/compliance/*");
    context.addServlet(new ServletHolder(compliance), "/admin/access-reviews");
    context.addServlet(
        new ServletHolder(new AuditServlet(services.audit.log, services.clock)), "/admin/audit/*");
    context.addServlet(
        new ServletHolder(new AlertsServlet(services.observability, services.clock)),
        "/admin/alerts/*");
    MetricsServlet metrics = new MetricsServlet(services.observability);
    context.addServlet(new ServletHolder(metrics), "/ops/metrics");
    context.addServlet(new ServletHolder(metrics), "/admin/metrics");
    FinOpsServlet finops = new FinOpsServlet(services.cost);
    context.addServlet(new ServletHolder(finops), "/admin/finops");
    context.addServlet(new ServletHolder(finops), "/admin/finops/*");
    new OpsDashboard(
            DashboardData.builder()
                .mapper(Json.MAPPER)
                .clock(services.clock)
                .registry(services.registry)
                .traffic(traffic)
                .usage(services.tenancy.usage)
                .shield(services.protection.shield)
                .sources(new DemoDashboardSources(services.observability, services.clock))
                .section("cost", () -> FinOpsView.summary(services.cost))
                .section("backups", services.backups::status)
                .section("audit", services.audit::stats)
                .build(),
            Json.MAPPER)
        .mapServlets(context);
    return context;
  }

  private static void addFilter(ServletContextHandler context, Filter filter, String path) {
    context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST));
  }
}
