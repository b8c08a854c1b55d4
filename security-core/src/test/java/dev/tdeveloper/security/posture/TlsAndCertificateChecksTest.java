package dev.tdeveloper.security.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tdeveloper.security.cert.CertificateMonitor;
import dev.tdeveloper.security.cert.CertificateReadException;
import dev.tdeveloper.security.cert.CertificateSource;
import dev.tdeveloper.security.cert.Certificates;
import dev.tdeveloper.security.cert.TestCertificates;
import dev.tdeveloper.security.tls.TlsPolicy;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class TlsAndCertificateChecksTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(T0);

  private PostureContext context(SecurityPolicy policy) {
    return new PostureContext(policy, clock.instant());
  }

  @Test
  void aTlsPolicyMatchingThePolicyPasses() {
    PostureCheck check = PostureChecks.tlsPolicy("https", TlsPolicy::defaults);

    assertThat(check.run(context(SecurityPolicy.defaults()))).isEmpty();
  }

  @Test
  void tls12AndForeignSuitesBelowATls13PolicyAreHighFindings() {
    TlsPolicy weaker =
        new TlsPolicy(
            "TLSv1.2", List.of("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));

    List<Finding> findings =
        PostureChecks.tlsPolicy("https", () -> weaker).run(context(SecurityPolicy.defaults()));

    assertThat(findings)
        .extracting(Finding::checkId, Finding::severity)
        .containsExactly(
            tuple("tls.protocol", Severity.HIGH), tuple("tls.cipher-suites", Severity.HIGH));
    assertThat(findings.get(0).observed()).isEqualTo("TLSv1.3, TLSv1.2");
    assertThat(findings.get(0).required()).isEqualTo("TLSv1.3 or newer: [TLSv1.3]");
    assertThat(findings.get(1).observed()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assertThat(findings)
        .allSatisfy(f -> assertThat(f.subject()).isEqualTo(Subject.platform("tls", "https")));
  }

  @Test
  void sslParametersWithBrokenProtocolsAreCriticalAndUnsetOnesAFinding() {
    SSLParameters legacy =
        new SSLParameters(
            TlsPolicy.DEFAULT_CIPHER_SUITES.toArray(String[]::new),
            new String[] {"TLSv1.3", "TLSv1"});
    SSLParameters unset = new SSLParameters();

    assertThat(
            PostureChecks.sslParameters("legacy", () -> legacy)
                .run(context(SecurityPolicy.defaults())))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.checkId()).isEqualTo("tls.protocol");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            });
    assertThat(
            PostureChecks.sslParameters("default", () -> unset)
                .run(context(SecurityPolicy.defaults())))
        .extracting(Finding::checkId)
        .containsExactly("tls.provider-defaults");
  }

  private static CertificateSource source(AtomicReference<X509Certificate> current) {
    return new CertificateSource() {
      @Override
      public String name() {
        return "server.p12";
      }

      @Override
      public Map<String, X509Certificate> load() {
        X509Certificate c = current.get();
        if (c == null) {
          throw new CertificateReadException("server.p12: keystore password was incorrect");
        }
        return Map.of("server", c);
      }
    };
  }

  @Test
  void certificatesAreCheckedAgainstTheMinimumDaysLeftAtScanTime() {
    X509Certificate cert =
        TestCertificates.selfSigned(
            TestCertificates.ecKeyPair(),
            "api.example.com",
            T0.minus(Duration.ofDays(1)),
            T0.plus(Duration.ofDays(45)));
    AtomicReference<X509Certificate> current = new AtomicReference<>(cert);
    CertificateMonitor monitor =
        CertificateMonitor.builder().source(source(current)).clock(clock).build();
    PostureCheck check = PostureChecks.certificates(monitor);

    assertThat(check.run(context(SecurityPolicy.defaults())))
        .extracting(Finding::checkId)
        .containsExactly("certificates.not-checked");
    monitor.check();
    assertThat(check.run(context(SecurityPolicy.defaults()))).isEmpty();

    clock.advance(Duration.ofDays(20)); // 25 days left, the monitor's report is now 20 days old
    assertThat(check.run(context(SecurityPolicy.defaults())))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.checkId()).isEqualTo("certificates.expiring");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.subject())
                  .isEqualTo(Subject.platform("certificate", Certificates.sha256Fingerprint(cert)));
              assertThat(f.observed()).isEqualTo("25 days left");
              assertThat(f.required()).isEqualTo("at least 30 days left");
            });

    clock.advance(Duration.ofDays(30));
    assertThat(check.run(context(SecurityPolicy.defaults())))
        .extracting(Finding::checkId, Finding::severity)
        .containsExactly(tuple("certificates.expired", Severity.CRITICAL));
  }

  @Test
  void anUnreadableSourceIsAFindingWithoutItsSecrets() {
    AtomicReference<X509Certificate> current = new AtomicReference<>();
    CertificateMonitor monitor =
        CertificateMonitor.builder().source(source(current)).clock(clock).build();
    monitor.check();

    assertThat(PostureChecks.certificates(monitor).run(context(SecurityPolicy.defaults())))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.checkId()).isEqualTo("certificates.unreadable");
              assertThat(f.subject())
                  .isEqualTo(Subject.platform("certificate-source", "server.p12"));
            });
  }
}
