package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.observability.otel.TenantTracing;
import dev.tdeveloper.observability.otel.TracedFilter;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's observability over HTTP: {@code /admin/alerts} (silences added, listed, expired; bad
 * input named), {@code /ops/metrics} and {@code /admin/metrics}, and the request traces.
 */
class DemoAlertsHttpTest {
  private static final String TOKEN = "operator-t0ken-for-tests";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final BlockingSpanQueue serverSpans = new BlockingSpanQueue();
  private OpenTelemetrySdk otel;
  private DemoApp app;

  @BeforeEach
  void start() throws Exception {
    otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .addSpanProcessor(SimpleSpanProcessor.create(serverSpans))
                    .build())
            .build();
    app = DemoTestApps.startTraced(dir, TOKEN, clock, clock, otel);
  }

  @AfterEach
  void stop() {
    app.close();
    otel.close();
  }

  private HttpResponse<String> send(String method, String path, String body, boolean token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token) {
      b.header("Authorization", "Bearer " + TOKEN);
    }
    // Refused calls close the connection: each call on its own client keeps the pool clean.
    HttpClient client = token ? http : HttpClient.newHttpClient();
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> note(String tenant) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/notes"))
            .header("X-Tenant-Id", tenant)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"release checklist\"}"))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void alertsNeedTheOperatorTokenAndListAlertsIncidentsAndSilences() throws Exception {
    assertThat(send("GET", "/admin/alerts", "", false).statusCode()).isEqualTo(401);
    HttpResponse<String> r = send("GET", "/admin/alerts", "", true);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = Json.MAPPER.readTree(r.body());
    assertThat(body.path("alerts").isArray()).isTrue();
    assertThat(body.path("groups").isArray()).isTrue();
    assertThat(body.path("incidents").path("open").isArray()).isTrue();
    assertThat(body.path("silences").isArray()).isTrue();
  }

  @Test
  void aSilenceIsAddedListedAndExpiredAndBadInputIsNamed() throws Exception {
    HttpResponse<String> noMatchers =
        send("POST", "/admin/alerts/silences", "{\"minutes\": 60}", true);
    assertThat(noMatchers.statusCode()).isEqualTo(400);
    assertThat(noMatchers.body()).contains("'matchers'");
    HttpResponse<String> badMinutes =
        send(
            "POST",
            "/admin/alerts/silences",
            "{\"matchers\": [\"tenant=\\\"acme\\\"\"], \"minutes\": 0}",
            true);
    assertThat(badMinutes.statusCode()).isEqualTo(400);
    assertThat(badMinutes.body()).contains("'minutes'").contains("1 to 43200");
    HttpResponse<String> badRegex =
        send(
            "POST",
            "/admin/alerts/silences",
            "{\"matchers\": [\"tenant=~\\\"(\\\"\"], \"minutes\": 5}",
            true);
    assertThat(badRegex.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(send("GET", "/admin/alerts", "", true).body()).path("silences"))
        .isEmpty();

    HttpResponse<String> added =
        send(
            "POST",
            "/admin/alerts/silences",
            "{\"matchers\": [\"tenant=\\\"acme\\\"\"], \"minutes\": 60, \"createdBy\": \"ops\","
                + " \"comment\": \"maintenance\", \"tenant\": \"acme\"}",
            true);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String id = Json.MAPPER.readTree(added.body()).path("id").asText();
    JsonNode listed =
        Json.MAPPER.readTree(send("GET", "/admin/alerts", "", true).body()).path("silences");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("state").asText()).isEqualTo("active");
    assertThat(listed.get(0).path("tenant").asText()).isEqualTo("acme");

    HttpResponse<String> expired = send("DELETE", "/admin/alerts/silences/" + id, "", true);
    assertThat(expired.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(expired.body()).path("state").asText()).isEqualTo("expired");
    assertThat(send("DELETE", "/admin/alerts/silences/" + id, "", true).statusCode())
        .isEqualTo(409);
    assertThat(send("DELETE", "/admin/alerts/silences/no-such-id", "", true).statusCode())
        .isEqualTo(404);
    assertThat(
            send("POST", "/admin/alerts/incidents/no-such-id/ack", "{\"by\": \"ops\"}", true)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aCreatedNoteShowsInTheBusinessMetricsAndThePrometheusScrape() throws Exception {
    assertThat(note("acme").statusCode()).isEqualTo(201);
    JsonNode business = Json.MAPPER.readTree(send("GET", "/admin/metrics", "", true).body());
    JsonNode notes = null;
    JsonNode signups = null;
    for (JsonNode metric : business.path("metrics")) {
      if (metric.path("name").asText().equals(DemoObservability.NOTES_CREATED)) {
        notes = metric;
      } else if (metric.path("name").asText().equals(DemoObservability.SIGNUPS)) {
        signups = metric;
      }
    }
    assertThat(notes).isNotNull();
    assertThat(notes.path("series"))
        .anySatisfy(
            s -> {
              assertThat(s.path("tenant").asText()).isEqualTo("acme");
              assertThat(s.path("value").asDouble()).isEqualTo(1.0);
            });
    assertThat(notes.path("series"))
        .noneSatisfy(s -> assertThat(s.path("tenant").asText()).isIn("globex", "initech"));
    assertThat(signups).isNotNull();
    assertThat(signups.path("series")).hasSize(3); // the three tenants of tenants.yaml
    HttpResponse<String> scrape = send("GET", "/ops/metrics", "", true);
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(scrape.body()).contains("notes_created").contains("tenant=\"acme\"");
    assertThat(send("GET", "/ops/metrics", "", false).statusCode()).isEqualTo(401);
  }

  @Test
  void aRequestIsTracedWithItsTenantAndASpanPerProtectionFilter() throws Exception {
    assertThat(note("acme").statusCode()).isEqualTo(201);
    // The server span ends as Jetty completes the response, which may be just after the client
    // has it: wait for it (bounded), then look at the trace.
    SpanData server = serverSpans.poll(30, TimeUnit.SECONDS);
    assertThat(server).as("a POST server span within 30 s").isNotNull();
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(server.getAttributes().get(TenantTracing.ATTRIBUTE)).isEqualTo("acme");
    List<String> filters =
        finished.stream()
            .filter(s -> s.getParentSpanId().equals(server.getSpanId()))
            .map(s -> s.getAttributes().get(TracedFilter.NAME))
            .toList();
    assertThat(filters).contains("shield", "waf", "tenant", "rate-limit");
    assertThat(finished)
        .filteredOn(s -> "rate-limit".equals(s.getAttributes().get(TracedFilter.NAME)))
        .allSatisfy(
            s -> assertThat(s.getAttributes().get(TenantTracing.ATTRIBUTE)).isEqualTo("acme"));
  }

  /** Hands each finished SERVER span of a POST to the test as it ends. */
  private static final class BlockingSpanQueue implements SpanExporter {
    private final LinkedBlockingQueue<SpanData> queue = new LinkedBlockingQueue<>();

    SpanData poll(long timeout, TimeUnit unit) throws InterruptedException {
      return queue.poll(timeout, unit);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> finished) {
      finished.stream()
          .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().startsWith("POST"))
          .forEach(queue::add);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
