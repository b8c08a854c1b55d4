package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.notify.DeliveryEvent.FailedPermanently;
import dev.tdeveloper.observability.notify.RecordingServer.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretsNeverLeakTest {
  static final String SLACK_TOKEN = "T0001/B0002/XXXXsecretTokenXXXX";
  static final byte[] HMAC_KEY = "whsec-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private final RecordingServer server = RecordingServer.start();
  private final EventLog events = new EventLog();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pagerDutyRoutingKeyIsAbsentFromToStringLogAndEventsEvenWhenTheServerEchoesIt()
      throws Exception {
    String key = PagerDutyNotifierTest.KEY;
    server.fallback(Response.of(400, "{\"message\":\"unknown routing_key " + key + "\"}"));
    try (CapturedErr err = new CapturedErr();
        PagerDutyNotifier pd =
            PagerDutyNotifier.builder()
                .routingKey(key)
                .endpoint(server.uri("/v2/enqueue"))
                .delivery(PagerDutyNotifierTest.FAST)
                .listener(events)
                .build()) {
      pd.send(Notifications.trigger("g"));
      FailedPermanently failed = events.await(FailedPermanently.class, 1).get(0);
      assertThat(failed.reason()).contains("unknown routing_key ***").doesNotContain(key);
      assertThat(pd.toString()).doesNotContain(key).contains("routingKey=***");
      pd.close();
      assertThat(err.text()).contains("unknown routing_key ***").doesNotContain(key);
      assertThat(events.all().toString()).doesNotContain(key);
    }
  }

  @Test
  void slackWebhookTokenIsAbsentFromToStringLogAndEvents() throws Exception {
    URI url = server.uri("/services/" + SLACK_TOKEN);
    server.fallback(Response.of(404, "no_service for /services/" + SLACK_TOKEN));
    try (CapturedErr err = new CapturedErr();
        SlackWebhookNotifier slack =
            SlackWebhookNotifier.builder()
                .webhookUrl(url)
                .delivery(PagerDutyNotifierTest.FAST)
                .listener(events)
                .build()) {
      slack.send(Notifications.trigger("g"));
      events.await(FailedPermanently.class, 1);
      slack.close();
      assertThat(slack.toString()).doesNotContain(SLACK_TOKEN).contains("127.0.0.1");
      assertThat(events.all().toString()).doesNotContain(SLACK_TOKEN).contains("***");
      assertThat(err.text()).doesNotContain(SLACK_TOKEN);
    }
  }

  @Test
  void webhookSigningKeyAndUrlTokenAreAbsentFromToStringLogAndEvents() throws Exception {
    URI url = server.uri("/hook").resolve("/hook?token=" + "abcdefTOKEN123");
    server.fallback(Response.of(503));
    DeliverySettings once =
        PagerDutyNotifierTest.FAST.withRetries(
            1,
            java.time.Duration.ofMillis(1),
            java.time.Duration.ofMillis(1),
            0,
            java.time.Duration.ofMillis(1));
    try (CapturedErr err = new CapturedErr();
        WebhookNotifier hook =
            WebhookNotifier.builder()
                .url(url)
                .signingKey(HMAC_KEY)
                .delivery(once)
                .listener(events)
                .build()) {
      hook.send(Notifications.trigger("g"));
      events.await(FailedPermanently.class, 1);
      hook.close();
      String key = new String(HMAC_KEY, StandardCharsets.UTF_8);
      for (String text : new String[] {hook.toString(), events.all().toString(), err.text()}) {
        assertThat(text).doesNotContain("abcdefTOKEN123").doesNotContain(key);
      }
    }
  }

  @Test
  void builderErrorsNeverEchoTheSecret() {
    String shortKey = "secretsecret";
    assertThatThrownBy(() -> PagerDutyNotifier.builder().routingKey(shortKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32-character")
        .hasMessageContaining("got 12 characters")
        .message()
        .doesNotContain(shortKey);
    String badChars = "secret-secret-secret-secret-sec!";
    assertThatThrownBy(() -> PagerDutyNotifier.builder().routingKey(badChars))
        .hasMessageContaining("letters and digits")
        .message()
        .doesNotContain(badChars);
    assertThatThrownBy(
            () -> SlackWebhookNotifier.builder().webhookUrl(URI.create("ftp://h/" + SLACK_TOKEN)))
        .hasMessageContaining("scheme 'ftp' is not http or https")
        .message()
        .doesNotContain(SLACK_TOKEN);
    assertThatThrownBy(() -> WebhookNotifier.builder().signingKey(new byte[8]))
        .hasMessageContaining("8 bytes is shorter than 16");
  }
}
