package dev.tdeveloper.demo;

import dev.tdeveloper.demo.dashboard.DashboardData;
import dev.tdeveloper.demo.dashboard.OpsDashboard;
import dev.tdeveloper.demo.dashboard.TrafficCounter;
import dev.tdeveloper.demo.notes.NotesServlet;
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
import dev.tdeveloper.tenancy.time.Ticker;
import dev.tdeveloper.web.health.HealthServlet;
import dev.tdeveloper.web.operator.BearerTokenAuthenticator;
import dev.tdeveloper.web.operator.OperatorFilter;
import dev.tdeveloper.web.ratelimit.RateLimitFilter;
import dev.tdeveloper.web.ratelimit.RateLimitFilterEvent;
import dev.tdeveloper.web.shield.AbuseShieldFilter;
import dev.tdeveloper.web.tenant.TenantFilter;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running demo: the {@link DemoServices} behind embedded Jetty 12, with the abuse shield in
 * front of everything, then the WAF ({@link DemoWaf}, OWASP CRS) in front of the notes API, then
 * the tenant filter and the per-tenant rate limit in front of every tenant route, and background
 * jobs that reload {@code tenants.yaml}, close usage windows and compact the usage store. With TLS
 * on ({@link DemoOptions#tls()}), the one port serves only TLS 1.3 (h2 and HTTP/1.1, HSTS on every
 * answer), a job checks the certificate daily and, for one from the local CA, another renews it
 * hourly once due, without a restart. An autoscaler loop sizes a simulated cluster to the demo's
 * own request rate ({@code /ops/scaling}); {@code /health/live}, {@code /health/ready} and {@code
 * /health/started} answer the probes (with every check's details for operators under {@code
 * /ops/health/}). Every hour a job allocates the demo's costs to its tenants ({@link DemoCost}),
 * shown under {@code /admin/finops}. The process plays five regions ({@link DemoRegions}): the
 * notes API enforces each tenant's residency where a request is served ({@link ResidencyFilter}),
 * note ids replicate between the regions residency allows, and {@code /ops/regions}, {@code
 * /ops/route} and {@code /admin/regions} show health, lag and failover. The ops dashboard ({@link
 * OpsDashboard}) is at {@code /admin/dashboard}. Thread-safe; {@link #close()} stops everything.
 */
public final class DemoApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoApp.class);

  private final DemoServices services;
  private final Server server;
  private final ScheduledExecutorService jobs;
  private final String adminToken;
  private final Optional<TlsEndpoint> tls;

  /** Reading the ops view: tenants, plans, configuration. */
  static final Permission OPS_READ = Permission.of("ops:read");

  /** Provisioning, suspending, reactivating and offboarding tenants. */
  static final Permission TENANTS_ADMIN = Permission.of("tenants:admin");

  private DemoApp(
      DemoServices services,
      Server server,
      ScheduledExecutorService jobs,
      String token,
      Optional<TlsEndpoint> tls) {
    this.services = services;
    this.server = server;
    this.jobs = jobs;
    this.adminToken = token;
    this.tls = tls;
  }

  /** Starts the demo on {@code options.port()}, timing rate limits by the system ticker. */
  public static DemoApp start(DemoOptions options, InstantSource clock) throws Exception {
    return start(options, clock, Ticker.system());
  }

  /**
   * Starts the demo on {@code options.port()}, with wall time from {@code clock} and the rate
   * limits, bans and concurrency latencies timed by {@code ticker}. With TLS on, the port speaks
   * only TLS 1.3 (plain HTTP to it gets no answer) and the certificate is checked at start and
   * daily.
   *
   * @throws dev.tdeveloper.security.cert.CertificateReadException if the TLS key material cannot be
   *     read (the message names the file and what is wrong)
   */
  public static DemoApp start(DemoOptions options, InstantSource clock, Ticker ticker)
      throws Exception {
    return start(options, clock, ticker, GlobalOpenTelemetry.get());
  }

  /**
   * As {@link #start(DemoOptions, InstantSource, Ticker)}, tracing every request with {@code otel}:
   * a server span per request, a child span per protection filter (shield, WAF, tenant, rate limit)
   * and the tenant as span attribute and baggage. The other overloads use {@link
   * GlobalOpenTelemetry} (a no-op unless the OpenTelemetry Java agent or SDK autoconfiguration
   * registered an SDK, e.g. exporting over OTLP).
   */
  public static DemoApp start(
      DemoOptions options, InstantSource clock, Ticker ticker, OpenTelemetry otel)
      throws Exception {
    Optional<TlsEndpoint> tls =
        options.tls().enabled()
            ? Optional.of(TlsEndpoint.open(options.tls(), options.dataDir(), clock))
            : Optional.empty();
    DemoServices services = new DemoServices(options, clock, ticker);
    String token = options.adminToken().orElseGet(DemoApp::randomToken);
    Server server = new Server();
    ServerConnector connector;
    if (tls.isPresent()) {
      connector = tls.get().connector(server, "127.0.0.1", options.port());
    } else {
      connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(options.port());
    }
    server.addConnector(connector);
    ServletContextHandler context =
        routes(services, options, operatorFilter(token, services.audit), otel);
    context.addServlet(services.posture.servlet(tls), "/ops/posture");
    tls.ifPresent(
        t ->
            context.addServlet(
                new ServletHolder(new CertificatesServlet(t.monitor())), "/ops/certificates"));
    server.setHandler(context);
    ScheduledExecutorService jobs =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-jobs");
              t.setDaemon(true);
              return t;
            });
    try {
      server.start();
    } catch (Exception e) {
      services.close();
      jobs.shutdownNow();
      throw e;
    }
    jobs.scheduleWithFixedDelay(safely("reload", services::reloadConfig), 2, 2, TimeUnit.SECONDS);
    jobs.scheduleWithFixedDelay(
        safely("close usage windows", services.usage::closeExpiredWindows), 1, 1, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(
        safely("compact usage store", services::compactUsageStore), 1, 1, TimeUnit.HOURS);
    services.keys.schedule(jobs); // rotates keys older than the policy's 90 days
    tls.ifPresent(
        t -> {
          t.monitor().check();
          jobs.scheduleWithFixedDelay(
              safely("check TLS certificate", t.monitor()::check), 1, 1, TimeUnit.DAYS);
          t.renewer()
              .ifPresent(
                  r ->
                      jobs.scheduleWithFixedDelay(
                          safely("renew TLS certificate", r::renewIfDue), 1, 1, TimeUnit.HOURS));
        });
    jobs.scheduleWithFixedDelay(safely("posture", services.posture::scan), 0, 1, TimeUnit.MINUTES);
    services.audit.schedule(jobs, job -> safely("audit checkpoint", job));
    services.backups.start(jobs); // backups every minute, drills every 10 minutes, verification
    services.scaling.start(); // every 15 s on its own thread, stopped by services.close()
    services.cost.schedule(jobs, job -> safely("cost allocation", job)); // hourly
    services.regions.schedule(jobs, job -> safely("regions", job)); // probes 10 s, replicas 1 s
    services.observability.schedule(jobs, job -> safely("slo alerts", job)); // 10 s, router 1 s
    services.health.started();
    return new DemoApp(services, server, jobs, token, tls);
  }

  /**
   * Operator authentication for every admin and ops route: the admin token authenticates the
   * principal {@code admin} holding the platform role {@code operator}, which the role policy lets
   * read the ops view and administer tenants. Add a {@code require} rule (and map the filter) for
   * every future operator route.
   */
  private static OperatorFilter operatorFilter(String token, DemoAudit audit) {
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

  private static ServletContextHandler routes(
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
        AbuseShieldFilter.builder().shield(services.protection.shield).build();
    RateLimitFilter rateLimitFilter =
        RateLimitFilter.builder()
            .limiter(services.protection.limiter)
            .listener(event -> LOG.debug("request refused: {}", DemoLog.masked(event)))
            .listener(
                services.audit.listener(e -> e instanceof RateLimitFilterEvent.StoreUnavailable))
            .build();
    ServletContextHandler context = new ServletContextHandler();
    TrafficCounter traffic = new TrafficCounter(services.clock); // the dashboard's, per tenant
    // Filters run in the order they are added: tracing (outermost: one server span per request),
    // the autoscaler's request counter (so refused requests count as load too), audit (so every
    // refusal is audited), shield, WAF (on /notes and /usage, unless --waf off), tenant (skips
    // /health, /ops, /admin) with the tenant put on the span and baggage, the SLIs, operator (on
    // /ops and /admin only; the dashboard's page shell is exempt), the dashboard's per-tenant
    // traffic counter, rate limit, residency (on /notes), metering. The protection filters each
    // get a child span.
    addFilter(context, TracingFilter.builder().openTelemetry(otel).build(), "/*");
    addFilter(context, services.scaling.requestCounter(), "/*");
    addFilter(context, services.audit.filter, "/*");
    addFilter(context, traffic.shieldEntry(), "/*");
    addFilter(context, TracedFilter.wrap(otel, "shield", shieldFilter), "/*");
    addFilter(context, traffic.shieldExit(), "/*");
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
    MeteringFilter metering = new MeteringFilter(services.usage, services.clock);
    addFilter(context, metering, "/notes/*");
    addFilter(context, metering, "/usage");
    NotesServlet notes =
        new NotesServlet(
            services.notes,
            services.quotas,
            (note, request) -> {
              services.recordNoteCreated(note);
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
                .usage(services.usage)
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

  private static String randomToken() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Runnable safely(String name, Runnable job) {
    return () -> {
      try {
        job.run();
      } catch (RuntimeException e) {
        LOG.warn("background job '{}' failed", name, e);
      }
    };
  }

  /** Returns the port the server listens on. */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** Returns whether the demo serves TLS (then only TLS) on {@link #port()}. */
  public boolean tls() {
    return tls.isPresent();
  }

  /** Returns the SHA-256 fingerprint of the TLS certificate in use, when TLS is on. */
  public Optional<String> certificateFingerprint() {
    return tls.map(t -> t.material().sha256Fingerprint());
  }

  /**
   * Returns the local CA's certificate file (for {@code curl --cacert}) when the TLS certificate
   * comes from the local development CA.
   */
  public Optional<java.nio.file.Path> caCertificateFile() {
    return tls.flatMap(TlsEndpoint::caCertificateFile);
  }

  /** Renews the local-CA certificate now if it is due (the background job does so hourly). */
  void renewCertificateIfDue() {
    tls.flatMap(TlsEndpoint::renewer).ifPresent(r -> r.renewIfDue());
  }

  /** Returns the operator token {@code /admin} and {@code /ops} requests must carry. */
  public String adminToken() {
    return adminToken;
  }

  /** Returns the services, for tests that drive the autoscaler or break a dependency. */
  DemoServices services() {
    return services;
  }

  /** Reloads {@code tenants.yaml} now if it changed (the background job does so every 2 s). */
  void reloadConfigNow() {
    services.reloadConfig();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    jobs.shutdownNow();
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("stopping Jetty failed", e);
    }
    try {
      services.close();
    } catch (RuntimeException e) {
      LOG.warn("closing services failed", e);
    }
  }
}
