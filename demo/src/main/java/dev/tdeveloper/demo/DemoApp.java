package dev.tdeveloper.demo;

import dev.tdeveloper.demo.dashboard.OpsDashboard;
import dev.tdeveloper.tenancy.time.Ticker;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running demo: the {@link DemoServices} behind embedded Jetty 12 (routes in {@link
 * DemoRoutes}), with the abuse shield in front of everything, then the WAF ({@link DemoWaf}, OWASP
 * CRS) in front of the notes API, then the tenant filter and the per-tenant rate limit in front of
 * every tenant route, and background jobs that reload {@code tenants.yaml}, close usage windows and
 * compact the usage store. With TLS on ({@link DemoOptions#tls()}), the one port serves only TLS
 * 1.3 (h2 and HTTP/1.1, HSTS on every answer), a job checks the certificate daily and, for one from
 * the local CA, another renews it hourly once due, without a restart. An autoscaler loop sizes a
 * simulated cluster to the demo's own request rate ({@code /ops/scaling}); {@code /health/live},
 * {@code /health/ready} and {@code /health/started} answer the probes (with every check's details
 * for operators under {@code /ops/health/}). Every hour a job allocates the demo's costs to its
 * tenants ({@link DemoCost}), shown under {@code /admin/finops}. The process plays five regions
 * ({@link DemoRegions}): the notes API enforces each tenant's residency where a request is served
 * ({@link ResidencyFilter}), note ids replicate between the regions residency allows, and {@code
 * /ops/regions}, {@code /ops/route} and {@code /admin/regions} show health, lag and failover. The
 * ops dashboard ({@link OpsDashboard}) is at {@code /admin/dashboard}. Thread-safe; {@link
 * #close()} stops everything.
 */
public final class DemoApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoApp.class);

  private final DemoServices services;
  private final Server server;
  private final ScheduledExecutorService jobs;
  private final String adminToken;
  private final Optional<TlsEndpoint> tls;

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
    return start(options, clock, ticker, otel, System.getenv());
  }

  /**
   * As {@link #start(DemoOptions, InstantSource, Ticker, OpenTelemetry)}, with the shield's
   * environment settings ({@code DEMO_SHIELD_IP_REQUESTS_PER_MINUTE}, {@code DEMO_TRUSTED_PROXIES})
   * read from {@code env} instead of the process environment.
   */
  static DemoApp start(
      DemoOptions options,
      InstantSource clock,
      Ticker ticker,
      OpenTelemetry otel,
      Map<String, String> env)
      throws Exception {
    Optional<TlsEndpoint> tls =
        options.tls().enabled()
            ? Optional.of(TlsEndpoint.open(options.tls(), options.dataDir(), clock))
            : Optional.empty();
    DemoServices services = new DemoServices(options, clock, ticker, env);
    String token = options.adminToken().orElseGet(DemoApp::randomToken);
    Server server = new Server(DemoThreads.pool(env));
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
        DemoRoutes.routes(
            services, options, DemoRoutes.operatorFilter(token, services.audit), otel);
    context.addServlet(services.posture.servlet(tls), "/ops/posture");
    tls.ifPresent(
        t ->
            context.addServlet(
                new ServletHolder(new CertificatesServlet(t.monitor())), "/ops/certificates"));
    server.setHandler(context);
    server.setErrorHandler(new ProblemErrorHandler()); // errors outside the context, e.g. a bad URI
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
        safely("close usage windows", services.tenancy.usage::closeExpiredWindows),
        1,
        1,
        TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(
        safely("compact usage store", services.tenancy::compactUsageStore), 1, 1, TimeUnit.HOURS);
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
    jobs.scheduleWithFixedDelay(
        safely(
            "posture",
            () -> {
              services.adoptSharedTenants(); // tenants other instances provisioned (--postgres)
              services.posture.scan();
            }),
        0,
        1,
        TimeUnit.MINUTES);
    services.audit.schedule(jobs, job -> safely("audit checkpoint", job));
    services.backups.start(jobs); // backups every minute, drills every 10 minutes, verification
    services.scaling.start(); // every 15 s on its own thread, stopped by services.close()
    // Hourly; with --redis one instance at a time runs it (see DemoBackends for which jobs are).
    LeasedJobs leased = services.backends.jobs();
    services.cost.schedule(
        jobs, job -> safely("cost allocation", leased.leased("cost-allocation", job)));
    services.regions.schedule(jobs, job -> safely("regions", job), leased); // 10 s, replicas 1 s
    services.observability.schedule(jobs, job -> safely("slo alerts", job)); // 10 s, router 1 s
    services.health.started();
    return new DemoApp(services, server, jobs, token, tls);
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
      // A job still running (a router flush, a backup) finishes before what it uses is closed.
      if (!jobs.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("background jobs still running after 10 s; closing the services anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      services.close();
    } catch (RuntimeException e) {
      LOG.warn("closing services failed", e);
    }
  }
}
