package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.observability.notify.DeliveryEvent.Delivered;
import dev.tdeveloper.observability.notify.RecordingServer.Response;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final Instant NOW = Instant.parse("2025-03-01T12:00:30Z");

  private WebhookNotifier notifier(RecordingServer server, ManualClock clock, EventLog events) {
    return WebhookNotifier.builder()
        .url(server.uri("/alerts"))
        .signingKey(KEY)
        .externalUrl(URI.create("https://ops.example.com"))
        .clock(clock)
        .delivery(PagerDutyNotifierTest.FAST)
        .listener(events)
        .build();
  }

  @Test
  void postsAnAlertmanagerShapedBodySignedSoTheReceiverCanVerifyIt() throws Exception {
    ManualClock clock = new ManualClock(NOW);
    EventLog events = new EventLog();
    try (RecordingServer server = RecordingServer.start();
        WebhookNotifier hook = notifier(server, clock, events)) {
      hook.send(Notifications.trigger("{}:{tenant=\"acme\"}"));
      RecordingServer.Request request = server.take();
      JsonNode body = Json.MAPPER.readTree(request.bytes());
      assertThat(body.get("version").asText()).isEqualTo("4");
      assertThat(body.get("groupKey").asText()).isEqualTo("{}:{tenant=\"acme\"}");
      assertThat(body.get("status").asText()).isEqualTo("firing");
      assertThat(body.get("receiver").asText()).isEqualTo("oncall");
      assertThat(body.get("groupLabels").get("tenant").asText()).isEqualTo("acme");
      assertThat(body.get("commonLabels").get("service").asText()).isEqualTo("notes-api");
      assertThat(body.get("commonAnnotations").get("summary").asText())
          .isEqualTo("error budget burning 14.4x");
      assertThat(body.get("externalURL").asText()).isEqualTo("https://ops.example.com");
      JsonNode alert = body.get("alerts").get(0);
      assertThat(alert.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
      assertThat(alert.get("fingerprint").asText()).hasSize(16);
      assertThat(body.get("action").asText()).isEqualTo("trigger");
      assertThat(body.get("severity").asText()).isEqualTo("critical");

      String signature = request.header(WebhookNotifier.SIGNATURE_HEADER);
      assertThat(signature).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
      Duration tolerance = WebhookNotifier.DEFAULT_TOLERANCE;
      assertThat(WebhookNotifier.verify(KEY, signature, request.bytes(), NOW, tolerance)).isTrue();
      byte[] tampered = request.body().replace("acme", "evil").getBytes(StandardCharsets.UTF_8);
      assertThat(WebhookNotifier.verify(KEY, signature, tampered, NOW, tolerance)).isFalse();
      byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
      otherKey[0] ^= 1;
      assertThat(WebhookNotifier.verify(otherKey, signature, request.bytes(), NOW, tolerance))
          .isFalse();
      Instant replayedLater = NOW.plus(tolerance).plusSeconds(1);
      assertThat(WebhookNotifier.verify(KEY, signature, request.bytes(), replayedLater, tolerance))
          .as("a replay after the tolerance")
          .isFalse();
      events.await(Delivered.class, 1);
    }
  }

  @Test
  void eachRetryIsSignedWithTheTimeOfItsAttempt() throws Exception {
    ManualClock clock = new ManualClock(NOW);
    EventLog events = new EventLog();
    try (RecordingServer server = RecordingServer.start();
        WebhookNotifier hook = notifier(server, clock, events)) {
      server.respond(Response.of(502));
      server.hold();
      hook.send(Notifications.trigger("g"));
      server.awaitHeld();
      clock.advance(Duration.ofMinutes(10));
      server.release();
      RecordingServer.Request first = server.take();
      RecordingServer.Request retry = server.take();
      assertThat(first.header(WebhookNotifier.SIGNATURE_HEADER))
          .startsWith("t=" + NOW.getEpochSecond() + ",");
      String later = retry.header(WebhookNotifier.SIGNATURE_HEADER);
      assertThat(later).startsWith("t=" + clock.instant().getEpochSecond() + ",");
      assertThat(
              WebhookNotifier.verify(
                  KEY, later, retry.bytes(), clock.instant(), Duration.ofMinutes(5)))
          .isTrue();
      events.await(Delivered.class, 1);
    }
  }

  @Test
  void verifyAcceptsAnyOfSeveralSignaturesAndRejectsMalformedHeaders() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    long t = NOW.getEpochSecond();
    String good = WebhookSignature.header(KEY, t, body);
    String v1 = good.substring(good.indexOf("v1="));
    Duration tol = Duration.ofMinutes(5);
    String rotated = "t=" + t + ",v1=" + "0".repeat(64) + "," + v1;
    assertThat(WebhookNotifier.verify(KEY, rotated, body, NOW, tol)).isTrue();
    assertThat(WebhookNotifier.verify(KEY, v1, body, NOW, tol)).as("no t").isFalse();
    assertThat(WebhookNotifier.verify(KEY, "t=" + t, body, NOW, tol)).as("no v1").isFalse();
    assertThat(WebhookNotifier.verify(KEY, "t=" + t + ",t=" + t + "," + v1, body, NOW, tol))
        .as("two t")
        .isFalse();
    assertThat(WebhookNotifier.verify(KEY, "garbage", body, NOW, tol)).isFalse();
    assertThat(WebhookNotifier.verify(KEY, "t=-5," + v1, body, NOW, tol)).isFalse();
    assertThat(WebhookNotifier.verify(KEY, good.toUpperCase(java.util.Locale.ROOT), body, NOW, tol))
        .as("names are case-sensitive")
        .isFalse();
  }

  @Property(tries = 200)
  void aSignatureVerifiesOnlyItsOwnBody(@ForAll byte[] body, @ForAll byte[] other) {
    long t = NOW.getEpochSecond();
    String header = WebhookSignature.header(KEY, t, body);
    Duration tol = Duration.ofSeconds(1);
    assertThat(WebhookSignature.verify(KEY, header, body, NOW, tol)).isTrue();
    assertThat(WebhookSignature.verify(KEY, header, other, NOW, tol))
        .isEqualTo(Arrays.equals(body, other));
  }

  @Test
  void builderNamesWhatIsMissing() {
    assertThatThrownBy(() -> WebhookNotifier.builder().url(URI.create("https://h/x")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("webhook builder: signingKey is required");
  }
}
