package dev.tdeveloper.security.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.cert.CertificateRenewer.Outcome;
import dev.tdeveloper.security.spi.CertificateIssuer;
import dev.tdeveloper.security.spi.CertificateIssuerException;
import dev.tdeveloper.security.spi.CertificateRequest;
import dev.tdeveloper.security.spi.IssuedCertificate;
import dev.tdeveloper.security.tls.ServerKeyMaterial;
import dev.tdeveloper.security.tls.TlsPolicy;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateRenewerTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(START);
  private final List<RenewalEvent> events = new ArrayList<>();
  private LocalCertificateAuthority ca;

  /** Lets a test break or falsify what the CA returns. */
  private final AtomicReference<UnaryOperator<IssuedCertificate>> tamper =
      new AtomicReference<>(UnaryOperator.identity());

  private CertificateIssuer issuer;

  @BeforeEach
  void openCa() {
    ca = LocalCertificateAuthority.open(dir.resolve("ca"), clock);
    issuer =
        new CertificateIssuer() {
          @Override
          public String name() {
            return "test CA";
          }

          @Override
          public IssuedCertificate issue(CertificateRequest request) {
            return tamper.get().apply(ca.issue(request));
          }
        };
  }

  private Path file() {
    return dir.resolve("server.pem");
  }

  private CertificateRenewerBuilder builder() {
    return CertificateRenewer.builder()
        .issuer(issuer)
        .file(file())
        .names("localhost", "127.0.0.1")
        .clock(clock)
        .listener(events::add);
  }

  private void failWith(String message) {
    tamper.set(
        issued -> {
          throw new CertificateIssuerException(message);
        });
  }

  @Test
  void issuesWhenTheFileIsMissingAndKeepsItOwnerOnly() throws Exception {
    CertificateRenewer renewer = builder().build();
    ServerKeyMaterial material = renewer.ensureCurrent();
    assertThat(events)
        .containsExactly(
            new RenewalEvent.Started(file(), RenewalEvent.Trigger.MISSING, 1),
            new RenewalEvent.Succeeded(file(), material, START.plus(Duration.ofDays(60))));
    assertThat(ServerKeyMaterial.fromPem(file(), file()).sha256Fingerprint())
        .isEqualTo(material.sha256Fingerprint());
    material.sslContext(TlsPolicy.defaults());
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
          .isEqualTo("rw-------");
    }
    assertThat(Files.exists(dir.resolve("server.pem.tmp"))).isFalse();
  }

  @Test
  void renewsExactlyAtTwoThirdsOfTheLifetimeAndNotBefore() {
    CertificateRenewer renewer = builder().build();
    String first = renewer.ensureCurrent().sha256Fingerprint();
    java.security.PublicKey firstKey = renewer.current().orElseThrow().certificate().getPublicKey();
    Instant renewAt = START.plus(Duration.ofDays(60)); // 90 days * 2/3
    assertThat(renewer.renewAt(renewer.current().orElseThrow().certificate())).isEqualTo(renewAt);

    clock.setTo(renewAt.minusNanos(1));
    assertThat(renewer.renewIfDue()).isEqualTo(Outcome.NOT_DUE);
    assertThat(renewer.current().orElseThrow().sha256Fingerprint()).isEqualTo(first);

    clock.setTo(renewAt);
    events.clear();
    assertThat(renewer.renewIfDue()).isEqualTo(Outcome.RENEWED);
    ServerKeyMaterial renewed = renewer.current().orElseThrow();
    assertThat(renewed.sha256Fingerprint()).isNotEqualTo(first);
    assertThat(renewed.certificate().getPublicKey()).isNotEqualTo(firstKey); // a new key each time
    assertThat(ServerKeyMaterial.fromPem(file(), file()).sha256Fingerprint())
        .isEqualTo(renewed.sha256Fingerprint());
    assertThat(events)
        .containsExactly(
            new RenewalEvent.Started(file(), RenewalEvent.Trigger.DUE, 1),
            new RenewalEvent.Succeeded(file(), renewed, renewAt.plus(Duration.ofDays(60))));
    assertThat(renewer.renewIfDue()).isEqualTo(Outcome.NOT_DUE);
  }

  @Test
  void theFractionIsConfigurable() {
    CertificateRenewer renewer = builder().renewalFraction(1, 2).build();
    renewer.ensureCurrent();
    clock.setTo(START.plus(Duration.ofDays(45)).minusNanos(1));
    assertThat(renewer.renewIfDue()).isEqualTo(Outcome.NOT_DUE);
    clock.advanceNanos(1);
    assertThat(renewer.renewIfDue()).isEqualTo(Outcome.RENEWED);
  }

  @Test
  void aFailedRenewalKeepsTheOldMaterialRetriesWithBackoffAndKeepsAlerting() throws Exception {
    CertificateRenewer renewer =
        builder().retryBackoff(Duration.ofMinutes(10), Duration.ofMinutes(25)).build();
    ServerKeyMaterial old = renewer.ensureCurrent();
    byte[] oldBytes = Files.readAllBytes(file());
    Instant due = START.plus(Duration.ofDays(60));
    clock.setTo(due);
    failWith("CA unreachable");
    events.clear();

    assertThat(renewer.renewIfDue()).isEqualTo(Outcome.FAILED);
    Instant notAfter = old.certificate().getNotAfter().toInstant();
    assertThat(events)
        .containsExactly(
            new RenewalEvent.Started(file(), RenewalEvent.Trigger.DUE, 1),
            new RenewalEvent.Failed(
                file(),
                RenewalEvent.Trigger.DUE,
                1,
                "CertificateIssuerException: CA unreachable",
                due.plus(Duration.ofMinutes(10)),
                java.util.Optional.of(notAfter)));
    events.clear();
    clock.advance(Duration.ofMinutes(10).minusNanos(1));
    assertThat(renewer.renewIfDue()).isEqualTo(Outcome.WAITING_TO_RETRY);
    assertThat(events).isEmpty();

    clock.advanceNanos(1);
    assertThat(renewer.renewIfDue()).isEqualTo(Outcome.FAILED);
    assertThat(((RenewalEvent.Failed) events.get(1)).nextAttempt())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
    clock.advance(Duration.ofMinutes(20));
    assertThat(renewer.renewIfDue()).isEqualTo(Outcome.FAILED);
    RenewalEvent.Failed third = (RenewalEvent.Failed) events.get(3);
    assertThat(third.attempt()).isEqualTo(3);
    assertThat(third.nextAttempt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(25)));
    assertThat(Files.readAllBytes(file())).isEqualTo(oldBytes);
    assertThat(renewer.current()).contains(old);

    tamper.set(UnaryOperator.identity());
    clock.advance(Duration.ofMinutes(25));
    events.clear();
    assertThat(renewer.renewIfDue()).isEqualTo(Outcome.RENEWED);
    assertThat(events.get(0))
        .isEqualTo(new RenewalEvent.Started(file(), RenewalEvent.Trigger.DUE, 4));
  }

  @Test
  void refusesACertificateForAnotherKeyOrOneDueAtOnceChangingNothing() throws Exception {
    CertificateRenewer renewer =
        builder().retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)).build();
    renewer.ensureCurrent();
    byte[] oldBytes = Files.readAllBytes(file());
    tamper.set(
        issued ->
            new IssuedCertificate(
                List.of(TestCertificates.selfSigned(TestCertificates.ecKeyPair())),
                issued.privateKey()));
    assertThat(renewer.renewNow()).isEqualTo(Outcome.FAILED);
    assertThat(((RenewalEvent.Failed) events.get(events.size() - 1)).reason())
        .startsWith("CertificateReadException: the private key of test CA does not match");
    assertThat(Files.readAllBytes(file())).isEqualTo(oldBytes);

    clock.advance(Duration.ofSeconds(1));
    java.security.KeyPair keys = TestCertificates.ecKeyPair();
    java.security.cert.X509Certificate shortLived =
        TestCertificates.selfSigned(keys, "localhost", START, clock.instant());
    tamper.set(
        issued ->
            new IssuedCertificate(List.of(shortLived), java.util.Optional.of(keys.getPrivate())));
    assertThat(renewer.renewNow()).isEqualTo(Outcome.FAILED);
    assertThat(((RenewalEvent.Failed) events.get(events.size() - 1)).reason())
        .contains("would be due for renewal at once");
    assertThat(Files.readAllBytes(file())).isEqualTo(oldBytes);
  }

  @Test
  void replacesAnUnreadableFileAndFailsClearlyWhenItCannot() throws Exception {
    Files.writeString(file(), "not PEM at all");
    failWith("CA down");
    CertificateRenewer renewer = builder().build();
    assertThatThrownBy(renewer::ensureCurrent)
        .isInstanceOf(CertificateRenewalException.class)
        .hasMessage(
            "no usable key material in " + file() + ": CertificateIssuerException: CA down");
    assertThat(events.get(0))
        .isEqualTo(new RenewalEvent.Started(file(), RenewalEvent.Trigger.UNREADABLE, 1));
    assertThat(Files.readString(file())).isEqualTo("not PEM at all");

    tamper.set(UnaryOperator.identity());
    clock.advance(CertificateRenewerBuilder.DEFAULT_INITIAL_BACKOFF);
    assertThat(renewer.ensureCurrent().certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=localhost");
  }

  @Test
  void aMonitorCheckTriggersTheRenewal() {
    CertificateRenewer renewer = builder().build();
    String first = renewer.ensureCurrent().sha256Fingerprint();
    List<CertificateEvent> checks = new ArrayList<>();
    CertificateMonitor monitor =
        CertificateMonitor.builder()
            .source(renewer.source())
            .clock(clock)
            .listener(renewer.monitorListener())
            .listener(checks::add)
            .build();
    clock.setTo(START.plus(Duration.ofDays(59)));
    monitor.check();
    assertThat(renewer.current().orElseThrow().sha256Fingerprint()).isEqualTo(first);
    clock.setTo(START.plus(Duration.ofDays(60)));
    monitor.check();
    String second = renewer.current().orElseThrow().sha256Fingerprint();
    assertThat(second).isNotEqualTo(first);
    assertThat(monitor.check().certificates().get(0).sha256Fingerprint()).isEqualTo(second);
  }

  @Test
  void neverShowsTheKeyInEventsMessagesOrToString() throws Exception {
    CertificateRenewer renewer = builder().build();
    renewer.ensureCurrent();
    clock.setTo(START.plus(Duration.ofDays(60)));
    failWith("refused");
    renewer.renewIfDue();
    String pem = Files.readString(file());
    String key = pem.substring(pem.indexOf("-----\n") + 6, pem.indexOf("-----END PRIVATE KEY"));
    String firstLine = key.lines().findFirst().orElseThrow();
    assertThat(firstLine).hasSizeGreaterThan(40);
    for (Object shown : List.of(renewer, events, renewer.current().orElseThrow())) {
      assertThat(shown.toString()).doesNotContain(firstLine).doesNotContain("PRIVATE KEY");
    }
    assertThat(renewer.toString())
        .isEqualTo(
            "CertificateRenewer["
                + file()
                + ", issuer test CA, names [localhost, 127.0.0.1], at 2/3 of the lifetime]");
  }

  @Test
  void theBuilderValidatesEachSetting() {
    assertThatThrownBy(() -> CertificateRenewer.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a CertificateRenewer needs [issuer, file, names]");
    assertThatThrownBy(() -> builder().clock(clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set");
    assertThatThrownBy(() -> CertificateRenewer.builder().renewalFraction(3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 3/3");
    assertThatThrownBy(() -> CertificateRenewer.builder().renewalFraction(0, 3))
        .hasMessageContaining("was 0/3");
    assertThatThrownBy(
            () ->
                CertificateRenewer.builder().retryBackoff(Duration.ofHours(2), Duration.ofHours(1)))
        .hasMessage("retryBackoff needs 0 < initial <= max, was initial PT2H, max PT1H");
    assertThatThrownBy(() -> CertificateRenewer.builder().names("bad name"))
        .hasMessageStartingWith("DNS name 'bad name' is not");
    assertThatThrownBy(() -> CertificateRenewer.builder().validity(Duration.ofDays(-1)))
        .hasMessage("validity must be positive, was PT-24H");
  }
}
