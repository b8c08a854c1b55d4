package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tdeveloper.observability.slo.Slo;
import dev.tdeveloper.observability.spi.AlertStateStoreException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's SLO wiring end to end, on a manual clock: requests of one tenant failing make its
 * plan's availability SLO burn, the page alert fires and is routed to the log and to PagerDuty (a
 * local server standing in for the Events API), an incident opens, and nothing reaches another
 * tenant.
 */
class DemoObservabilityTest {
  private static final Path SLOS = Path.of("src/main/resources/config/production/slos.yaml");
  private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final LinkedBlockingQueue<String> pagerDuty = new LinkedBlockingQueue<>();
  private HttpServer server;
  private DemoObservability observability;

  @BeforeEach
  void startPagerDuty() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v2/enqueue",
        exchange -> {
          pagerDuty.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer = "{\"status\":\"success\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(202, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    if (observability != null) {
      observability.close();
    }
    server.stop(0);
  }

  private DemoObservability open(Map<String, String> env) {
    observability = new DemoObservability(SLOS, dir, clock, env::get);
    return observability;
  }

  private Map<String, String> pagerDutyEnv() {
    return Map.of(
        DemoObservability.PAGERDUTY_KEY_ENV,
        ROUTING_KEY,
        DemoObservability.PAGERDUTY_URL_ENV,
        "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/enqueue");
  }

  /** A minute of traffic: {@code requests} requests of the tenant, {@code failing} of them 5xx. */
  private void minute(DemoObservability o, TenantId tenant, int requests, int failing) {
    for (int i = 0; i < requests; i++) {
      o.recordRequest(tenant, "pro", i < failing ? 503 : 200, Duration.ofMillis(20).toNanos());
    }
    clock.advance(Duration.ofMinutes(1));
    o.evaluator.evaluate();
    o.router.tick();
  }

  @Test
  void eachPlanHasAnAvailabilityAndALatencySlo() {
    DemoObservability o = open(Map.of());
    for (String plan : List.of("free", "pro", "enterprise")) {
      assertThat(o.slosFor(plan))
          .extracting(Slo::id)
          .containsExactlyInAnyOrder("availability-" + plan, "latency-" + plan);
    }
    assertThat(o.slosFor("unknown-plan")).isEmpty();
    assertThat(o.notifierNames()).containsExactly("log");
  }

  /** Runs {@code minutes} minutes of acme at 10% errors and returns what PagerDuty received. */
  private List<JsonNode> burn(DemoObservability o, int minutes) throws Exception {
    List<JsonNode> received = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      minute(o, TenantId.of("acme"), 100, 10);
      o.recordRequest(TenantId.of("globex"), "enterprise", 200, 1_000_000);
    }
    // Delivery is asynchronous: wait for what was sent, then for quiet.
    for (String body = pagerDuty.poll(2, TimeUnit.SECONDS);
        body != null;
        body = pagerDuty.poll(2, TimeUnit.SECONDS)) {
      received.add(Json.MAPPER.readTree(body));
    }
    return received;
  }

  @Test
  void aBurningTenantPagesPagerDutyUnderOneDedupKeyAndOpensOneIncident() throws Exception {
    DemoObservability o = open(pagerDutyEnv());
    assertThat(o.notifierNames()).containsExactly("log", "pagerduty");
    // 10% errors for the pro plan's 99.9% SLO is a burn rate of 100: within 40 minutes both page
    // rules (14.4x over 1h/5m after 2 minutes, 6x over 6h/30m after 15) fire; the group is
    // notified after its 30 s wait and again when its second alert joins.
    List<JsonNode> triggers = burn(o, 40);
    assertThat(triggers).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    JsonNode last = triggers.get(triggers.size() - 1);
    assertThat(triggers)
        .allSatisfy(t -> assertThat(t.path("event_action").asText()).isEqualTo("trigger"));
    assertThat(triggers)
        .extracting(t -> t.path("dedup_key").asText())
        .containsOnly(last.path("dedup_key").asText());
    assertThat(last.path("routing_key").asText()).isEqualTo(ROUTING_KEY);
    assertThat(last.path("payload").path("severity").asText()).isEqualTo("critical");
    assertThat(last.path("payload").path("summary").asText())
        .isEqualTo("[FIRING:2] SloBurnRate slo=availability-pro tenant=acme");
    assertThat(o.incidents.openIncidents())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.tenant()).contains("acme");
              assertThat(i.alerts()).hasSize(2);
            });
    // Globex's requests all succeeded: no alert, its budget untouched.
    assertThat(o.router.alerts("globex")).isEmpty();
    assertThat(o.evaluator.status(o.slosFor("enterprise").get(0), TenantId.of("globex")))
        .hasValueSatisfying(s -> assertThat(s.budget().remainingFraction()).isEqualTo(1.0));
    // Still burning, nothing new among the pages: no page within the 4 h repeat interval.
    assertThat(burn(o, 30)).isEmpty();
  }

  @Test
  void aRestartedDemoDoesNotPageAgainForAGroupItAlreadyNotified() throws Exception {
    DemoObservability first = open(pagerDutyEnv());
    assertThat(burn(first, 40)).isNotEmpty();
    first.close();
    observability = null;
    // The SLI rings live in memory and start empty; the router's notification log is on disk.
    DemoObservability second = open(pagerDutyEnv());
    List<JsonNode> afterRestart = burn(second, 40);
    assertThat(second.router.alerts("acme")).isNotEmpty();
    assertThat(afterRestart).isEmpty();
  }

  @Test
  void aBadSlosFileFailsTheStartNamingFileLineAndField() throws Exception {
    Path bad = dir.resolve("slos.yaml");
    Files.writeString(bad, "slos:\n  availability-pro:\n    objective: 1.5\n    window: 30d\n");
    assertThatThrownBy(() -> new DemoObservability(bad, dir, clock, name -> null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("slos.yaml:3")
        .hasMessageContaining("objective");
    assertThat(dir.resolve("alerts")).doesNotExist();
  }

  @Test
  void aStartRefusedByALockedAlertStateStopsItsNotifiersAndKeepsTheFirstDemoWorking() {
    DemoObservability first = open(pagerDutyEnv());
    long before = pagerDutyWorkers();
    assertThat(before).isPositive();
    assertThatThrownBy(() -> new DemoObservability(SLOS, dir, clock, pagerDutyEnv()::get))
        .isInstanceOf(AlertStateStoreException.class);
    assertThat(pagerDutyWorkers()).isEqualTo(before);
    assertThat(first.notifierNames()).containsExactly("log", "pagerduty");
    first.close();
    observability = null;
    assertThat(pagerDutyWorkers()).isEqualTo(before - 1);
    // the lock was the first demo's: once it is closed a new start takes the directory
    open(pagerDutyEnv());
  }

  private static long pagerDutyWorkers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals("notifier-pagerduty"))
        .count();
  }
}
