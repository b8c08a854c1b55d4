package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.tenancy.time.Ticker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAF in front of the running demo's notes API, over real HTTP: on the bundled baseline set
 * (the CRS directory pointed at a missing one, so the test is the same on every machine) and on the
 * installed CRS.
 */
class DemoWafHttpTest {
  private static final String TOKEN = "operator-t0ken-for-waf-tests";

  @TempDir Path dir;
  private DemoApp app;
  private final HttpClient http = HttpClient.newHttpClient();

  private void start(DemoWafOptions waf) throws Exception {
    app =
        DemoTestApps.start(
            dir, TOKEN, InstantSource.system(), Ticker.system(), o -> o.withWaf(waf));
  }

  private void startOnBaseline() throws Exception {
    Path missing = dir.resolve("no-crs");
    start(new DemoWafOptions(EngineMode.ON, missing, missing));
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private HttpResponse<String> postNote(String tenant, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/notes"))
            .header("Accept", "*/*")
            .header("X-Tenant-Id", tenant)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String ops() throws Exception {
    return DemoTestApps.get(http, app, "/ops", Optional.of(TOKEN)).body();
  }

  @Test
  void anAttackOnTheNotesApiIsRefusedWithAProblemAndARequestId() throws Exception {
    startOnBaseline();

    HttpResponse<String> refused = postNote("acme", "{\"text\": \"1' OR '1'='1' --\"}");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(requestId).isNotBlank();
    assertThat(refused.body()).contains(requestId);
  }

  @Test
  void aBenignNoteIsCreated() throws Exception {
    startOnBaseline();

    HttpResponse<String> created = postNote("acme", "{\"text\": \"Buy milk & eggs at 5pm\"}");

    assertThat(created.statusCode()).isEqualTo(201);
  }

  @Test
  void globexOnParanoiaLevelTwoIsRefusedHtmlMarkupThatAcmeOnLevelOneMayPost() throws Exception {
    startOnBaseline();
    String note = "{\"text\": \"<b>Quarterly</b> numbers are in\"}";

    assertThat(postNote("globex", note).statusCode()).isEqualTo(403);
    assertThat(postNote("acme", note).statusCode()).isEqualTo(201);
  }

  @Test
  void startsOnTheBaselineSetWhenTheCrsIsMissingAndOpsSaysSo() throws Exception {
    startOnBaseline();
    postNote("acme", "{\"text\": \"<script>alert(1)</script>\"}");

    String ops = ops();

    assertThat(ops)
        .contains("\"ruleSet\":\"baseline\"")
        .contains("\"baseline.conf\":")
        .contains("apt-get install modsecurity-crs")
        .contains("\"interrupted\":1");
  }

  @Test
  void onTheCrsOpsShowsRuleCountsPerFileAndAnAttackIsRefused() throws Exception {
    start(DemoWafCrsTest.crsOptions());

    HttpResponse<String> refused =
        postNote("acme", "{\"text\": \"1' UNION SELECT password FROM users --\"}");
    HttpResponse<String> created = postNote("acme", "{\"text\": \"Lunch with Anna at 12:30\"}");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(ops())
        .contains("\"ruleSet\":\"crs\"")
        .contains("\"REQUEST-942-APPLICATION-ATTACK-SQLI.conf\":")
        .contains("\"interrupted\":1");
  }

  @Test
  void offRemovesTheFilter() throws Exception {
    Path missing = dir.resolve("no-crs");
    start(new DemoWafOptions(EngineMode.OFF, missing, missing));

    HttpResponse<String> passed = postNote("acme", "{\"text\": \"<script>alert(1)</script>\"}");

    assertThat(passed.statusCode()).isEqualTo(201);
    assertThat(ops()).contains("\"mode\":\"OFF\"").contains("\"ruleSet\":\"none\"");
  }
}
