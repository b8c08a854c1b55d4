package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.observability.notify.DeliveryEvent.Delivered;
import dev.tdeveloper.observability.notify.DeliveryEvent.FailedPermanently;
import dev.tdeveloper.observability.notify.DeliveryEvent.Retried;
import dev.tdeveloper.observability.notify.Notification.Action;
import dev.tdeveloper.observability.notify.RecordingServer.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagerDutyNotifierTest {
  static final String KEY = "R0123456789abcdefABCDEF012345678";
  static final DeliverySettings FAST =
      DeliverySettings.defaults()
          .withRetries(4, Duration.ofMillis(1), Duration.ofMillis(10), 0.2, Duration.ofMillis(20));

  private final RecordingServer server = RecordingServer.start();
  private final EventLog events = new EventLog();

  @AfterEach
  void stop() {
    server.close();
  }

  private PagerDutyNotifier notifier(DeliverySettings settings) {
    return PagerDutyNotifier.builder()
        .routingKey(KEY)
        .endpoint(server.uri("/v2/enqueue"))
        .source("notes-prod")
        .clientUrl(URI.create("https://ops.example.com/alerts"))
        .link(URI.create("https://ops.example.com/dashboard"), "Dashboard")
        .delivery(settings)
        .listener(events)
        .build();
  }

  private static JsonNode json(RecordingServer.Request request) throws Exception {
    return Json.MAPPER.readTree(request.bytes());
  }

  @Test
  void triggerCarriesThePayloadFieldsPagerDutyDocuments() throws Exception {
    try (PagerDutyNotifier pd = notifier(FAST)) {
      pd.send(Notifications.trigger("group-1"));
      RecordingServer.Request request = server.take();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/v2/enqueue");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      JsonNode event = json(request);
      assertThat(event.get("routing_key").asText()).isEqualTo(KEY);
      assertThat(event.get("event_action").asText()).isEqualTo("trigger");
      assertThat(event.get("dedup_key").asText()).isEqualTo("group-1");
      assertThat(event.get("client").asText()).isEqualTo("T-Developer Observability");
      assertThat(event.get("client_url").asText()).isEqualTo("https://ops.example.com/alerts");
      JsonNode payload = event.get("payload");
      assertThat(payload.get("summary").asText()).isEqualTo("[FIRING:1] SloBurnRate tenant=acme");
      assertThat(payload.get("source").asText()).isEqualTo("notes-prod");
      assertThat(payload.get("severity").asText()).isEqualTo("critical");
      assertThat(payload.get("timestamp").asText()).isEqualTo("2025-03-01T12:00:00Z");
      assertThat(payload.get("component").asText()).isEqualTo("notes-api");
      assertThat(payload.get("group").asText()).isEqualTo("acme");
      assertThat(payload.get("class").asText()).isEqualTo("SloBurnRate");
      JsonNode details = payload.get("custom_details");
      assertThat(details.get("receiver").asText()).isEqualTo("oncall");
      assertThat(details.get("labels").get("tenant").asText()).isEqualTo("acme");
      assertThat(details.get("annotations").get("summary").asText())
          .isEqualTo("error budget burning 14.4x");
      JsonNode alert = details.get("alerts").get(0);
      assertThat(alert.get("status").asText()).isEqualTo("firing");
      assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("SloBurnRate");
      assertThat(alert.get("startsAt").asText()).isEqualTo("2025-03-01T11:55:00Z");
      assertThat(event.get("links").findValuesAsText("href"))
          .containsExactly(
              "https://ops.example.com/dashboard", "https://runbooks.example.com/slo-burn");
      assertThat(events.await(Delivered.class, 1).get(0).attempts()).isEqualTo(1);
    }
  }

  @Test
  void acknowledgeAndResolveCarryOnlyTheKeyAndAction() throws Exception {
    try (PagerDutyNotifier pd = notifier(FAST)) {
      pd.send(Notifications.of("incident-7", Action.ACKNOWLEDGE));
      pd.send(Notifications.of("incident-7", Action.RESOLVE));
      JsonNode ack = json(server.take());
      JsonNode resolve = json(server.take());
      assertThat(ack.get("event_action").asText()).isEqualTo("acknowledge");
      assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
      assertThat(resolve.get("dedup_key").asText()).isEqualTo("incident-7");
      assertThat(ack.has("payload")).isFalse();
      assertThat(events.await(Delivered.class, 2)).hasSize(2);
    }
  }

  @Test
  void longSummaryIsTruncatedTo1024AndLongKeyIsHashedTo255() throws Exception {
    Notification base = Notifications.trigger("k");
    String longKey = "g".repeat(300);
    Notification n =
        new Notification(
            longKey,
            base.action(),
            base.receiver(),
            base.groupLabels(),
            base.alerts(),
            base.severity(),
            "s".repeat(5000),
            base.at());
    try (PagerDutyNotifier pd = notifier(FAST)) {
      pd.send(n);
      JsonNode event = json(server.take());
      assertThat(event.get("payload").get("summary").asText()).hasSize(1024).endsWith("\u2026");
      assertThat(event.get("dedup_key").asText()).startsWith("sha256:").hasSizeLessThan(256);
      assertThat(PagerDutyEvents.dedupKey(longKey)).isEqualTo(event.get("dedup_key").asText());
    }
  }

  @Test
  void retriesOn429AndServerErrorsThenDelivers() throws Exception {
    server.respond(
        new Response(429, Map.of("Retry-After", "3600"), ""),
        Response.of(500),
        Response.of(202, "{\"status\":\"success\"}"));
    try (PagerDutyNotifier pd = notifier(FAST)) {
      pd.send(Notifications.trigger("g"));
      Delivered delivered = events.await(Delivered.class, 1).get(0);
      assertThat(delivered.attempts()).isEqualTo(3);
      var retried = events.of(Retried.class);
      assertThat(retried).extracting(Retried::reason).containsExactly("HTTP 429", "HTTP 500");
      // Retry-After (an hour) is honoured up to maxRetryAfter; the 500 waits the backoff.
      assertThat(retried.get(0).delay()).isEqualTo(Duration.ofMillis(20));
      assertThat(retried.get(1).delay()).isLessThanOrEqualTo(Duration.ofMillis(12));
      var bodies = server.take(3).stream().map(RecordingServer.Request::body).distinct();
      assertThat(bodies).hasSize(1);
    }
  }

  @Test
  void badRequestFailsPermanentlyWithoutRetryAndReportsPagerDutysMessage() throws Exception {
    server.respond(
        Response.of(
            400,
            "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                + "\"errors\":[\"'payload.severity' is invalid\"]}"));
    try (PagerDutyNotifier pd = notifier(FAST)) {
      pd.send(Notifications.trigger("g"));
      FailedPermanently failed = events.await(FailedPermanently.class, 1).get(0);
      assertThat(failed.attempts()).isEqualTo(1);
      assertThat(failed.reason())
          .isEqualTo("refused: HTTP 400: Event object is invalid ('payload.severity' is invalid)");
      assertThat(server.received()).isEqualTo(1);
      assertThat(events.of(Retried.class)).isEmpty();
    }
  }

  @Test
  void givesUpAfterMaxAttemptsOfServerErrors() throws Exception {
    server.fallback(Response.of(503));
    try (PagerDutyNotifier pd = notifier(FAST)) {
      pd.send(Notifications.trigger("g"));
      FailedPermanently failed = events.await(FailedPermanently.class, 1).get(0);
      assertThat(failed.attempts()).isEqualTo(4);
      assertThat(failed.reason()).isEqualTo("gave up after 4 attempt(s): HTTP 503");
      assertThat(events.of(Retried.class)).extracting(Retried::attempt).containsExactly(1, 2, 3);
      assertThat(server.received()).isEqualTo(4);
    }
  }

  @Test
  void retriesConnectionErrors() throws Exception {
    URI dead = server.uri("/v2/enqueue");
    server.close();
    try (PagerDutyNotifier pd =
        PagerDutyNotifier.builder()
            .routingKey(KEY)
            .endpoint(dead)
            .delivery(FAST)
            .listener(events)
            .build()) {
      pd.send(Notifications.trigger("g"));
      FailedPermanently failed = events.await(FailedPermanently.class, 1).get(0);
      assertThat(failed.attempts()).isEqualTo(4);
      assertThat(failed.reason()).startsWith("gave up after 4 attempt(s): ConnectException");
      assertThat(events.of(Retried.class)).hasSize(3);
    }
  }

  @Test
  void aRequestThatOutlivesItsTimeoutIsRetried() throws Exception {
    server.hold();
    DeliverySettings settings =
        FAST.withRetries(2, Duration.ofMillis(1), Duration.ofMillis(1), 0, Duration.ofMillis(1))
            .withTimeouts(Duration.ofMillis(200), Duration.ofSeconds(10));
    try (PagerDutyNotifier pd = notifier(settings)) {
      pd.send(Notifications.trigger("g"));
      FailedPermanently failed = events.await(FailedPermanently.class, 1).get(0);
      assertThat(failed.reason()).contains("HttpTimeoutException");
      assertThat(events.of(Retried.class)).hasSize(1);
    } finally {
      server.release();
    }
  }
}
