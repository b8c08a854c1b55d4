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

/** The shield and the plan rate limits of the demo, over real HTTP, on a hand-moved ticker. */
class DemoRateLimitTest {
  @TempDir Path dir;
  private Path config;
  private DemoApp app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void start() throws Exception {
    config = dir.resolve("tenants.yaml");
    Files.copy(DemoAppTest.SHIPPED, config);
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve("data"), List.of("localhost"), Optional.empty());
    Ticker ticker = nanos::get;
    app = DemoApp.start(options, InstantSource.system(), ticker);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> get(String path, String tenant)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*");
    if (tenant != null) {
      request.header("X-Tenant-Id", tenant);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<String> header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name);
  }

  @Test
  void freePlanTenantIsLimitedAfterItsBurstWhileAcmeIsUnaffected() throws Exception {
    for (int i = 1; i <= 10; i++) {
      HttpResponse<String> ok = get("/notes", "initech");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(header(ok, "RateLimit-Remaining")).hasValue(Integer.toString(10 - i));
    }
    HttpResponse<String> limited = get("/notes", "initech");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(header(limited, "Retry-After")).hasValue("1");
    assertThat(header(limited, "Content-Type")).hasValue("application/problem+json");
    assertThat(limited.body()).contains("https://tdeveloper.dev/problems/rate-limited");

    HttpResponse<String> acme = get("/notes", "acme");
    assertThat(acme.statusCode()).isEqualTo(200);
    assertThat(header(acme, "RateLimit-Remaining")).hasValue("99");

    nanos.addAndGet(Duration.ofMillis(200).toNanos());
    assertThat(get("/notes", "initech").statusCode()).isEqualTo(200);
  }

  @Test
  void everyAdmittedResponseCarriesThePlanLimitHeaders() throws Exception {
    HttpResponse<String> initech = get("/notes", "initech");
    assertThat(header(initech, "RateLimit-Limit")).hasValue("10");
    assertThat(header(initech, "RateLimit-Reset")).hasValue("1");
    assertThat(header(initech, "RateLimit-Policy")).hasValue("5;w=1;burst=10");
    assertThat(header(get("/notes", "acme"), "RateLimit-Policy")).hasValue("50;w=1;burst=100");
    // Globex's own override raises its enterprise burst.
    assertThat(header(get("/usage", "globex"), "RateLimit-Policy")).hasValue("500;w=1;burst=2000");
    HttpResponse<String> health = get("/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(header(health, "RateLimit-Limit")).isEmpty();
  }

  @Test
  void reloadedPlanLimitsApplyAtOnceKeepingPermitsAlreadyUsed() throws Exception {
    for (int i = 0; i < 10; i++) {
      get("/notes", "initech");
    }
    assertThat(get("/notes", "initech").statusCode()).isEqualTo(429);
    Files.writeString(
        config,
        Files.readString(config)
            .replace(
                "ratelimit: { requests-per-second: 5, burst: 10 }",
                "ratelimit: { requests-per-second: 5, burst: 20 }"));
    app.reloadConfigNow();
    HttpResponse<String> after = get("/notes", "initech");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(header(after, "RateLimit-Limit")).hasValue("20");
    assertThat(header(after, "RateLimit-Remaining")).hasValue("9");
  }

  @Test
  void badRateLimitInAReloadKeepsThePreviousLimits() throws Exception {
    Files.writeString(
        config,
        Files.readString(config)
            .replace(
                "ratelimit: { requests-per-second: 5, burst: 10 }",
                "ratelimit: { requests-per-second: 5, burst: 0 }"));
    app.reloadConfigNow();
    HttpResponse<String> response = get("/notes", "initech");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "RateLimit-Policy")).hasValue("5;w=1;burst=10");
  }
}
