package dev.tdeveloper.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.AuditEventCodec;
import dev.tdeveloper.compliance.audit.AuditOutcome;
import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.security.ratelimit.TenantRateLimitPolicies;
import dev.tdeveloper.security.shield.AbuseShield;
import dev.tdeveloper.security.shield.ClientIpResolver;
import dev.tdeveloper.security.shield.IpRangeSet;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.access.Permission;
import dev.tdeveloper.tenancy.access.Principal;
import dev.tdeveloper.tenancy.access.RolePolicy;
import dev.tdeveloper.tenancy.access.TenantAccessGuard;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.web.operator.BearerTokenAuthenticator;
import dev.tdeveloper.web.operator.OperatorFilter;
import dev.tdeveloper.web.ratelimit.RateLimitFilter;
import dev.tdeveloper.web.shield.AbuseShieldFilter;
import dev.tdeveloper.web.tenant.TenantFilter;
import dev.tdeveloper.web.testing.JettyServer;
import dev.tdeveloper.web.testing.MapTenantRegistry;
import dev.tdeveloper.web.testing.PlainServlet;
import dev.tdeveloper.web.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit filter outermost in front of the shield, tenant, operator and rate-limit filters, in a
 * real Jetty 12 server; every request comes from 127.0.0.1, which the shield trusts as a proxy so
 * tests can name a deny-listed client.
 */
class AuditFilterTest {
  private static final String TOKEN = "operator-token-for-audit-tests";
  private static final String TENANTS =
      """
      defaultPlan: free
      defaults:
        ratelimit: { requests-per-second: 1, burst: 2 }
      plans:
        free: {}
      """;

  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final RecordingAuditLogger logger = new RecordingAuditLogger();
  private AuditFilter audit;
  private JettyServer server;

  @BeforeEach
  void start() throws Exception {
    audit = AuditFilter.builder().logger(logger).clock(clock).ticker(clock).build();
    AbuseShieldFilter shield =
        AbuseShieldFilter.builder()
            .shield(AbuseShield.builder().denyList(IpRangeSet.of("203.0.113.0/24")).build())
            .clientIpResolver(ClientIpResolver.xForwardedFor(IpRangeSet.of("127.0.0.1")))
            .build();
    TenantFilter tenants =
        TenantFilter.builder()
            .resolver(request -> request.header("X-Tenant-Id").map(TenantId::of))
            .registry(
                MapTenantRegistry.of(
                    Tenant.builder("acme").status(TenantStatus.ACTIVE).build(),
                    Tenant.builder("sleepy").status(TenantStatus.SUSPENDED).build()))
            .excludePathPrefixes("/admin")
            .build();
    OperatorFilter operators =
        OperatorFilter.builder()
            .authenticator(
                BearerTokenAuthenticator.builder()
                    .token(TOKEN, Principal.operator("admin", "operator"))
                    .build())
            .guard(
                TenantAccessGuard.builder()
                    .rolePolicy(RolePolicy.builder().role("operator", "ops:read").build())
                    .build())
            .require("/admin", Permission.of("ops:read"))
            .build();
    RateLimiter<RateLimitKey> limiter =
        RateLimiter.<RateLimitKey>builder()
            .policyResolver(
                TenantRateLimitPolicies.of(
                        TenantConfigLoader.load("tenants.yaml", new StringReader(TENANTS)))
                    ::forKey)
            .ticker(clock)
            .build();
    RateLimitFilter limits = RateLimitFilter.builder().limiter(limiter).build();
    server =
        JettyServer.start(
            "/",
            context -> {
              add(context, audit, "/*");
              add(context, shield, "/*");
              add(context, tenants, "/*");
              add(context, operators, "/admin/*");
              add(context, limits, "/notes/*");
              context.addServlet(
                  new ServletHolder(new PlainServlet(AbuseShieldFilter.CLIENT_IP_ATTRIBUTE)), "/*");
            });
  }

  private static void add(
      org.eclipse.jetty.ee10.servlet.ServletContextHandler context, Filter filter, String path) {
    context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    logger.close();
  }

  @Test
  void logsOneEventPerRequestWithItsFields() throws Exception {
    RawHttp.Response response =
        server.get("/notes/7", "X-Tenant-Id", "acme", "X-Request-Id", "req-42.a_b");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("X-Request-Id")).hasValue("req-42.a_b");

    AuditEvent event = logger.next();
    assertThat(event.action()).isEqualTo("http.get");
    assertThat(event.resource()).isEqualTo("/notes/7");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.tenant()).contains(TenantId.of("acme"));
    assertThat(event.actor()).isEqualTo(AuditFilter.ANONYMOUS);
    assertThat(event.sourceIp()).contains("127.0.0.1");
    assertThat(event.requestId()).contains("req-42.a_b");
    assertThat(event.time()).isEqualTo(clock.instant());
    assertThat(event.details()).isEqualTo(Map.of("method", "GET", "status", "200"));

    server.get("/notes/8", "X-Tenant-Id", "acme");
    assertThat(logger.next().resource()).isEqualTo("/notes/8");
    assertThat(logger.drained()).isEmpty();
  }

  @Test
  void shieldTenantAndRateLimitRefusalsAreAuditedAsDenied() throws Exception {
    RawHttp.Response blocked =
        server.get("/notes", "X-Tenant-Id", "acme", "X-Forwarded-For", "203.0.113.7");
    assertThat(blocked.status()).isEqualTo(403);
    AuditEvent shield = logger.next();
    assertThat(shield.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(shield.tenant()).isEmpty(); // refused before any tenant was resolved
    assertThat(shield.details()).containsEntry("status", "403");

    assertThat(server.get("/notes", "X-Tenant-Id", "sleepy").status()).isEqualTo(403);
    AuditEvent inactive = logger.next();
    assertThat(inactive.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(inactive.tenant()).isEmpty(); // not admitted: the tenant filter's event names it

    assertThat(server.get("/notes", "X-Tenant-Id", "acme").status()).isEqualTo(200);
    assertThat(server.get("/notes", "X-Tenant-Id", "acme").status()).isEqualTo(200);
    assertThat(server.get("/notes", "X-Tenant-Id", "acme").status()).isEqualTo(429);
    logger.next();
    logger.next();
    AuditEvent limited = logger.next();
    assertThat(limited.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(limited.tenant()).contains(TenantId.of("acme"));
    assertThat(limited.details()).containsEntry("status", "429");

    assertThat(server.get("/notes", "X-Tenant-Id", "nobody").status()).isEqualTo(404);
    assertThat(logger.next().outcome()).isEqualTo(AuditOutcome.FAILURE);
  }

  @Test
  void operatorRequestsNameTheOperatorAndRefusalsAreDenied() throws Exception {
    assertThat(server.get("/admin/x").status()).isEqualTo(401);
    AuditEvent refused = logger.next();
    assertThat(refused.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(refused.actor()).isEqualTo(AuditFilter.ANONYMOUS);

    assertThat(server.get("/admin/x", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(200);
    AuditEvent admitted = logger.next();
    assertThat(admitted.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(admitted.actor()).isEqualTo("admin");
    assertThat(admitted.tenant()).isEmpty();
  }

  @Test
  void queryStringsNeverReachTheLog() throws Exception {
    server.get("/notes/search?email=alice%40example.com&q=secret", "X-Tenant-Id", "acme");
    AuditEvent event = logger.next();
    assertThat(event.resource()).isEqualTo("/notes/search");
    String stored = new String(AuditEventCodec.encode(event), StandardCharsets.UTF_8);
    assertThat(stored).doesNotContain("alice", "example.com", "secret", "?");
  }

  @Test
  void aMalformedRequestIdIsReplacedByAFreshUniqueOne() throws Exception {
    java.util.Set<String> issued = new java.util.HashSet<>();
    for (String bad : new String[] {"has space", "x".repeat(65), "semi;colon"}) {
      RawHttp.Response response = server.get("/notes", "X-Tenant-Id", "acme", "X-Request-Id", bad);
      String echoed = response.header("X-Request-Id").orElseThrow();
      assertThat(echoed).isNotEqualTo(bad).matches("[0-9a-f]{32}");
      assertThat(issued.add(echoed)).as("a fresh id each time").isTrue();
      assertThat(logger.next().requestId()).contains(echoed);
      clock.advance(java.time.Duration.ofSeconds(1)); // keep the rate limit out of the way
    }
  }

  @Test
  void aThrowingApplicationIsAuditedAsAFailure() throws Exception {
    assertThat(server.get("/boom", "X-Tenant-Id", "acme").status()).isEqualTo(500);
    AuditEvent event = logger.next();
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(event.details()).containsEntry("error", IllegalStateException.class.getName());
  }

  @Test
  void aRefusingLoggerNeitherBreaksNorChangesTheResponse() throws Exception {
    logger.refuse();
    RawHttp.Response response = server.get("/notes", "X-Tenant-Id", "acme");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).startsWith("ok tenant=acme");
    assertThat(audit.refusedCount()).isEqualTo(1);
    assertThat(server.get("/notes", "X-Tenant-Id", "acme").status()).isEqualTo(200);
    assertThat(audit.refusedCount()).isEqualTo(2);
    assertThat(logger.drained()).isEmpty();
  }

  @Test
  void outcomesFollowTheFinalStatus() {
    assertThat(AuditFilter.outcome(200)).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(AuditFilter.outcome(302)).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(AuditFilter.outcome(401)).isEqualTo(AuditOutcome.DENIED);
    assertThat(AuditFilter.outcome(403)).isEqualTo(AuditOutcome.DENIED);
    assertThat(AuditFilter.outcome(429)).isEqualTo(AuditOutcome.DENIED);
    assertThat(AuditFilter.outcome(400)).isEqualTo(AuditOutcome.FAILURE);
    assertThat(AuditFilter.outcome(404)).isEqualTo(AuditOutcome.FAILURE);
    assertThat(AuditFilter.outcome(503)).isEqualTo(AuditOutcome.FAILURE);
  }

  @Test
  void builderNeedsALoggerAndTakesEachSettingOnce() {
    assertThatThrownBy(() -> AuditFilter.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("logger is required");
    assertThatThrownBy(() -> AuditFilter.builder().logger(logger).logger(logger))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("logger was already set");
    assertThatThrownBy(() -> AuditFilter.builder().actor(r -> Optional.empty()).actor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("actor");
  }
}
