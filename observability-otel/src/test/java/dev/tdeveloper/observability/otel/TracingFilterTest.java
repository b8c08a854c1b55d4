package dev.tdeveloper.observability.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server span of {@link TracingFilter} in a real Jetty server. */
class TracingFilterTest {
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String CALLER_SPAN_ID = "b7ad6b7169203331";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

  private final OtelFixture otel = new OtelFixture();
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final AppServlet app = new AppServlet(otel.sdk, worker);
  private TestServer server;

  private void start(TracingFilter filter) throws Exception {
    server = TestServer.start(app, filter);
  }

  private void start() throws Exception {
    start(TracingFilter.builder().openTelemetry(otel.sdk).build());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    worker.shutdownNow();
    otel.close();
  }

  private SpanData serverSpan() throws InterruptedException {
    return otel.await(1, span -> span.getKind() == SpanKind.SERVER).get(0);
  }

  private static <T> T attr(SpanData span, AttributeKey<T> key) {
    return span.getAttributes().get(key);
  }

  @Test
  void serverSpanContinuesTheCallersTraceAndParentsTheApplicationSpan() throws Exception {
    start();
    HttpResponse<String> response = server.get("/api/notes", "traceparent", TRACEPARENT);
    assertThat(response.statusCode()).isEqualTo(200);
    SpanData server = serverSpan();
    assertThat(server.getName()).isEqualTo("GET /api/*");
    assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
    assertThat(server.getParentSpanContext().isRemote()).isTrue();
    SpanData app = otel.awaitNamed("app");
    assertThat(app.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(app.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void serverSpanCarriesTheHttpSemanticConventionAttributes() throws Exception {
    start();
    server.get("/api/notes?secret=s3cr3t", "User-Agent", "otel-test/1.0");
    SpanData span = serverSpan();
    assertThat(attr(span, HttpSemconv.HTTP_REQUEST_METHOD)).isEqualTo("GET");
    assertThat(attr(span, HttpSemconv.URL_PATH)).isEqualTo("/api/notes");
    assertThat(attr(span, HttpSemconv.URL_SCHEME)).isEqualTo("http");
    assertThat(attr(span, HttpSemconv.HTTP_ROUTE)).isEqualTo("/api/*");
    assertThat(attr(span, HttpSemconv.SERVER_ADDRESS)).isEqualTo("127.0.0.1");
    assertThat(attr(span, HttpSemconv.SERVER_PORT)).isPositive();
    assertThat(attr(span, HttpSemconv.CLIENT_ADDRESS)).isEqualTo("127.0.0.1");
    assertThat(attr(span, HttpSemconv.NETWORK_PROTOCOL_VERSION)).isEqualTo("1.1");
    assertThat(attr(span, HttpSemconv.USER_AGENT)).isEqualTo("otel-test/1.0");
    assertThat(attr(span, HttpSemconv.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
    assertThat(attr(span, HttpSemconv.ERROR_TYPE)).isNull();
    assertThat(span.getAttributes().toString()).doesNotContain("s3cr3t");
  }

  @Test
  void spanIsNamedAfterThePathWhenNoRouteIsKnown() throws Exception {
    start();
    server.get("/health/live");
    SpanData span = serverSpan();
    assertThat(span.getName()).isEqualTo("GET /health/live");
    assertThat(attr(span, HttpSemconv.HTTP_ROUTE)).isNull();
  }

  @Test
  void routeNamedByTheApplicationRenamesTheSpan() throws Exception {
    start();
    server.get("/api/items/42/named");
    SpanData span = serverSpan();
    assertThat(span.getName()).isEqualTo("GET /api/items/{id}");
    assertThat(attr(span, HttpSemconv.HTTP_ROUTE)).isEqualTo("/api/items/{id}");
  }

  @Test
  void serverErrorStatusMarksTheSpanAsError() throws Exception {
    start();
    assertThat(server.get("/api/unavailable").statusCode()).isEqualTo(503);
    SpanData span = serverSpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attr(span, HttpSemconv.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(503L);
    assertThat(attr(span, HttpSemconv.ERROR_TYPE)).isEqualTo("503");
  }

  @Test
  void clientErrorLeavesTheSpanStatusUnset() throws Exception {
    start();
    assertThat(server.get("/api/missing").statusCode()).isEqualTo(404);
    SpanData span = serverSpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(attr(span, HttpSemconv.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(404L);
    assertThat(attr(span, HttpSemconv.ERROR_TYPE)).isNull();
  }

  @Test
  void exceptionIsRecordedWithItsTypeAndTheContainersStatus() throws Exception {
    start();
    assertThat(server.get("/api/boom").statusCode()).isEqualTo(500);
    SpanData span = serverSpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attr(span, HttpSemconv.ERROR_TYPE)).isEqualTo(IllegalStateException.class.getName());
    assertThat(attr(span, HttpSemconv.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(500L);
    assertThat(span.getEvents()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
  }

  @Test
  void asyncRequestSpanEndsWhenTheAsyncContextCompletes() throws Exception {
    start();
    CompletableFuture<HttpResponse<String>> pending = server.getAsync("/api/async");
    assertThat(app.asyncStarted.await(30, TimeUnit.SECONDS)).isTrue();
    // The first dispatch has handed the request to the worker, which waits for the release.
    assertThat(otel.spans()).noneMatch(span -> span.getKind() == SpanKind.SERVER);
    app.asyncRelease.countDown();
    assertThat(pending.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    SpanData server = serverSpan();
    SpanData work = otel.awaitNamed("app");
    assertThat(work.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(server.getEndEpochNanos()).isGreaterThanOrEqualTo(work.getEndEpochNanos());
    assertThat(attr(server, HttpSemconv.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
  }

  @Test
  void asyncRedispatchRunsUnderTheSameServerSpan() throws Exception {
    start();
    assertThat(server.get("/api/redispatch").statusCode()).isEqualTo(200);
    SpanData server = serverSpan();
    SpanData work = otel.awaitNamed("app");
    assertThat(work.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(otel.spans()).filteredOn(s -> s.getKind() == SpanKind.SERVER).hasSize(1);
    assertThat(server.getEndEpochNanos()).isGreaterThanOrEqualTo(work.getEndEpochNanos());
  }

  @Test
  void callersTenantBaggageIsDroppedButOtherEntriesKept() throws Exception {
    start();
    String body = server.get("/api/notes", "baggage", "tenant.id=globex,plan=gold").body();
    assertThat(body).contains("baggage=;").contains("plan=gold").doesNotContain("globex");
  }

  @Test
  void callersTenantBaggageIsKeptWhenTrusted() throws Exception {
    start(TracingFilter.builder().openTelemetry(otel.sdk).trustIncomingTenantBaggage(true).build());
    String body = server.get("/api/notes", "baggage", "tenant.id=globex").body();
    assertThat(body).contains("baggage=globex;").contains("tenant=;");
  }

  @Test
  void unknownMethodIsRecordedAsOther() {
    assertThat(HttpSemconv.method("BREW")).isEqualTo("_OTHER");
    assertThat(HttpSemconv.spanName("_OTHER", "/pot")).isEqualTo("HTTP /pot");
    assertThat(HttpSemconv.spanName("GET", "/" + "a".repeat(500))).hasSize("GET /".length() + 199);
  }

  @Test
  void builderRequiresOpenTelemetryAndTakesEachSettingOnce() {
    assertThatThrownBy(() -> TracingFilter.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("openTelemetry is required");
    assertThatThrownBy(
            () -> TracingFilter.builder().openTelemetry(otel.sdk).openTelemetry(otel.sdk))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("openTelemetry was already set");
    assertThatThrownBy(() -> TracingFilter.builder().openTelemetry(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("openTelemetry");
  }
}
