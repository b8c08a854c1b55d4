package dev.tdeveloper.security.cert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateMonitorTest {
  private static final KeyPair KEYS = TestCertificates.ecKeyPair();
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final ManualClock clock = new ManualClock(START);
  private final List<CertificateEvent> events = Collections.synchronizedList(new ArrayList<>());
  @TempDir Path dir;

  private static X509Certificate validFor(Duration validity) {
    return TestCertificates.selfSigned(KEYS, "svc", START, START.plus(validity));
  }

  private CertificateMonitor monitor(CertificateSource source) {
    return CertificateMonitor.builder().source(source).clock(clock).listener(events::add).build();
  }

  private <E extends CertificateEvent> List<E> alerts(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void reportsTheTimeLeftOfEachCertificate() {
    X509Certificate cert = validFor(Duration.ofDays(90));
    CertificateMonitor monitor = monitor(CertificateSource.of("demo", List.of(cert)));
    clock.advance(Duration.ofDays(1).plusHours(12));
    CertificateReport report = monitor.check();
    assertThat(report.checkedAt()).isEqualTo(clock.instant());
    assertThat(report.failures()).isEmpty();
    CertificateStatus status = report.certificates().get(0);
    assertThat(status.source()).isEqualTo("demo");
    assertThat(status.entry()).isEqualTo("#0");
    assertThat(status.subject()).isEqualTo("CN=svc");
    assertThat(status.sha256Fingerprint()).isEqualTo(Certificates.sha256Fingerprint(cert));
    assertThat(status.timeLeft()).isEqualTo(Duration.ofDays(88).plusHours(12));
    assertThat(status.daysLeft()).isEqualTo(88);
    assertThat(status.lifetime()).isEqualTo(Duration.ofDays(90));
    assertThat(status.state()).isEqualTo(CertificateStatus.State.VALID);
    assertThat(events).containsExactly(new CertificateEvent.Checked(status));
    assertThat(monitor.lastReport()).contains(report);
  }

  @Test
  void alertsOncePerThresholdAsTheEndNears() {
    CertificateMonitor monitor =
        monitor(CertificateSource.of("demo", List.of(validFor(Duration.ofDays(90)))));
    List<Duration> crossed = new ArrayList<>();
    for (int day = 0; day <= 90; day++) {
      monitor.check();
      monitor.check(); // a second check the same day alerts nothing new
      if (day < 90) {
        clock.advance(Duration.ofDays(1));
      }
    }
    alerts(CertificateEvent.ExpiringSoon.class).forEach(a -> crossed.add(a.threshold()));
    assertThat(crossed)
        .containsExactly(Duration.ofDays(30), Duration.ofDays(14), Duration.ofDays(7));
    assertThat(alerts(CertificateEvent.ExpiringSoon.class).get(0).status().timeLeft())
        .isEqualTo(Duration.ofDays(30));
    assertThat(alerts(CertificateEvent.Expired.class)).isEmpty(); // still valid at its notAfter
    clock.advance(Duration.ofSeconds(1));
    monitor.check();
    monitor.check();
    assertThat(alerts(CertificateEvent.Expired.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status().state()).isEqualTo(CertificateStatus.State.EXPIRED);
              assertThat(e.status().daysLeft()).isEqualTo(-1);
            });
  }

  @Test
  void aFirstCheckPastSeveralThresholdsAlertsTheSmallestOnly() {
    CertificateMonitor monitor =
        CertificateMonitor.builder()
            .source(CertificateSource.of("demo", List.of(validFor(Duration.ofDays(10)))))
            .clock(clock)
            .thresholds(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(14))
            .listener(events::add)
            .build();
    assertThat(monitor.thresholds())
        .containsExactly(Duration.ofDays(30), Duration.ofDays(14), Duration.ofDays(7));
    CertificateReport report = monitor.check();
    assertThat(report.certificates().get(0).state())
        .isEqualTo(CertificateStatus.State.EXPIRING_SOON);
    assertThat(alerts(CertificateEvent.ExpiringSoon.class))
        .extracting(CertificateEvent.ExpiringSoon::threshold)
        .containsExactly(Duration.ofDays(14));
    clock.advance(Duration.ofDays(3));
    monitor.check();
    assertThat(alerts(CertificateEvent.ExpiringSoon.class))
        .extracting(CertificateEvent.ExpiringSoon::threshold)
        .containsExactly(Duration.ofDays(14), Duration.ofDays(7));
  }

  @Test
  void aRenewedCertificateIsAlertedAfresh() {
    AtomicReference<X509Certificate> current = new AtomicReference<>(validFor(Duration.ofDays(20)));
    CertificateMonitor monitor = monitor(mutable("svc", current));
    monitor.check();
    current.set(validFor(Duration.ofDays(25)));
    monitor.check();
    assertThat(alerts(CertificateEvent.ExpiringSoon.class))
        .extracting(a -> a.status().notAfter())
        .containsExactly(START.plus(Duration.ofDays(20)), START.plus(Duration.ofDays(25)));
  }

  @Test
  void rereadsAPemFileAndReportsWhenItCannot() throws Exception {
    Path file = TestCertificates.writePem(dir.resolve("cert.pem"), validFor(Duration.ofDays(60)));
    CertificateMonitor monitor = monitor(CertificateSource.pemFile(file));
    assertThat(monitor.check().certificates())
        .singleElement()
        .extracting(CertificateStatus::daysLeft)
        .isEqualTo(60L);
    TestCertificates.writePem(file, validFor(Duration.ofDays(5)));
    assertThat(monitor.check().certificates().get(0).daysLeft()).isEqualTo(5);
    Files.delete(file);
    CertificateReport report = monitor.check();
    assertThat(report.certificates()).isEmpty();
    String reason = "PEM file " + file + " (certificates) does not exist";
    assertThat(report.failures()).containsExactly(Map.entry(file.toString(), reason));
    assertThat(events).contains(new CertificateEvent.SourceFailed(file.toString(), reason));
  }

  @Test
  void readsPkcs12AndKeyStoresByAliasWithoutShowingPasswords() throws Exception {
    X509Certificate cert = validFor(Duration.ofDays(40));
    String secret = "Monitor-Secret-77";
    Path file =
        TestCertificates.writePkcs12(
            dir.resolve("s.p12"), secret.toCharArray(), "server", KEYS.getPrivate(), cert);
    CertificateSource pkcs12 = CertificateSource.pkcs12File(file, secret.toCharArray());
    CertificateSource wrong =
        CertificateSource.pkcs12File(dir.resolve("s.p12"), "nope".toCharArray());
    CertificateSource store =
        CertificateSource.keyStore("trust", TestCertificates.keyStore("ca", "trusted", cert));
    CertificateReport report =
        CertificateMonitor.builder()
            .source(pkcs12)
            .source(store)
            .source(new Renamed("wrong", wrong))
            .clock(clock)
            .build()
            .check();
    assertThat(report.certificates())
        .extracting(CertificateStatus::source, CertificateStatus::entry)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(file.toString(), "server"),
            org.assertj.core.groups.Tuple.tuple("trust", "ca"));
    assertThat(report.failures().get("wrong")).endsWith(": wrong password").doesNotContain("nope");
    assertThat(pkcs12.toString()).doesNotContain(secret);
    assertThat(report.soonestToExpire()).map(CertificateStatus::daysLeft).contains(40L);
  }

  @Test
  void aThrowingListenerBreaksNeitherTheCheckNorOtherListeners() {
    CertificateMonitor monitor =
        CertificateMonitor.builder()
            .source(CertificateSource.of("demo", List.of(validFor(Duration.ofDays(3)))))
            .clock(clock)
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .listener(events::add)
            .build();
    assertThat(monitor.check().certificates()).hasSize(1);
    assertThat(alerts(CertificateEvent.ExpiringSoon.class)).hasSize(1);
  }

  @Test
  void aCertificateNotYetValidIsReportedAsSuch() {
    X509Certificate later =
        TestCertificates.selfSigned(
            KEYS, "later", START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(9)));
    CertificateReport report = monitor(CertificateSource.of("demo", List.of(later))).check();
    assertThat(report.certificates().get(0).state())
        .isEqualTo(CertificateStatus.State.NOT_YET_VALID);
    assertThat(alerts(CertificateEvent.ExpiringSoon.class)).isEmpty();
  }

  private static CertificateSource mutable(String name, AtomicReference<X509Certificate> current) {
    return new CertificateSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Map<String, X509Certificate> load() {
        return Map.of("#0", current.get());
      }
    };
  }

  /** A source under another name. */
  private record Renamed(String name, CertificateSource delegate) implements CertificateSource {
    @Override
    public Map<String, X509Certificate> load() {
      return delegate.load();
    }
  }
}
