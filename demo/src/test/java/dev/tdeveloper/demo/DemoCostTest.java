package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.focus.FocusCsvBillingImporter;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's cost accounting over HTTP: allocation by requests, FinOps report, budgets, auth. */
class DemoCostTest {
  private static final String TOKEN = "operator-t0ken-for-tests";
  private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(START);
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private void start() throws Exception {
    app = DemoTestApps.start(dir, TOKEN, clock, clock);
  }

  private void requests(String tenant, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/notes"))
              .header("Accept", "*/*")
              .header("X-Tenant-Id", tenant)
              .build();
      assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    }
  }

  private HttpResponse<String> get(String path, boolean operator) throws Exception {
    return DemoTestApps.get(http, app, path, operator ? Optional.of(TOKEN) : Optional.empty());
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path, true);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER
        .reader()
        .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(r.body());
  }

  /** Runs the hourly allocation after the hour's usage windows have closed (5 min grace). */
  private int allocateHour() {
    clock.advance(Duration.ofMinutes(66));
    return app.services().cost.runOnce();
  }

  private static BigDecimal dec(JsonNode node) {
    return new BigDecimal(node.asText());
  }

  @Test
  void tenantsPayInProportionToTheirRequestsAndTheReportReconcilesToTheBill() throws Exception {
    start();
    requests("acme", 30);
    requests("globex", 10);

    assertThat(allocateHour()).isEqualTo(1);

    JsonNode report = json("/admin/finops?format=json");
    JsonNode summary = report.path("summary");
    BigDecimal total = dec(summary.path("total"));
    assertThat(total.signum()).isPositive();
    assertThat(
            dec(summary.path("allocatedToTenants"))
                .add(dec(summary.path("idle")))
                .add(dec(summary.path("unallocated"))))
        .isEqualByComparingTo(total);
    assertThat(summary.path("reconciled").asBoolean()).isTrue();
    BigDecimal acme = BigDecimal.ZERO;
    BigDecimal globex = BigDecimal.ZERO;
    for (JsonNode row : report.path("tenants")) {
      switch (row.path("tenant").asText()) {
        case "acme" -> acme = dec(row.path("total"));
        case "globex" -> globex = dec(row.path("total"));
        default -> throw new AssertionError("unexpected tenant " + row);
      }
    }
    assertThat(globex.signum()).isPositive();
    assertThat(acme.subtract(globex.multiply(BigDecimal.valueOf(3))).abs())
        .as("acme made 3x globex's requests: %s vs %s", acme, globex)
        .isLessThanOrEqualTo(new BigDecimal("0.000003"));
    assertThat(report.path("explanations").toString())
        .contains(CostAssets.CLUSTER + "@", CostAssets.PLATFORM + "@");
    assertThat(report.path("plans").path("acme").asText()).isEqualTo("pro");
    assertThat(dec(json("/ops").path("cost").path("total"))).isEqualByComparingTo(total);

    HttpResponse<String> html = get("/admin/finops", true);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html.body())
        .contains(
            "id=\"summary\"",
            "id=\"tenants\"",
            "id=\"budgets\"",
            "id=\"anomalies\"",
            "id=\"recommendations\"",
            "id=\"unit-economics\"",
            "id=\"explanations\"",
            "<svg",
            "acme")
        .doesNotContain("<script");

    HttpResponse<String> csv = get("/admin/finops/export?from=2025-03-01&to=2025-03-02", true);
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    Path file = Files.writeString(dir.resolve("export.csv"), csv.body());
    BigDecimal imported = BigDecimal.ZERO;
    for (Asset a :
        FocusCsvBillingImporter.of(file)
            .read(CostPeriod.of(START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1))))
            .assets()) {
      imported = imported.add(a.effectiveCost().amount());
    }
    assertThat(imported).isEqualByComparingTo(total);
  }

  @Test
  void aBudgetCrossingRaisesExactlyOneAlertAndIsAuditedOnce() throws Exception {
    // One replica-hour at 16 per vCPU-hour: 0.25 vCPU = 4.00 in the hour initech used the cluster
    // (the next hour's cluster stays idle), plus the platform's 0.05 an hour for both hours of
    // the day: 4.10 of initech's 5.00 free-plan budget, above 80% and below 100%.
    Files.writeString(
        dir.resolve("price-book.yaml"),
        "currency: USD\nregions:\n  local-1:\n    on-demand: {vcpu: 16, ram: 0, storage: 0}\n");
    start();
    requests("initech", 1);

    allocateHour();
    allocateHour();

    JsonNode budgets = json("/admin/finops?format=json").path("budgets");
    JsonNode initech = null;
    for (JsonNode b : budgets) {
      if ("initech".equals(b.path("scope").path("id").asText())) {
        initech = b;
      }
    }
    assertThat(initech).as(budgets.toString()).isNotNull();
    assertThat(dec(initech.path("actual"))).isEqualByComparingTo("4.10");
    assertThat(initech.path("notifications").get(0).path("state").asText()).isEqualTo("ALARM");
    assertThat(initech.path("notifications").get(1).path("state").asText()).isEqualTo("OK");
    assertThat(initech.path("notifications").get(2).path("state").asText()).isEqualTo("OK");
    app.services().audit.log.checkpoint(); // stores every queued event
    JsonNode raised =
        json("/admin/audit/entries?limit=1000&tenant=initech&action=cost.alert.budget.*")
            .path("entries");
    assertThat(raised.size()).as(raised.toString()).isEqualTo(1);
    assertThat(raised.get(0).path("action").asText()).isEqualTo("cost.alert.budget.raised");
    assertThat(
            json("/admin/audit/entries?limit=1000&tenant=acme&action=cost.alert.*")
                .path("entries")
                .size())
        .isZero();
    assertThat(json("/ops").path("cost").path("budgetNotificationsInAlarm").asInt()).isEqualTo(1);
  }

  @Test
  void theReportNeedsTheOperatorAndNamesBadParameters() throws Exception {
    start();
    assertThat(get("/admin/finops", false).statusCode()).isEqualTo(401);
    assertThat(get("/admin/finops?format=json", false).statusCode()).isEqualTo(401);
    assertThat(get("/admin/finops/export", false).statusCode()).isEqualTo(401);
    HttpResponse<String> format = get("/admin/finops?format=xml", true);
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.body()).contains("'format'", "xml", "html, json");
    HttpResponse<String> from = get("/admin/finops/export?from=yesterday", true);
    assertThat(from.statusCode()).isEqualTo(400);
    assertThat(from.body()).contains("'from'", "yesterday");
    assertThat(get("/admin/finops/export?from=2025-03-02&to=2025-03-01", true).statusCode())
        .isEqualTo(400);
  }

  @Test
  void withoutTrafficThePlatformIsUnallocatedAndTheClusterIdle() throws Exception {
    start();
    allocateHour();
    JsonNode summary = json("/admin/finops?format=json").path("summary");
    assertThat(dec(summary.path("allocatedToTenants"))).isEqualByComparingTo("0");
    assertThat(dec(summary.path("unallocated"))).isEqualByComparingTo("0.05");
    assertThat(dec(summary.path("idle")).add(dec(summary.path("unallocated"))))
        .isEqualByComparingTo(dec(summary.path("total")));
  }
}
