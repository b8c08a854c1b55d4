package dev.tdeveloper.demo;

import dev.tdeveloper.security.cert.CertificateEvent;
import dev.tdeveloper.security.cert.CertificateMonitor;
import dev.tdeveloper.security.cert.CertificateSource;
import dev.tdeveloper.security.cert.CertificateStatus;
import dev.tdeveloper.security.tls.ServerKeyMaterial;
import dev.tdeveloper.security.tls.TlsPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's TLS endpoint: the server's key material (from the options, or the generated
 * development certificate), a Jetty connector speaking only TLS 1.3 with the {@link TlsPolicy}'s
 * cipher suites, HTTP/2 (h2) and HTTP/1.1 negotiated by ALPN, and HSTS on every answer, and the
 * {@link CertificateMonitor} watching the certificate in use. Thread-safe.
 */
final class TlsEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(TlsEndpoint.class);

  /** {@code Strict-Transport-Security: max-age} of every TLS answer: one year, in seconds. */
  static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

  private final ServerKeyMaterial material;
  private final TlsPolicy policy;
  private final CertificateMonitor monitor;

  private TlsEndpoint(ServerKeyMaterial material, CertificateSource watched, InstantSource clock) {
    this.material = material;
    this.policy = TlsPolicy.defaults();
    this.monitor =
        CertificateMonitor.builder()
            .source(watched)
            .clock(clock)
            .listener(TlsEndpoint::log)
            .build();
  }

  /**
   * Loads (or, for {@link DemoTls.SelfSigned}, generates) the key material {@code tls} names.
   *
   * @throws dev.tdeveloper.security.cert.CertificateReadException naming the file and what is wrong
   *     with it
   */
  static TlsEndpoint open(DemoTls tls, Path dataDir, InstantSource clock) throws IOException {
    if (tls instanceof DemoTls.Pkcs12 p12) {
      char[] password = p12.password();
      try {
        return new TlsEndpoint(
            ServerKeyMaterial.fromPkcs12(p12.keyStore(), password),
            CertificateSource.pkcs12File(p12.keyStore(), password),
            clock);
      } finally {
        Arrays.fill(password, '\0');
      }
    }
    if (tls instanceof DemoTls.Pem pem) {
      return new TlsEndpoint(
          ServerKeyMaterial.fromPem(pem.certificateChain(), pem.privateKey()),
          CertificateSource.pemFile(pem.certificateChain()),
          clock);
    }
    if (tls instanceof DemoTls.SelfSigned) {
      Path file = SelfSignedCertificate.ensure(dataDir.resolve("tls"), clock);
      return new TlsEndpoint(
          ServerKeyMaterial.fromPem(file, file), CertificateSource.pemFile(file), clock);
    }
    throw new IllegalArgumentException("TLS is off: " + tls);
  }

  /** Returns a connector on {@code host:port} serving only TLS 1.3, h2 and HTTP/1.1 over it. */
  ServerConnector connector(Server server, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(material.sslContext(policy));
    ssl.setIncludeProtocols(policy.enabledProtocols().toArray(String[]::new));
    ssl.setIncludeCipherSuites(policy.cipherSuites().toArray(String[]::new));
    ssl.setUseCipherSuitesOrder(true);
    ssl.setRenegotiationAllowed(false);

    HttpConfiguration https = new HttpConfiguration();
    https.setSecureScheme("https");
    https.setSecurePort(port);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setStsMaxAge(HSTS_MAX_AGE_SECONDS);
    https.addCustomizer(secure);

    HttpConnectionFactory http11 = new HttpConnectionFactory(https);
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(http11.getProtocol());
    SslConnectionFactory tls = new SslConnectionFactory(ssl, alpn.getProtocol());
    ServerConnector connector = new ServerConnector(server, tls, alpn, h2, http11);
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  /** Returns the key material in use. */
  ServerKeyMaterial material() {
    return material;
  }

  /** Returns the monitor of the certificate in use. */
  CertificateMonitor monitor() {
    return monitor;
  }

  /** Returns the protocols and cipher suites the connector enables. */
  TlsPolicy policy() {
    return policy;
  }

  /** Logs a check's days left, and alerts as warnings. */
  private static void log(CertificateEvent event) {
    if (event instanceof CertificateEvent.Checked checked) {
      CertificateStatus s = checked.status();
      LOG.info(
          "TLS certificate {} ({} {}): {}, {} days left (until {}), SHA-256 {}",
          s.subject(),
          s.source(),
          s.entry(),
          s.state(),
          s.daysLeft(),
          s.notAfter(),
          s.sha256Fingerprint());
    } else if (event instanceof CertificateEvent.ExpiringSoon soon) {
      LOG.warn(
          "TLS certificate {} expires within {} days: {} days left; renew it",
          soon.status().subject(),
          soon.threshold().toDays(),
          soon.status().daysLeft());
    } else if (event instanceof CertificateEvent.Expired expired) {
      LOG.error(
          "TLS certificate {} EXPIRED at {}; clients will refuse it",
          expired.status().subject(),
          expired.status().notAfter());
    } else if (event instanceof CertificateEvent.SourceFailed failed) {
      LOG.warn("cannot check the TLS certificate in {}: {}", failed.source(), failed.reason());
    }
  }
}
