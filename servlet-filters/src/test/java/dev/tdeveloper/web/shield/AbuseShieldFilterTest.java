package dev.tdeveloper.web.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.security.shield.AbuseShield;
import dev.tdeveloper.security.shield.AbuseShieldBuilder;
import dev.tdeveloper.security.shield.AdaptiveConcurrencyLimit;
import dev.tdeveloper.security.shield.ClientIpResolver;
import dev.tdeveloper.security.shield.Dimension;
import dev.tdeveloper.security.shield.HeavyHitterConfig;
import dev.tdeveloper.security.shield.IpAddress;
import dev.tdeveloper.security.shield.IpRangeSet;
import dev.tdeveloper.security.shield.ShieldRequest;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.web.tenant.TenantFilter;
import dev.tdeveloper.web.testing.JettyServer;
import dev.tdeveloper.web.testing.MapTenantRegistry;
import dev.tdeveloper.web.testing.PlainServlet;
import dev.tdeveloper.web.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The abuse shield filter in a real Jetty 12 server; every request comes from 127.0.0.1. */
class AbuseShieldFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManualClock clock = new ManualClock();
  private final PlainServlet servlet = new PlainServlet(AbuseShieldFilter.CLIENT_IP_ATTRIBUTE);
  private JettyServer server;

  private void start(Filter... filters) throws Exception {
    server =
        JettyServer.start(
            "/",
            context -> {
              for (Filter filter : filters) {
                context.addFilter(
                    new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
              }
              context.addServlet(new ServletHolder(servlet), "/*");
            });
  }

  private AbuseShieldBuilder shield() {
    return AbuseShield.builder().ticker(clock);
  }

  private AdaptiveConcurrencyLimit limit(int initial, int min, int max) {
    return AdaptiveConcurrencyLimit.builder()
        .initialLimit(initial)
        .minLimit(min)
        .maxLimit(max)
        .latencyTarget(Duration.ofSeconds(1))
        .ticker(clock)
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static JsonNode problem(RawHttp.Response response) throws Exception {
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    return JSON.readTree(response.body());
  }

  @Test
  void spoofedForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    AbuseShield shield = shield().denyList(IpRangeSet.of("203.0.113.0/24")).build();
    start(AbuseShieldFilter.builder().shield(shield).build());
    RawHttp.Response response = server.get("/x", "X-Forwarded-For", "203.0.113.7");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("ip=127.0.0.1");
  }

  @Test
  void forwardedForFromATrustedProxyNamesTheClient() throws Exception {
    AbuseShield shield = shield().denyList(IpRangeSet.of("203.0.113.0/24")).build();
    start(
        AbuseShieldFilter.builder()
            .shield(shield)
            .clientIpResolver(ClientIpResolver.xForwardedFor(IpRangeSet.of("127.0.0.1")))
            .build());
    assertThat(server.get("/x", "X-Forwarded-For", "198.51.100.1").body())
        .contains("ip=198.51.100.1");
    // The client sent its own (spoofed) first entry; the proxy appended the real address.
    RawHttp.Response denied = server.get("/x", "X-Forwarded-For", "198.51.100.1, 203.0.113.7");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(problem(denied).get("type").asText())
        .isEqualTo("https://tdeveloper.dev/problems/access-denied");
    assertThat(denied.header("Retry-After")).isEmpty();
    assertThat(denied.body()).doesNotContain("ok tenant");
  }

  @Test
  void denyListedPeerIsRefusedWith403() throws Exception {
    start(
        AbuseShieldFilter.builder()
            .shield(shield().denyList(IpRangeSet.of("127.0.0.0/8")).build())
            .build());
    RawHttp.Response response = server.get("/x");
    assertThat(response.status()).isEqualTo(403);
    assertThat(problem(response).get("status").asInt()).isEqualTo(403);
  }

  @Test
  void fullConcurrencyLimitAnswers503AndTheSlotComesBackAfterTheRequest() throws Exception {
    AdaptiveConcurrencyLimit limit = limit(1, 1, 1);
    start(AbuseShieldFilter.builder().shield(shield().concurrencyLimit(limit).build()).build());
    CompletableFuture<RawHttp.Response> held =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return server.get("/hold/a");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(servlet.latch("a-entered").await(10, TimeUnit.SECONDS)).isTrue();
    RawHttp.Response overloaded = server.get("/x");
    assertThat(overloaded.status()).isEqualTo(503);
    assertThat(problem(overloaded).get("type").asText())
        .isEqualTo("https://tdeveloper.dev/problems/overloaded");
    servlet.latch("a-release").countDown();
    assertThat(held.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(limit.inFlight()).isZero();
    assertThat(server.get("/x").status()).isEqualTo(200);
    assertThat(limit.inFlight()).isZero();
  }

  @Test
  void permitIsReleasedAsDroppedWhenTheServletThrowsOrAnswers5xx() throws Exception {
    AdaptiveConcurrencyLimit limit = limit(10, 1, 10);
    start(AbuseShieldFilter.builder().shield(shield().concurrencyLimit(limit).build()).build());
    assertThat(server.get("/boom").status()).isEqualTo(500);
    assertThat(limit.inFlight()).isZero();
    assertThat(limit.limit()).isEqualTo(9);
    assertThat(server.get("/fail").status()).isEqualTo(500);
    assertThat(limit.inFlight()).isZero();
    assertThat(limit.limit()).isEqualTo(8);
    assertThat(server.get("/x").status()).isEqualTo(200);
    assertThat(limit.limit()).isEqualTo(8);
  }

  @Test
  void latencyMeasuredOnTheInjectedTickerLowersTheLimit() throws Exception {
    AdaptiveConcurrencyLimit limit = limit(10, 1, 10);
    servlet.onPath("/slow", () -> clock.advance(Duration.ofMillis(1001)));
    servlet.onPath("/fast", () -> clock.advance(Duration.ofMillis(999)));
    start(AbuseShieldFilter.builder().shield(shield().concurrencyLimit(limit).build()).build());
    assertThat(server.get("/fast").status()).isEqualTo(200);
    assertThat(limit.limit()).isEqualTo(10);
    assertThat(server.get("/slow").status()).isEqualTo(200);
    assertThat(limit.limit()).isEqualTo(9);
    assertThat(limit.inFlight()).isZero();
  }

  @Test
  void heavyHitterIsBannedWith429AndRetryAfter() throws Exception {
    AbuseShield shield =
        shield()
            .heavyHitters(Dimension.CLIENT_IP, HeavyHitterConfig.of(3, Duration.ofMinutes(1)))
            .build();
    start(AbuseShieldFilter.builder().shield(shield).build());
    for (int i = 0; i < 3; i++) {
      assertThat(server.get("/x").status()).isEqualTo(200);
    }
    RawHttp.Response heavy = server.get("/x");
    assertThat(heavy.status()).isEqualTo(429);
    assertThat(heavy.header("Retry-After")).hasValue("60");
    assertThat(problem(heavy).get("type").asText()).endsWith("/heavy-hitter");
    clock.advance(Duration.ofMillis(30_500));
    RawHttp.Response banned = server.get("/x");
    assertThat(banned.header("Retry-After")).hasValue("30");
    assertThat(problem(banned).get("retryAfterSeconds").asLong()).isEqualTo(30);
    assertThat(problem(banned).get("type").asText()).endsWith("/temporarily-banned");
    assertThat(shield.ipBans().isBanned(IpAddress.parse("127.0.0.1"))).isTrue();
  }

  @Test
  void apiKeyIsCountedByItsFingerprintOnly() throws Exception {
    AbuseShield shield = shield().build();
    shield.apiKeyBans().ban(ShieldRequest.fingerprint("s3cret-key"));
    start(AbuseShieldFilter.builder().shield(shield).apiKeyHeader("X-Api-Key").build());
    RawHttp.Response banned = server.get("/x", "X-Api-Key", "s3cret-key");
    assertThat(banned.status()).isEqualTo(429);
    assertThat(banned.body()).doesNotContain("s3cret");
    assertThat(server.get("/x", "X-Api-Key", "other-key").status()).isEqualTo(200);
    assertThat(server.get("/x").status()).isEqualTo(200);
  }

  @Test
  void afterTheTenantFilterTheShieldCountsByTenantWithoutCrossingTenants() throws Exception {
    AbuseShield shield = shield().build();
    shield.tenantBans().ban(TenantId.of("acme"));
    TenantFilter tenants =
        TenantFilter.builder()
            .resolver(request -> request.header("X-Tenant-Id").map(TenantId::of))
            .registry(
                MapTenantRegistry.of(
                    Tenant.builder("acme").status(TenantStatus.ACTIVE).build(),
                    Tenant.builder("globex").status(TenantStatus.ACTIVE).build()))
            .build();
    start(tenants, AbuseShieldFilter.builder().shield(shield).build());
    assertThat(server.get("/x", "X-Tenant-Id", "acme").status()).isEqualTo(429);
    RawHttp.Response other = server.get("/x", "X-Tenant-Id", "globex");
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.body()).contains("tenant=globex");
  }

  @Test
  void parsesContainerPeerAddresses() {
    assertThat(AbuseShieldFilter.peer("[::1]")).isEqualTo(IpAddress.parse("::1"));
    assertThat(AbuseShieldFilter.peer("fe80::1%eth0")).isEqualTo(IpAddress.parse("fe80::1"));
    assertThat(AbuseShieldFilter.peer("192.0.2.1")).isEqualTo(IpAddress.parse("192.0.2.1"));
    assertThat(AbuseShieldFilter.peer("unix:/run/app.sock")).isNull();
    assertThat(AbuseShieldFilter.peer(null)).isNull();
  }

  @Test
  void builderRequiresAShieldAndValidatesTheHeaderName() {
    assertThatThrownBy(() -> AbuseShieldFilter.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shield is required");
    assertThatThrownBy(() -> AbuseShieldFilter.builder().apiKeyHeader("X Api"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKeyHeader");
    AbuseShieldFilterBuilder builder = AbuseShieldFilter.builder().apiKeyHeader("X-Api-Key");
    assertThatThrownBy(() -> builder.apiKeyHeader("X-Other"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.shield(null)).hasMessage("shield");
  }
}
