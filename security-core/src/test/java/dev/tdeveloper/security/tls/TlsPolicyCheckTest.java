package dev.tdeveloper.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.cert.Certificates;
import dev.tdeveloper.security.cert.TestCertificates;
import dev.tdeveloper.security.tls.TlsFinding.Severity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameters and live JDK server sockets, configured well and badly, checked against the policy.
 */
class TlsPolicyCheckTest {
  private static final KeyPair KEYS = TestCertificates.ecKeyPair();
  private static final X509Certificate CERT = TestCertificates.selfSigned(KEYS);
  private static final TlsPolicy POLICY = TlsPolicy.defaults();

  @TempDir Path dir;
  private final ExecutorService acceptor = Executors.newSingleThreadExecutor();
  private SSLServerSocket server;

  @AfterEach
  void close() throws IOException {
    if (server != null) {
      server.close();
    }
    acceptor.shutdownNow();
  }

  private ServerKeyMaterial material(X509Certificate certificate) throws IOException {
    return ServerKeyMaterial.fromPem(
        TestCertificates.writePem(dir.resolve("cert.pem"), certificate),
        TestCertificates.writeKeyPem(dir.resolve("key.pem"), KEYS.getPrivate()));
  }

  /** Serves handshakes on a loopback port until closed, configured by {@code configure}. */
  private int serve(Consumer<SSLServerSocket> configure) throws Exception {
    SSLContext context = material(CERT).sslContext(POLICY);
    server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
    configure.accept(server);
    acceptor.submit(
        () -> {
          while (!server.isClosed()) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
              socket.setSoTimeout(30_000); // a safety net, not a timing assertion
              socket.startHandshake();
            } catch (IOException refusedOrClosed) {
              // a refused handshake, or the server socket closed at the end of the test
            }
          }
          return null;
        });
    return server.getLocalPort();
  }

  @Test
  void theEndpointOfAPolicyConfiguredServerComplies() throws Exception {
    int port = serve(s -> s.setSSLParameters(POLICY.sslParameters(sslContext())));
    TlsCheckReport report = TlsPolicyCheck.of(POLICY).checkEndpoint("127.0.0.1", port);
    assertThat(report.findings()).isEmpty();
    assertThat(report.compliant()).isTrue();
    assertThat(report.protocols()).containsExactly("TLSv1.3");
    assertThat(report.negotiatedCipherSuites())
        .isEqualTo(Map.of("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
    assertThat(report.target()).isEqualTo("127.0.0.1:" + port);
  }

  @Test
  void anEndpointAcceptingTls12IsReportedWithTheSuiteItNegotiated() throws Exception {
    int port =
        serve(
            s -> {
              s.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
              s.setEnabledCipherSuites(s.getSupportedCipherSuites());
            });
    TlsCheckReport report = TlsPolicyCheck.of(POLICY).checkEndpoint("127.0.0.1", port);
    assertThat(report.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    String tls12Suite = report.negotiatedCipherSuites().get("TLSv1.2");
    assertThat(tls12Suite).startsWith("TLS_ECDHE_ECDSA_");
    assertThat(report.findings())
        .contains(
            new TlsFinding.ProtocolBelowMinimum("TLSv1.2", "TLSv1.3"),
            new TlsFinding.CipherSuiteNotAllowed(tls12Suite, Optional.of("TLSv1.2")));
    assertThat(report.worstSeverity()).contains(Severity.HIGH);
    assertThat(report.findings().get(0).message())
        .isEqualTo("TLSv1.2 is enabled, below the policy's minimum TLSv1.3");
  }

  @Test
  void anEndpointAcceptingASuiteOutsideANarrowPolicyIsReported() throws Exception {
    int port = serve(s -> s.setSSLParameters(POLICY.sslParameters(sslContext())));
    TlsPolicy narrow = POLICY.withCipherSuites("TLS_AES_256_GCM_SHA384");
    TlsCheckReport report = TlsPolicyCheck.of(narrow).checkEndpoint("127.0.0.1", port);
    assertThat(report.negotiatedCipherSuites()).containsEntry("TLSv1.3", "TLS_AES_256_GCM_SHA384");
    assertThat(report.findings()).hasSize(1);
    TlsFinding.CipherSuiteNotAllowed found =
        (TlsFinding.CipherSuiteNotAllowed) report.findings().get(0);
    assertThat(found.cipherSuite()).isIn("TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");
    assertThat(found.protocol()).contains("TLSv1.3");
    assertThat(found.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void anEndpointThatCannotBeReachedIsACheckFailure() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    TlsCheckReport report = TlsPolicyCheck.of(POLICY).checkEndpoint("127.0.0.1", port);
    assertThat(report.findings()).hasSize(1);
    assertThat(report.findings().get(0)).isInstanceOf(TlsFinding.CheckFailed.class);
    assertThat(report.findings().get(0).message())
        .startsWith("cannot check 127.0.0.1:" + port + ": ConnectException");
    assertThatThrownBy(() -> TlsPolicyCheck.of(POLICY).checkEndpoint("", 443))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TlsPolicyCheck.of(POLICY).checkEndpoint("localhost", 0))
        .hasMessage("an endpoint needs a host and a port 1-65535, was 'localhost':0");
  }

  @Test
  void policyParametersComplyAndTheJdkDefaultsDoNot() throws Exception {
    SSLContext context = sslContext();
    TlsPolicyCheck check = TlsPolicyCheck.of(POLICY);
    assertThat(check.check(POLICY.sslParameters(context)).findings()).isEmpty();

    TlsCheckReport defaults = check.check(context);
    assertThat(defaults.findings())
        .contains(new TlsFinding.ProtocolBelowMinimum("TLSv1.2", "TLSv1.3"));
    assertThat(defaults.findings())
        .filteredOn(TlsFinding.CipherSuiteNotAllowed.class::isInstance)
        .isNotEmpty()
        .allSatisfy(
            f ->
                assertThat(POLICY.cipherSuites())
                    .doesNotContain(((TlsFinding.CipherSuiteNotAllowed) f).cipherSuite()));
  }

  @Test
  void onlySuitesAnEnabledProtocolCanUseCount() {
    SSLParameters tls12Only =
        new SSLParameters(
            new String[] {
              "TLS_AES_128_GCM_SHA256",
              "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
              "TLS_RSA_WITH_NULL_SHA256"
            },
            new String[] {"TLSv1.2"});
    TlsCheckReport report = TlsPolicyCheck.of(POLICY).check(tls12Only);
    assertThat(report.findings())
        .containsExactly(
            new TlsFinding.RequiredProtocolMissing("TLSv1.3"),
            new TlsFinding.ProtocolBelowMinimum("TLSv1.2", "TLSv1.3"),
            new TlsFinding.CipherSuiteNotAllowed(
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", Optional.empty()),
            new TlsFinding.CipherSuiteNotAllowed("TLS_RSA_WITH_NULL_SHA256", Optional.empty()));
    assertThat(report.findings().get(3).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(report.worstSeverity()).contains(Severity.CRITICAL);

    TlsPolicy withTls12 =
        new TlsPolicy(
            "TLSv1.2",
            List.of("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
    SSLParameters both =
        new SSLParameters(
            new String[] {"TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"},
            new String[] {"TLSv1.3", "TLSv1.2", "TLSv1.1"});
    assertThat(TlsPolicyCheck.of(withTls12).check(both).findings())
        .containsExactly(new TlsFinding.ProtocolBelowMinimum("TLSv1.1", "TLSv1.2"));
    assertThat(new TlsFinding.ProtocolBelowMinimum("TLSv1.1", "TLSv1.2").severity())
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void reportsCertificatesExpiringWithinTheWarningOrNotValid() throws Exception {
    Instant now = Instant.parse("2026-05-01T00:00:00Z");
    X509Certificate soon =
        TestCertificates.selfSigned(
            KEYS, "soon", now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(10)));
    TlsPolicyCheck check = TlsPolicyCheck.of(POLICY).withClock(InstantSource.fixed(now));
    ServerKeyMaterial material = material(soon);
    SSLParameters parameters = POLICY.sslParameters(sslContext());
    assertThat(check.check(material, parameters).findings())
        .containsExactly(
            new TlsFinding.CertificateExpiring(
                "CN=soon",
                Certificates.sha256Fingerprint(soon),
                now.plus(Duration.ofDays(10)),
                Duration.ofDays(10)));
    assertThat(check.withExpiryWarning(Duration.ofDays(9)).check(material, parameters).findings())
        .isEmpty();
    TlsPolicyCheck later = check.withClock(InstantSource.fixed(now.plus(Duration.ofDays(11))));
    assertThat(later.check(material, parameters).findings())
        .singleElement()
        .isInstanceOf(TlsFinding.CertificateNotValid.class)
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    assertThatThrownBy(() -> check.withExpiryWarning(Duration.ZERO))
        .hasMessage("expiryWarning must be positive, was PT0S");
  }

  private SSLContext sslContext() {
    try {
      return material(CERT).sslContext(POLICY);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
