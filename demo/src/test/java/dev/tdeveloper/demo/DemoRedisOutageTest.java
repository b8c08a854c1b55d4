package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo with {@code --redis} when its Redis server stops in the middle of traffic: the rate
 * limits fall back to this instance alone (still enforced), so reads keep being served.
 */
class DemoRedisOutageTest {
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private LocalRedis redis;
  private DemoApp app;

  @BeforeEach
  void start() throws Exception {
    redis = LocalRedis.startNew();
    Path config = dir.resolve("tenants.yaml");
    Files.writeString(
        config,
        Files.readString(DemoAppTest.SHIPPED)
            .replace(
                "    attributes: { billing-id: cus_initech_003 }",
                "    attributes: { billing-id: cus_initech_003 }\n"
                    + "    settings: { ratelimit: { requests-per-hour: 10 } }"));
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve("data"), List.of("localhost"), Optional.empty())
            .withBackends(
                new DemoBackendOptions(
                    Optional.of(new DemoBackendOptions.Redis(redis.uri().toString())),
                    Optional.empty()));
    ManualClock clock = new ManualClock();
    app = DemoApp.start(options, clock, clock);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    redis.close();
  }

  private int get(String tenant) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/notes"))
            .header("Accept", "*/*")
            .header("X-Tenant-Id", tenant)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void whileRedisIsDownTheLimitsAreEnforcedByThisInstanceAlone() throws Exception {
    for (int i = 0; i < 4; i++) {
      assertThat(get("initech")).isEqualTo(200); // charged in Redis
    }
    redis.stop();
    int admitted = 0;
    int limited = 0;
    for (int i = 0; i < 15; i++) {
      int status = get("initech");
      admitted += status == 200 ? 1 : 0;
      limited += status == 429 ? 1 : 0;
    }
    // The local store starts empty: the tenant's full hourly limit again, and no more.
    assertThat(admitted).isEqualTo(10);
    assertThat(limited).isEqualTo(5);
    assertThat(get("acme")).isEqualTo(200);
  }
}
