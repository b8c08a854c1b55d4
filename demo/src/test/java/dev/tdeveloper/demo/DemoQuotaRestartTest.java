package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.time.Ticker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: monthly quotas were forgotten on restart (the usage log was durable, the quota
 * counters were not), so every deploy handed every tenant a fresh month. The counters now live in
 * {@code <data>/quotas}; with the in-memory store both tests fail after the restart.
 */
class DemoQuotaRestartTest {
  @TempDir Path dir;
  private Path config;
  private DemoApp app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  @BeforeEach
  void start() throws Exception {
    config = dir.resolve("tenants.yaml");
    Files.copy(DemoAppTest.SHIPPED, config);
    app = startApp();
  }

  private DemoApp startApp() throws Exception {
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve("data"), List.of("localhost"), Optional.empty());
    return DemoApp.start(options, InstantSource.system(), ticker);
  }

  private void restart() throws Exception {
    app.close();
    app = startApp();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> call(String method, String path, String tenant, String body)
      throws IOException, InterruptedException {
    nanos.addAndGet(Duration.ofMillis(200).toNanos()); // the free plan allows 5 requests/s
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("X-Tenant-Id", tenant)
            .header("Content-Type", "text/plain; charset=utf-8")
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void createNotes(String tenant, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      assertThat(call("POST", "/notes", tenant, "{\"text\":\"n" + i + "\"}").statusCode())
          .isEqualTo(201);
    }
  }

  private String notesQuota(String tenant) throws Exception {
    String body = call("GET", "/usage", tenant, null).body();
    return body.substring(body.indexOf("\"quotas\""));
  }

  @Test
  void notesCreatedThisMonthStillCountAfterARestart() throws Exception {
    createNotes("acme", 3);
    createNotes("globex", 5);
    assertThat(notesQuota("acme")).contains("\"used\":3");

    restart();

    assertThat(notesQuota("acme")).contains("\"used\":3").contains("\"remaining\":9997");
    assertThat(notesQuota("globex")).contains("\"used\":5");
    assertThat(notesQuota("initech")).contains("\"used\":0");
  }

  @Test
  void anExhaustedMonthlyQuotaStaysExhaustedAfterARestart() throws Exception {
    createNotes("initech", 100);

    restart();

    HttpResponse<String> denied = call("POST", "/notes", "initech", "{\"text\":\"one more\"}");
    assertThat(denied.statusCode()).isEqualTo(429);
    assertThat(denied.body()).contains("quota-exceeded");
    assertThat(notesQuota("initech")).contains("\"used\":100").contains("\"remaining\":0");
    assertThat(call("POST", "/notes", "acme", "{\"text\":\"fine\"}").statusCode()).isEqualTo(201);
  }
}
