package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running demo answers failures as RFC 9457 problems, never Jetty's HTML page with the
 * exception and the data directory's path, and every 503 it emits carries {@code Retry-After}.
 */
class DemoErrorAnswersTest {
  private static final String TOKEN = "operator-t0ken-for-tests";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoApp app;

  private void start(long minFreeDiskBytes) throws Exception {
    app =
        DemoTestApps.start(
            dir, TOKEN, clock, clock, options -> options.withMinFreeDiskBytes(minFreeDiskBytes));
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void anUnexpectedExceptionAnswers500ProblemWithTheRequestIdAndNoDetail() throws Exception {
    start(0);
    app.services().notes.closeSpace(TenantId.of("acme")); // the notes API now throws for acme

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/notes"))
                .header("X-Tenant-Id", "acme")
                .header("X-Request-Id", "trace-me-1")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = Json.MAPPER.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(500);
    assertThat(problem.has("detail")).isFalse();
    assertThat(problem.path("requestId").asText()).isEqualTo("trace-me-1");
    String everything = response.body() + response.headers().map();
    assertThat(everything)
        .doesNotContain(dir.toString(), "Exception", "notes space", "acme", "<html");
  }

  @Test
  void aFailingReadinessProbeAnswers503WithRetryAfter() throws Exception {
    start(Long.MAX_VALUE); // the data directory never has enough free space
    HttpResponse<String> ready = DemoTestApps.get(http, app, "/health/ready", Optional.empty());
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.headers().firstValue("Retry-After")).hasValue("5");
    HttpResponse<String> live = DemoTestApps.get(http, app, "/health/live", Optional.empty());
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void unknownRoutesAndUnparsableRequestsAnswerProblemsWithoutHtml() throws Exception {
    start(0);
    HttpResponse<String> missing =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/no/such/route"))
                .header("X-Tenant-Id", "acme")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(missing.body()).doesNotContain("<html", "/no/such/route");

    String raw = rawExchange("GET /notes HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n");
    assertThat(raw).startsWith("HTTP/1.1 400");
    assertThat(raw.toLowerCase(java.util.Locale.ROOT))
        .contains("content-type: application/problem+json");
    String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
    assertThat(Json.MAPPER.readTree(body).path("status").asInt()).isEqualTo(400);
    assertThat(body).doesNotContain("<html", "No colon", "Illegal");
  }

  private String rawExchange(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8); // Jetty closes after a 400
    }
  }
}
