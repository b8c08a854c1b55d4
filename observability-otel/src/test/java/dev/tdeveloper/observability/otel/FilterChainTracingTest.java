package dev.tdeveloper.observability.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.testkit.Concurrently;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's filter order in a real Jetty server: tracing, shield, tenant, tenant tracing, rate
 * limit, each real filter wrapped in a {@link TracedFilter}, in front of the application.
 */
class FilterChainTracingTest {
  private final OtelFixture otel = new OtelFixture();
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private TestServer server;

  /** Refuses clients that say {@code X-Banned} with 429, as the abuse shield would. */
  private static final Filter SHIELD =
      (req, res, chain) -> {
        if (((HttpServletRequest) req).getHeader("X-Banned") != null) {
          ((HttpServletResponse) res).sendError(429);
          return;
        }
        chain.doFilter(req, res);
      };

  /** Refuses tenant {@code limited} with 429 and breaks on {@code X-Explode}. */
  private static final Filter RATE_LIMIT =
      (req, res, chain) -> {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getHeader("X-Explode") != null) {
          throw new IllegalStateException("rate limiter store unreachable");
        }
        if ("limited".equals(request.getHeader("X-Tenant"))) {
          ((HttpServletResponse) res).sendError(429);
          return;
        }
        chain.doFilter(req, res);
      };

  @BeforeEach
  void start() throws Exception {
    server =
        TestServer.start(
            new AppServlet(otel.sdk, worker),
            TracingFilter.builder().openTelemetry(otel.sdk).build(),
            TracedFilter.wrap("shield", SHIELD),
            TracedFilter.wrap("tenant", new HeaderTenantFilter()),
            TenantTracingFilter.create(),
            TracedFilter.wrap("rate-limit", RATE_LIMIT));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    worker.shutdownNow();
    otel.close();
  }

  private Map<String, SpanData> awaitTrace(int spans) throws InterruptedException {
    return otel.await(spans, span -> true).stream()
        .collect(Collectors.toMap(SpanData::getName, Function.identity()));
  }

  private static String tenantOf(SpanData span) {
    return span.getAttributes().get(TenantTracing.ATTRIBUTE);
  }

  private static Boolean passed(SpanData span) {
    return span.getAttributes().get(TracedFilter.PASSED);
  }

  @Test
  void filterSpansAreSiblingChildrenOfTheServerSpanAndCarryTheTenant() throws Exception {
    HttpResponse<String> response = server.get("/api/notes", "X-Tenant", "acme");
    assertThat(response.body()).isEqualTo("tenant=acme;baggage=acme;plan=;outgoing=tenant.id=acme");
    Map<String, SpanData> spans = awaitTrace(5);
    SpanData root = spans.get("GET /api/*");
    assertThat(root.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(tenantOf(root)).isEqualTo("acme");
    for (String filter : List.of("shield", "tenant", "rate-limit")) {
      SpanData span = spans.get(filter);
      assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
      assertThat(span.getParentSpanId()).isEqualTo(root.getSpanId());
      assertThat(passed(span)).isTrue();
      assertThat(span.getAttributes().get(TracedFilter.NAME)).isEqualTo(filter);
      assertThat(span.getEvents()).isEmpty();
    }
    assertThat(tenantOf(spans.get("shield"))).isNull();
    assertThat(tenantOf(spans.get("tenant"))).isEqualTo("acme");
    assertThat(tenantOf(spans.get("rate-limit"))).isEqualTo("acme");
    assertThat(spans.get("app").getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(tenantOf(spans.get("app"))).isEqualTo("acme");
  }

  @Test
  void refusingFilterSpanRecordsThatItDidNotPassAndItsStatus() throws Exception {
    assertThat(server.get("/api/notes", "X-Tenant", "acme", "X-Banned", "1").statusCode())
        .isEqualTo(429);
    Map<String, SpanData> spans = awaitTrace(2);
    assertThat(spans).containsOnlyKeys("GET /api/*", "shield");
    SpanData shield = spans.get("shield");
    assertThat(passed(shield)).isFalse();
    assertThat(shield.getAttributes().get(HttpSemconv.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(429L);
    assertThat(shield.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(spans.get("GET /api/*").getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void requestWithoutTenantStopsAtTheTenantFilterSpan() throws Exception {
    assertThat(server.get("/api/notes").statusCode()).isEqualTo(400);
    Map<String, SpanData> spans = awaitTrace(3);
    assertThat(spans).containsOnlyKeys("GET /api/*", "shield", "tenant");
    assertThat(passed(spans.get("tenant"))).isFalse();
    assertThat(tenantOf(spans.get("GET /api/*"))).isNull();
  }

  @Test
  void exceptionThrownByAFilterIsRecordedOnItsOwnSpanOnly() throws Exception {
    assertThat(server.get("/api/notes", "X-Tenant", "acme", "X-Explode", "1").statusCode())
        .isEqualTo(500);
    Map<String, SpanData> spans = awaitTrace(4);
    SpanData rateLimit = spans.get("rate-limit");
    assertThat(passed(rateLimit)).isFalse();
    assertThat(rateLimit.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(rateLimit.getEvents())
        .singleElement()
        .satisfies(e -> assertThat(e.getName()).isEqualTo("exception"));
    assertThat(spans.get("shield").getEvents()).isEmpty();
    assertThat(spans.get("tenant").getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(spans.get("GET /api/*").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void applicationFailureBelongsToTheServerSpanNotTheFilters() throws Exception {
    assertThat(server.get("/api/boom", "X-Tenant", "acme").statusCode()).isEqualTo(500);
    Map<String, SpanData> spans = awaitTrace(4);
    for (String filter : List.of("shield", "tenant", "rate-limit")) {
      assertThat(spans.get(filter).getEvents()).isEmpty();
      assertThat(spans.get(filter).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
      assertThat(passed(spans.get(filter))).isTrue();
    }
    assertThat(spans.get("GET /api/*").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void concurrentRequestsOfTwoTenantsNeverGetEachOthersTenant() throws Exception {
    int threads = 8;
    int perThread = 25;
    List<String> wrongBodies = java.util.Collections.synchronizedList(new ArrayList<>());
    Concurrently.run(
        threads,
        thread -> {
          String tenant = thread % 2 == 0 ? "acme" : "globex";
          for (int i = 0; i < perThread; i++) {
            String body =
                server.get("/api/t/" + tenant + "/" + thread + "-" + i, "X-Tenant", tenant).body();
            if (!body.equals(
                "tenant="
                    + tenant
                    + ";baggage="
                    + tenant
                    + ";plan=;outgoing=tenant.id="
                    + tenant)) {
              wrongBodies.add(body);
            }
          }
        });
    // Requests without a tenant afterwards, on the same pooled threads, see none.
    AtomicInteger leaked = new AtomicInteger();
    for (int i = 0; i < 16; i++) {
      if (!server.get("/health").body().equals("tenant=;baggage=;plan=;outgoing=")) {
        leaked.incrementAndGet();
      }
    }
    assertThat(wrongBodies).isEmpty();
    assertThat(leaked).hasValue(0);
    int requests = threads * perThread;
    List<SpanData> roots = otel.await(requests + 16, s -> s.getKind() == SpanKind.SERVER);
    Map<String, SpanData> byId =
        otel.spans().stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
    for (SpanData root : roots) {
      String path = root.getAttributes().get(HttpSemconv.URL_PATH);
      String expected = path.startsWith("/api/t/") ? path.split("/")[3] : null;
      assertThat(tenantOf(root)).as(path).isEqualTo(expected);
    }
    List<SpanData> apps = otel.await(requests + 16, s -> s.getName().equals("app"));
    for (SpanData app : apps) {
      SpanData root = byId.get(app.getParentSpanId());
      assertThat(tenantOf(app)).isEqualTo(tenantOf(root));
    }
  }

  @Test
  void tracedFilterWithItsOwnOpenTelemetryWorksWithoutTracingFilter() throws Exception {
    try (TestServer bare =
        TestServer.start(
            new AppServlet(otel.sdk, worker), TracedFilter.wrap(otel.sdk, "shield", SHIELD))) {
      bare.get("/api/notes");
      SpanData shield = otel.awaitNamed("shield");
      assertThat(shield.getParentSpanContext().isValid()).isFalse();
      assertThat(passed(shield)).isTrue();
      // The application's span has no parent: the filter's span is not current below it.
      assertThat(otel.awaitNamed("app").getParentSpanContext().isValid()).isFalse();
    }
  }

  @Test
  void wrapValidatesItsArgumentsAndForwardsLifecycle() throws Exception {
    assertThatThrownBy(() -> TracedFilter.wrap(" ", SHIELD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name must not be blank");
    assertThatThrownBy(() -> TracedFilter.wrap("shield", null)).hasMessage("filter");
    assertThatThrownBy(() -> TracedFilter.wrap(null, "shield", SHIELD)).hasMessage("openTelemetry");
    List<String> calls = new ArrayList<>();
    Filter lifecycle =
        new Filter() {
          @Override
          public void init(FilterConfig config) {
            calls.add("init");
          }

          @Override
          public void doFilter(
              jakarta.servlet.ServletRequest req,
              jakarta.servlet.ServletResponse res,
              jakarta.servlet.FilterChain chain) {}

          @Override
          public void destroy() {
            calls.add("destroy");
          }
        };
    TracedFilter traced = TracedFilter.wrap("x", lifecycle);
    traced.init(null);
    traced.destroy();
    assertThat(calls).containsExactly("init", "destroy");
    assertThat(traced.name()).isEqualTo("x");
    assertThat(traced.delegate()).isSameAs(lifecycle);
  }
}
