package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.notify.Notification.Action;
import org.junit.jupiter.api.Test;

class LogNotifierTest {
  @Test
  void logsATriggerAtErrorAndAResolveAtInfoWithTheSummaryAndKey() {
    LogNotifier log = LogNotifier.create();
    String text;
    try (CapturedErr err = new CapturedErr()) {
      log.send(Notifications.trigger("group-9"));
      log.send(Notifications.of("group-9", Action.RESOLVE));
      text = err.text();
    }
    assertThat(text)
        .contains("ERROR " + LogNotifier.DEFAULT_LOGGER + " - TRIGGER critical to oncall:")
        .contains("[FIRING:1] SloBurnRate tenant=acme (key=group-9, alerts=[SloBurnRate{")
        .contains("INFO " + LogNotifier.DEFAULT_LOGGER + " - RESOLVE critical");
    assertThat(log.name()).isEqualTo("log");
  }

  @Test
  void refusesNotificationsOnceClosed() {
    LogNotifier log = LogNotifier.create("audit-log", "ops.alerts");
    log.close();
    assertThatThrownBy(() -> log.send(Notifications.trigger("g")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("notifier audit-log is closed");
    assertThat(log).hasToString("LogNotifier[name=audit-log, logger=ops.alerts]");
  }
}
