package dev.tdeveloper.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.security.ratelimit.TenantRateLimitPolicies;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.web.problem.ProblemWriter;
import dev.tdeveloper.web.tenant.TenantFilter;
import dev.tdeveloper.web.testing.JettyServer;
import dev.tdeveloper.web.testing.MapTenantRegistry;
import dev.tdeveloper.web.testing.PlainServlet;
import dev.tdeveloper.web.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import java.io.StringReader;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rate-limit filter behind the tenant filter in a real Jetty 12 server, over raw HTTP. */
class RateLimitFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TENANTS =
      """
      defaultPlan: free
      defaults:
        ratelimit: { requests-per-second: 5, burst: 10 }
      plans:
        free:
          settings:
            ratelimit:
              routes: { export: { requests-per-second: 1, burst: 2 } }
      """;

  private final ManualClock clock = new ManualClock();
  private final List<RateLimitFilterEvent> events = new CopyOnWriteArrayList<>();
  private JettyServer server;

  private RateLimiter<RateLimitKey> localLimiter() {
    TenantRateLimitPolicies policies =
        TenantRateLimitPolicies.of(
            TenantConfigLoader.load("tenants.yaml", new StringReader(TENANTS)));
    return RateLimiter.<RateLimitKey>builder()
        .policyResolver(policies::forKey)
        .ticker(clock)
        .build();
  }

  private void start(RateLimiter<RateLimitKey> limiter) throws Exception {
    TenantFilter tenants =
        TenantFilter.builder()
            .resolver(request -> request.header("X-Tenant-Id").map(TenantId::of))
            .registry(MapTenantRegistry.of(tenant("acme"), tenant("globex"), tenant("initech")))
            .build();
    RateLimitFilter limits =
        RateLimitFilter.builder()
            .limiter(limiter)
            .routeClassifier(
                request ->
                    request.getRequestURI().startsWith("/export")
                        ? Optional.of("export")
                        : Optional.empty())
            .listener(events::add)
            .build();
    server =
        JettyServer.start(
            "/",
            context -> {
              EnumSet<DispatcherType> request = EnumSet.of(DispatcherType.REQUEST);
              context.addFilter(new FilterHolder(tenants), "/*", request);
              context.addFilter(new FilterHolder(limits), "/*", request);
              context.addServlet(new ServletHolder(new PlainServlet("none")), "/*");
            });
  }

  private static Tenant tenant(String id) {
    return Tenant.builder(id).status(TenantStatus.ACTIVE).build();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private RawHttp.Response get(String path, String tenant) throws Exception {
    return server.get(path, "X-Tenant-Id", tenant);
  }

  @Test
  void answers429AfterTheBurstWithExactHeaders() throws Exception {
    start(localLimiter());
    for (int i = 1; i <= 10; i++) {
      RawHttp.Response ok = get("/notes", "initech");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.body()).startsWith("ok tenant=initech");
      assertThat(ok.header("RateLimit-Limit")).hasValue("10");
      assertThat(ok.header("RateLimit-Remaining")).hasValue(Integer.toString(10 - i));
      // i permits borrowed at 200 ms each: full again in i * 200 ms, rounded up to seconds.
      assertThat(ok.header("RateLimit-Reset")).hasValue(i <= 5 ? "1" : "2");
      assertThat(ok.header("RateLimit-Policy")).hasValue("5;w=1;burst=10");
      assertThat(ok.header("Retry-After")).isEmpty();
    }
    RawHttp.Response limited = get("/notes", "initech");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Content-Type")).hasValue("application/problem+json");
    assertThat(limited.header("Retry-After")).hasValue("1");
    assertThat(limited.header("RateLimit-Limit")).hasValue("10");
    assertThat(limited.header("RateLimit-Remaining")).hasValue("0");
    assertThat(limited.header("RateLimit-Reset")).hasValue("2");
    assertThat(limited.header("RateLimit-Policy")).hasValue("5;w=1;burst=10");
    JsonNode problem = JSON.readTree(limited.body());
    assertThat(problem.get("type").asText())
        .isEqualTo("https://tdeveloper.dev/problems/rate-limited");
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(1);
    assertThat(problem.get("detail").asText())
        .isEqualTo("the request rate of tenant 'initech' is over its limit; retry in 1 s");
    assertThat(events)
        .containsExactly(
            new RateLimitFilterEvent.Limited(
                RateLimitKey.of(TenantId.of("initech")), "GET", "/notes", 1));

    clock.advance(Duration.ofMillis(199));
    assertThat(get("/notes", "initech").status()).isEqualTo(429);
    clock.advance(Duration.ofMillis(1));
    assertThat(get("/notes", "initech").status()).isEqualTo(200);
  }

  @Test
  void routesCountInABudgetOfTheirOwn() throws Exception {
    start(localLimiter());
    assertThat(get("/export/1", "acme").header("RateLimit-Policy")).hasValue("1;w=1;burst=2");
    assertThat(get("/export/2", "acme").status()).isEqualTo(200);
    RawHttp.Response limited = get("/export/3", "acme");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body()).contains("tenant 'acme' on route 'export'");
    // The tenant's own budget was not touched by the route's requests...
    RawHttp.Response tenantWide = get("/notes", "acme");
    assertThat(tenantWide.status()).isEqualTo(200);
    assertThat(tenantWide.header("RateLimit-Remaining")).hasValue("9");
    // ...and exhausting it leaves the route's budget as it was.
    for (int i = 0; i < 9; i++) {
      assertThat(get("/notes", "acme").status()).isEqualTo(200);
    }
    assertThat(get("/notes", "acme").status()).isEqualTo(429);
    clock.advance(Duration.ofSeconds(1));
    assertThat(get("/export/4", "acme").status()).isEqualTo(200);
  }

  @Test
  void oneTenantExhaustingItsLimitNeverLimitsAnother() throws Exception {
    start(localLimiter());
    while (get("/notes", "acme").status() == 200) {
      assertThat(events).isEmpty();
    }
    RawHttp.Response other = get("/notes", "globex");
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.header("RateLimit-Remaining")).hasValue("9");
    assertThat(get("/export/x", "globex").header("RateLimit-Remaining")).hasValue("1");
    assertThat(events)
        .extracting(RateLimitFilterEvent::key)
        .containsOnly(RateLimitKey.of(TenantId.of("acme")));
  }

  @Test
  void failingStoreAnswers503WithoutRunningTheApplication() throws Exception {
    RateLimiter<RateLimitKey> failClosed =
        RateLimiter.<RateLimitKey>builder()
            .policyResolver(
                TenantRateLimitPolicies.of(
                        TenantConfigLoader.load("tenants.yaml", new StringReader(TENANTS)))
                    ::forKey)
            .store(new DownStore(), key -> "api:" + key)
            .failClosed()
            .build();
    start(failClosed);
    RawHttp.Response response = get("/notes", "acme");
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body())
        .contains("https://tdeveloper.dev/problems/rate-limiter-unavailable")
        .doesNotContain("ok tenant");
    assertThat(response.header("RateLimit-Limit")).isEmpty();
    assertThat(events).singleElement().isInstanceOf(RateLimitFilterEvent.StoreUnavailable.class);
  }

  @Test
  void builderRequiresALimiterAndTakesEachSettingOnce() {
    assertThatThrownBy(() -> RateLimitFilter.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("limiter is required");
    RateLimitFilterBuilder builder = RateLimitFilter.builder().limiter(localLimiter());
    assertThatThrownBy(() -> builder.limiter(localLimiter()))
        .isInstanceOf(IllegalStateException.class);
    builder.routeClassifier(r -> Optional.empty()).problemWriter(ProblemWriter.create());
    assertThatThrownBy(() -> builder.routeClassifier(r -> Optional.empty()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.problemWriter(ProblemWriter.create()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.listener(null)).hasMessage("listener");
  }

  /** A store whose server is down. */
  private static final class DownStore implements RateLimiterStore {
    @Override
    public StoreDecision tryAcquire(String key, PolicySpec spec, long permits, long maxWaitNanos) {
      throw new RateLimiterStoreException("connection refused");
    }

    @Override
    public void giveBack(String key, PolicySpec spec, long permits) {
      throw new RateLimiterStoreException("connection refused");
    }

    @Override
    public void close() {}
  }
}
