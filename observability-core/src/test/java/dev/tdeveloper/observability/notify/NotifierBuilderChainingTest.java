package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.notify.DeliveryEvent.Delivered;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared builder settings chain in any order with each notifier's own, and still apply. */
class NotifierBuilderChainingTest {
  private final RecordingServer server = RecordingServer.start();
  private final EventLog events = new EventLog();
  private final ManualClock clock = new ManualClock(WebhookNotifierTest.NOW);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pagerDutySharedSettingsChainBeforeItsOwn() throws Exception {
    try (PagerDutyNotifier pd =
        PagerDutyNotifier.builder()
            .listener(events)
            .clock(clock)
            .httpClient(http)
            .delivery(PagerDutyNotifierTest.FAST)
            .name("pd-ops")
            .routingKey(PagerDutyNotifierTest.KEY)
            .endpoint(server.uri("/v2/enqueue"))
            .build()) {
      assertDelivers(pd, "pd-ops");
    }
  }

  @Test
  void slackSharedSettingsChainAroundItsOwn() throws Exception {
    try (SlackWebhookNotifier slack =
        SlackWebhookNotifier.builder()
            .httpClient(http)
            .webhookUrl(server.uri("/services/T0/B0/x"))
            .name("slack-ops")
            .clock(clock)
            .listener(events)
            .delivery(PagerDutyNotifierTest.FAST)
            .build()) {
      assertDelivers(slack, "slack-ops");
    }
  }

  @Test
  void webhookSharedSettingsChainAfterItsOwn() throws Exception {
    try (WebhookNotifier hook =
        WebhookNotifier.builder()
            .url(server.uri("/alerts"))
            .signingKey(WebhookNotifierTest.KEY)
            .clock(clock)
            .delivery(PagerDutyNotifierTest.FAST)
            .httpClient(http)
            .listener(events)
            .name("hook-ops")
            .build()) {
      assertDelivers(hook, "hook-ops");
    }
  }

  @Test
  void emailSharedSettingsChainBetweenItsOwn() throws Exception {
    List<MailMessage> sent = new CopyOnWriteArrayList<>();
    try (EmailNotifier mail =
        EmailNotifier.builder()
            .delivery(PagerDutyNotifierTest.FAST)
            .to(List.of("oncall@example.com"))
            .listener(events)
            .name("mail-ops")
            .transport(sent::add)
            .build()) {
      assertThat(mail.name()).isEqualTo("mail-ops");
      mail.send(Notifications.trigger("group-1"));
      events.await(Delivered.class, 1);
      assertThat(sent).hasSize(1);
    }
  }

  @Test
  void aSharedSettingIsStillSetOnceWhateverTheChain() {
    assertThatThrownBy(() -> SlackWebhookNotifier.builder().clock(clock).name("a").clock(clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("slack builder: clock is already set");
    assertThatThrownBy(() -> EmailNotifier.builder().listener(events).delivery(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("delivery");
  }

  private void assertDelivers(Notifier notifier, String name) throws Exception {
    assertThat(notifier.name()).isEqualTo(name);
    notifier.send(Notifications.trigger("group-1"));
    assertThat(server.take().method()).isEqualTo("POST");
    events.await(Delivered.class, 1);
  }
}
