package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.observability.notify.DeliveryEvent.Delivered;
import dev.tdeveloper.observability.notify.DeliveryEvent.FailedPermanently;
import dev.tdeveloper.observability.notify.DeliveryEvent.Retried;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmailNotifierTest {
  private final EventLog events = new EventLog();
  private final List<MailMessage> sent = new CopyOnWriteArrayList<>();

  private EmailNotifier notifier(MailTransport transport) {
    return EmailNotifier.builder()
        .to(List.of("oncall@example.com"))
        .transport(transport)
        .delivery(PagerDutyNotifierTest.FAST)
        .listener(events)
        .build();
  }

  @Test
  void buildsSubjectTextAndEscapedHtmlForTheTransport() throws Exception {
    Notification base = Notifications.trigger("g");
    Notification n =
        new Notification(
            "g",
            base.action(),
            "oncall",
            base.groupLabels(),
            base.alerts(),
            Severity.CRITICAL,
            "<b>SloBurnRate</b>\r\nBcc: x@evil.test",
            base.at());
    try (EmailNotifier email = notifier(sent::add)) {
      email.send(n);
      events.await(Delivered.class, 1);
    }
    MailMessage message = sent.get(0);
    assertThat(message.to()).containsExactly("oncall@example.com");
    assertThat(message.subject())
        .isEqualTo("[TRIGGER critical] <b>SloBurnRate</b> Bcc: x@evil.test")
        .doesNotContain("\n");
    assertThat(message.text())
        .contains("Severity: critical")
        .contains("SloBurnRate firing")
        .contains("runbook_url: https://runbooks.example.com/slo-burn");
    assertThat(message.html())
        .contains("&lt;b&gt;SloBurnRate&lt;/b&gt;")
        .doesNotContain("<b>SloBurnRate");
  }

  @Test
  void transientTransportFailuresAreRetriedAndOthersAreNot() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MailTransport flaky =
        message -> {
          int call = calls.incrementAndGet();
          if (call == 1) {
            throw new IOException("421 try again later");
          }
          if (message.subject().contains("broken")) {
            throw new IllegalStateException("550 mailbox unavailable");
          }
          sent.add(message);
        };
    Notification base = Notifications.trigger("g");
    Notification broken =
        new Notification(
            "b", base.action(), "r", Labels.empty(), List.of(), Severity.INFO, "broken", base.at());
    try (EmailNotifier email = notifier(flaky)) {
      email.send(base);
      email.send(broken);
      assertThat(events.await(Delivered.class, 1).get(0).attempts()).isEqualTo(2);
      assertThat(events.of(Retried.class).get(0).reason())
          .isEqualTo("IOException: 421 try again later");
      FailedPermanently failed = events.await(FailedPermanently.class, 1).get(0);
      assertThat(failed.reason())
          .isEqualTo("failed: IllegalStateException: 550 mailbox unavailable");
      assertThat(failed.attempts()).isEqualTo(1);
    }
    assertThat(sent).hasSize(1);
  }

  @Test
  void messagesAndBuildersRejectBadAddressesAndHeaderInjection() {
    assertThatThrownBy(() -> EmailNotifier.builder().to(List.of("oncall")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mail to: 'oncall' is not an address like oncall@example.com");
    assertThatThrownBy(() -> EmailNotifier.builder().to(List.of()))
        .hasMessage("email to: at least one recipient is required");
    assertThatThrownBy(() -> new MailMessage(List.of("a@b.c"), "x\nBcc: y@z", "t", "h"))
        .hasMessage("mail subject: must not contain a line break");
    assertThatThrownBy(() -> new MailMessage(List.of("a@b.c\r\nBcc: y@z"), "x", "t", "h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EmailNotifier.builder().to(List.of("a@b.c")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("email builder: transport is required");
  }
}
