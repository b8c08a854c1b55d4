package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.notify.Notifier;
import dev.tdeveloper.tenancy.lease.InProcessJobLease;
import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.JobLeaseException;
import dev.tdeveloper.tenancy.spi.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two instances' notifiers on one lease backend: the first to claim a notification sends it. */
class ClaimedNotifierTest {
  static final Instant T0 = Instant.parse("2026-12-06T05:00:00Z");
  final JobLease leases = InProcessJobLease.create();
  final List<String> sent = new ArrayList<>();

  Notifier on(String instance, JobLease backend) {
    Notifier counting =
        new Notifier() {
          @Override
          public String name() {
            return "log";
          }

          @Override
          public void send(Notification notification) {
            sent.add(instance + ":" + notification.action());
          }

          @Override
          public void close() {}
        };
    return new ClaimedNotifier(counting, new LeasedJobs(backend, instance));
  }

  static Notification notification(Notification.Action action, Instant at, Alert... alerts) {
    return new Notification(
        "{}:{slo=\"availability\"}",
        action,
        "log",
        Labels.of("slo", "availability"),
        List.of(alerts),
        Severity.WARNING,
        "[FIRING] SloBurnRate",
        at);
  }

  static Alert alert(String slo, Instant startsAt) {
    return Alert.firing(
        Labels.of(Alert.ALERTNAME, "SloBurnRate", "slo", slo, "severity", "warning"),
        Map.of(),
        startsAt);
  }

  @Test
  void theSameNotificationFromTwoInstancesIsSentOnce() {
    Notifier a = on("a", leases);
    Notifier b = on("b", leases);
    a.send(notification(Notification.Action.TRIGGER, T0, alert("availability", T0)));
    b.send(
        notification(
            Notification.Action.TRIGGER,
            T0.plusSeconds(9),
            alert("availability", T0.plusSeconds(7))));
    assertThat(sent).containsExactly("a:TRIGGER");
  }

  @Test
  void anotherActionOrAlertSetIsANewNotification() {
    Notifier a = on("a", leases);
    Notifier b = on("b", leases);
    a.send(notification(Notification.Action.TRIGGER, T0, alert("availability", T0)));
    b.send(notification(Notification.Action.RESOLVE, T0, alert("availability", T0)));
    b.send(
        notification(
            Notification.Action.TRIGGER, T0, alert("availability", T0), alert("latency", T0)));
    assertThat(sent).containsExactly("a:TRIGGER", "b:RESOLVE", "b:TRIGGER");
  }

  @Test
  void aFailingLeaseBackendStillLetsTheNotificationOut() {
    JobLease broken =
        new JobLease() {
          @Override
          public Optional<Lease> acquire(String jobName, String holder, Duration ttl) {
            throw new JobLeaseException("lease backend down");
          }

          @Override
          public boolean renew(Lease lease, Duration ttl) {
            throw new JobLeaseException("lease backend down");
          }

          @Override
          public boolean release(Lease lease) {
            throw new JobLeaseException("lease backend down");
          }
        };
    on("a", broken).send(notification(Notification.Action.TRIGGER, T0, alert("availability", T0)));
    assertThat(sent).containsExactly("a:TRIGGER");
  }

  @Test
  void claimNamesAreValidLeaseNamesIndependentOfTimestamps() {
    String first =
        ClaimedNotifier.claimName(
            notification(Notification.Action.TRIGGER, T0, alert("availability", T0)));
    String later =
        ClaimedNotifier.claimName(
            notification(
                Notification.Action.TRIGGER,
                T0.plusSeconds(30),
                alert("availability", T0.plusSeconds(20))));
    assertThat(first).isEqualTo(later).startsWith("notify:");
    assertThat(Lease.requireJobName(first)).isEqualTo(first);
  }
}
