package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.time.Ticker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compliance report and access reviews over HTTP. */
class DemoComplianceReportTest {
  private static final String TOKEN = "operator-t0ken-for-tests";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoApp app;

  @BeforeEach
  void start() throws Exception {
    app = DemoTestApps.start(dir, TOKEN, clock, Ticker.system());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> call(String method, String path, String body, boolean token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      // A body says what it is: the WAF (CRS 920340) scores one that does not.
      b.header("Content-Type", "text/plain; charset=utf-8");
    }
    if (token) {
      b.header("Authorization", "Bearer " + TOKEN);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void jsonReportIsOscalAssessmentResultsWithHonestEvidence() throws Exception {
    HttpResponse<String> r =
        call("GET", "/admin/compliance/report?framework=SOC2&format=json", null, true);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode root = Json.MAPPER.readTree(r.body());
    assertThat(root.has("assessment-results")).isTrue();
    assertThat(r.body())
        .contains("encryption at rest is on for all 3 tenants")
        .contains("no successful restore test")
        .contains("stored entries verified");
  }

  @Test
  void anAccessReviewCountsForTheOperatorScope() throws Exception {
    String before = call("GET", "/admin/compliance/report?format=json", null, true).body();
    HttpResponse<String> posted =
        call(
            "POST",
            "/admin/access-reviews",
            "{\"scope\":\"platform/operator\",\"reviewer\":\"carol\",\"outcome\":\"NO_CHANGE\"}",
            true);
    clock.advance(Duration.ofMinutes(1)); // a report covers [now - 90 days, now)
    String after = call("GET", "/admin/compliance/report?format=json", null, true).body();

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(before).contains("1 of 1 scopes are overdue for an access review");
    assertThat(after)
        .contains("all 1 scopes were reviewed in the last 90 days")
        .doesNotContain("overdue for an access review");
  }

  @Test
  void htmlReportEscapesEverythingItShows() throws Exception {
    call(
        "POST",
        "/admin/access-reviews",
        "{\"scope\":\"platform/operator\",\"reviewer\":\"<script>alert(1)</script>\","
            + "\"outcome\":\"ACCESS_CHANGED\"}",
        true);
    for (String framework : List.of("SOC2", "ISO27001", "HIPAA")) {
      HttpResponse<String> r =
          call("GET", "/admin/compliance/report?framework=" + framework, null, true);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(r.body()).contains("<html").doesNotContain("<script>alert");
    }
  }

  @Test
  void badParametersAre400ProblemsNamingThem() throws Exception {
    for (String query :
        List.of(
            "framework=PCI", "format=pdf", "framework=SOC2&framework=HIPAA", "format=%3Cb%3E")) {
      HttpResponse<String> r = call("GET", "/admin/compliance/report?" + query, null, true);
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(r.body()).as(query).containsAnyOf("'framework'", "'format'");
    }
    HttpResponse<String> review =
        call(
            "POST",
            "/admin/access-reviews",
            "{\"scope\":\"acme/admin\",\"reviewer\":\"carol\",\"outcome\":\"NO_CHANGE\"}",
            true);
    assertThat(review.statusCode()).isEqualTo(400);
    assertThat(review.body()).contains("'scope'");
  }

  @Test
  void reportAndReviewsNeedTheOperatorToken() throws Exception {
    assertThat(call("GET", "/admin/compliance/report", null, false).statusCode()).isEqualTo(401);
    assertThat(
            call(
                    "POST",
                    "/admin/access-reviews",
                    "{\"scope\":\"platform/operator\",\"reviewer\":\"x\",\"outcome\":\"NO_CHANGE\"}",
                    false)
                .statusCode())
        .isEqualTo(401);
  }
}
