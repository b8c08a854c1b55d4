package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.observability.notify.DeliveryEvent.Delivered;
import dev.tdeveloper.observability.notify.DeliveryEvent.FailedPermanently;
import dev.tdeveloper.observability.notify.Notification.Action;
import dev.tdeveloper.observability.notify.RecordingServer.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackWebhookNotifierTest {
  private final RecordingServer server = RecordingServer.start();
  private final EventLog events = new EventLog();

  @AfterEach
  void stop() {
    server.close();
  }

  private SlackWebhookNotifier notifier() {
    return SlackWebhookNotifier.builder()
        .webhookUrl(server.uri("/services/T1/B2/abcdefgh"))
        .delivery(PagerDutyNotifierTest.FAST)
        .listener(events)
        .build();
  }

  @Test
  void postsTextAndAnAttachmentColouredBySeverityWithTheAlerts() throws Exception {
    server.fallback(Response.of(200, "ok"));
    try (SlackWebhookNotifier slack = notifier()) {
      slack.send(Notifications.trigger("g"));
      RecordingServer.Request request = server.take();
      assertThat(request.path()).isEqualTo("/services/T1/B2/abcdefgh");
      JsonNode message = Json.MAPPER.readTree(request.bytes());
      assertThat(message.get("text").asText()).isEqualTo("[FIRING:1] SloBurnRate tenant=acme");
      JsonNode attachment = message.get("attachments").get(0);
      assertThat(attachment.get("color").asText()).isEqualTo(SlackMessages.CRITICAL);
      String alerts = attachment.get("blocks").get(1).get("text").get("text").asText();
      assertThat(alerts)
          .contains("*SloBurnRate*")
          .contains("tenant=acme")
          .contains("error budget burning 14.4x")
          .contains("<https://runbooks.example.com/slo-burn|runbook>");
      assertThat(attachment.get("blocks").get(2).get("type").asText()).isEqualTo("context");
      assertThat(events.await(Delivered.class, 1)).hasSize(1);
    }
  }

  @Test
  void colourFollowsSeverityAndIsGreenWhenResolved() {
    Notification t = Notifications.trigger("g");
    java.util.function.Function<Severity, Notification> of =
        s -> new Notification("g", Action.TRIGGER, "r", Labels.empty(), List.of(), s, "x", t.at());
    assertThat(SlackMessages.color(of.apply(Severity.CRITICAL))).isEqualTo("#E01E5A");
    assertThat(SlackMessages.color(of.apply(Severity.ERROR))).isEqualTo("#F2994A");
    assertThat(SlackMessages.color(of.apply(Severity.WARNING))).isEqualTo("#ECB22E");
    assertThat(SlackMessages.color(of.apply(Severity.INFO))).isEqualTo("#36C5F0");
    assertThat(SlackMessages.color(Notifications.of("g", Action.RESOLVE))).isEqualTo("#2EB67D");
  }

  @Test
  void mrkdwnControlCharactersAreEscaped() {
    Notification t = Notifications.trigger("g");
    Notification n =
        new Notification(
            "g",
            Action.TRIGGER,
            "r",
            Labels.empty(),
            List.of(),
            Severity.INFO,
            "<!channel> a & b",
            t.at());
    assertThat(SlackMessages.message(n).get("text").asText())
        .isEqualTo("&lt;!channel&gt; a &amp; b");
  }

  @Test
  void rateLimitIsRetriedAndOtherClientErrorsAreNot() throws Exception {
    server.respond(
        new Response(429, Map.of("Retry-After", "0"), "rate_limited"),
        Response.of(200, "ok"),
        Response.of(410, "channel_is_archived"));
    try (SlackWebhookNotifier slack = notifier()) {
      slack.send(Notifications.trigger("a"));
      slack.send(Notifications.trigger("b"));
      assertThat(events.await(Delivered.class, 1).get(0).attempts()).isEqualTo(2);
      FailedPermanently failed = events.await(FailedPermanently.class, 1).get(0);
      assertThat(failed.key()).isEqualTo("b");
      assertThat(failed.reason()).isEqualTo("refused: HTTP 410: channel_is_archived");
      assertThat(server.received()).isEqualTo(3);
    }
  }

  @Test
  void builderRequiresAnHttpWebhookUrlOnce() {
    assertThatThrownBy(() -> SlackWebhookNotifier.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("slack builder: webhookUrl is required");
    assertThatThrownBy(() -> SlackWebhookNotifier.builder().webhookUrl(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme '' is not http or https");
    SlackWebhookNotifier.Builder b =
        SlackWebhookNotifier.builder().webhookUrl(URI.create("https://hooks.slack.com/x/y"));
    assertThatThrownBy(() -> b.webhookUrl(URI.create("https://hooks.slack.com/x/z")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("slack builder: webhookUrl is already set");
    assertThatThrownBy(() -> SlackWebhookNotifier.builder().name("Bad Name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slack name: 'Bad Name' is not 1-63 lower-case letters");
  }
}
