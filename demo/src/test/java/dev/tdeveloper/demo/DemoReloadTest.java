package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload of the demo's own {@code tenants.yaml} applies to every consumer or to none: a bad value
 * for any module (rate limits, quotas) leaves the whole service on the previous file, and {@code
 * /ops} shows the rejection with every problem. The ticker never moves, so no limit refills.
 */
class DemoReloadTest {
  private static final String TOKEN = "operator-t0ken-for-reload-tests";
  private static final String FREE_RATE = "ratelimit: { requests-per-second: 5, burst: 10 }";
  private static final String FREE_QUOTA =
      "quota: { notes: { limit: 100, period: CALENDAR_MONTH } }";
  private static final String PRO_RATE = "ratelimit: { requests-per-second: 50, burst: 100 }";
  private static final String PRO_QUOTA =
      "quota: { notes: { limit: 10000, period: CALENDAR_MONTH } }";
  private static final String HOOLI = "  hooli:\n    plan: pro\n    displayName: Hooli\n";

  @TempDir Path dir;
  private Path config;
  private String shipped;
  private DemoApp app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    config = dir.resolve("tenants.yaml");
    shipped = Files.readString(DemoAppTest.SHIPPED);
    Files.writeString(config, shipped);
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve("data"), List.of("localhost"), Optional.of(TOKEN));
    app = DemoApp.start(options, InstantSource.system(), () -> 0L);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> send(String method, String path, String tenant)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*")
            .method(
                method,
                "POST".equals(method)
                    ? HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")
                    : HttpRequest.BodyPublishers.noBody());
    if ("POST".equals(method)) {
      request.header("Content-Type", "application/json");
    }
    if (tenant != null) {
      request.header("X-Tenant-Id", tenant);
    }
    if (path.startsWith("/ops")) {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String policyOf(String tenant) throws Exception {
    return send("GET", "/notes", tenant).headers().firstValue("RateLimit-Policy").orElseThrow();
  }

  @Test
  void aBadRateLimitLeavesTheWholeServiceOnThePreviousFile() throws Exception {
    Files.writeString(
        config,
        shipped
                .replace(FREE_RATE, "ratelimit: { requests-per-second: 5, burst: -3 }")
                .replace(PRO_QUOTA, "quota: { notes: { limit: 1, period: CALENDAR_MONTH } }")
            + HOOLI);

    app.reloadConfigNow();

    assertThat(send("GET", "/notes", "hooli").statusCode()).as("not provisioned").isEqualTo(404);
    assertThat(policyOf("initech")).isEqualTo("5;w=1;burst=10");
    assertThat(send("POST", "/notes", "acme").statusCode()).isEqualTo(201);
    assertThat(send("POST", "/notes", "acme").statusCode())
        .as("the pro quota of 1 note was not applied either")
        .isEqualTo(201);
    String ops = send("GET", "/ops", null).body();
    assertThat(ops)
        .contains(
            "\"outcome\":\"rejected\"",
            "\"message\":\""
                + config
                + ":22:51: plans.free.settings.ratelimit.burst: setting 'ratelimit.burst' of plan"
                + " 'free' (from layer PLAN) is out of range; value: -3; allowed: 1 or more\"",
            "\"location\":\"" + config + ":22:51\"",
            "\"path\":\"plans.free.settings.ratelimit.burst\"",
            "\"value\":\"-3\"",
            "\"allowed\":\"1 or more\"")
        .doesNotContain("\"id\":\"hooli\"");
  }

  @Test
  void aBadQuotaLeavesTheWholeServiceOnThePreviousFileUntilItIsFixed() throws Exception {
    String faster = shipped.replace(PRO_RATE, "ratelimit: { requests-per-second: 50, burst: 7 }");
    Files.writeString(
        config,
        faster.replace(FREE_QUOTA, "quota: { notes: { limit: 100, period: FORTNIGHT } }") + HOOLI);

    app.reloadConfigNow();

    assertThat(send("GET", "/notes", "hooli").statusCode()).isEqualTo(404);
    assertThat(policyOf("acme"))
        .as("the pro rate limit was not applied")
        .isEqualTo("50;w=1;burst=100");
    assertThat(send("POST", "/notes", "initech").statusCode()).isEqualTo(201);
    assertThat(send("GET", "/ops", null).body())
        .contains(
            "\"outcome\":\"rejected\"",
            "\"location\":\"" + config + ":23:45\"",
            "\"path\":\"plans.free.settings.quota.notes.period\"",
            "\"value\":\"FORTNIGHT\"",
            "\"allowed\":\"one of [SECOND, MINUTE, HOUR, DAY, CALENDAR_MONTH]\"");

    Files.writeString(config, faster + HOOLI);
    app.reloadConfigNow();

    assertThat(send("POST", "/notes", "hooli").statusCode()).isEqualTo(201);
    assertThat(policyOf("acme")).isEqualTo("50;w=1;burst=7");
    assertThat(send("GET", "/ops", null).body())
        .contains(
            "\"file\":\"" + config + "\"",
            "\"outcome\":\"accepted\"",
            "\"changedTenants\":[\"acme\",\"hooli\"]",
            "\"id\":\"hooli\"")
        .doesNotContain("\"problems\"");
  }

  @Test
  void opsListsTheProblemsOfEveryModuleInOneRejection() throws Exception {
    assertThat(send("GET", "/ops", null).body()).contains("\"outcome\":\"loaded\"");
    Files.writeString(
        config,
        shipped
            .replace(FREE_QUOTA, "quota: { notes: { limit: 0, period: CALENDAR_MONTH } }")
            .replace(PRO_RATE, "ratelimit: { requests-per-second: lots, burst: 100 }"));

    app.reloadConfigNow();

    String ops = send("GET", "/ops", null).body();
    assertThat(ops).contains("\"outcome\":\"rejected\"");
    assertThat(ops.indexOf(config + ":27:41: plans.pro.settings.ratelimit.requests-per-second"))
        .as("the rate limits' problem first (validators run in registration order)")
        .isPositive()
        .isLessThan(ops.indexOf(config + ":23:32: plans.free.settings.quota.notes.limit"));
    assertThat(policyOf("acme")).isEqualTo("50;w=1;burst=100");
    assertThat(send("POST", "/notes", "initech").statusCode()).isEqualTo(201);
  }
}
