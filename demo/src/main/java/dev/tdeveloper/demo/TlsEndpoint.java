package dev.tdeveloper.demo;

import dev.tdeveloper.security.cert.CertificateEvent;
import dev.tdeveloper.security.cert.CertificateMonitor;
import dev.tdeveloper.security.cert.CertificateRenewer;
import dev.tdeveloper.security.cert.CertificateSource;
import dev.tdeveloper.security.cert.CertificateStatus;
import dev.tdeveloper.security.cert.LocalCertificateAuthority;
import dev.tdeveloper.security.cert.RenewalEvent;
import dev.tdeveloper.security.tls.ServerKeyMaterial;
import dev.tdeveloper.security.tls.TlsPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
 * The demo's TLS endpoint: the server's key material (from the options, or issued by the local
 * development CA and renewed by a {@link CertificateRenewer}), a Jetty connector speaking only TLS
 * 1.3 with the {@link TlsPolicy}'s cipher suites, HTTP/2 (h2) and HTTP/1.1 negotiated by ALPN, and
 * HSTS on every answer, and the {@link CertificateMonitor} watching the certificate in use. A
 * renewed certificate is swapped into the running connector ({@code SslContextFactory.reload}).
 * Thread-safe.
 */
final class TlsEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(TlsEndpoint.class);

  /** {@code Strict-Transport-Security: max-age} of every TLS answer: one year, in seconds. */
  static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

  /** The local CA's directory under the data directory. */
  static final String CA_DIR = "tls/ca";

  /** The renewed key material (key, then certificate) under the data directory, owner-only. */
  static final String SERVER_FILE = "tls/demo-tls.pem";

  /** What the local CA certifies. */
  static final String[] NAMES = {"localhost", "*.localhost", "127.0.0.1", "::1"};

  /** How long a certificate from the local CA is valid. */
  static final Duration VALIDITY = Duration.ofDays(90);

  private final TlsPolicy policy = TlsPolicy.defaults();
  private final Optional<LocalCertificateAuthority> ca;
  private final Optional<CertificateRenewer> renewer;
  private final CertificateMonitor monitor;
  private final SslContextFactory.Server ssl = new SslContextFactory.Server();
  private volatile ServerKeyMaterial material;

  private TlsEndpoint(
      ServerKeyMaterial material,
      CertificateSource watched,
      InstantSource clock,
      Optional<LocalCertificateAuthority> ca,
      Optional<CertificateRenewer> renewer) {
    this.material = material;
    this.ca = ca;
    this.renewer = renewer;
    this.monitor =
        CertificateMonitor.builder()
            .source(watched)
            .clock(clock)
            .listener(TlsEndpoint::log)
            .build();
    ssl.setSslContext(material.sslContext(policy));
  }

  /**
   * Loads the key material {@code tls} names or, for {@link DemoTls.LocalCa}, opens the local CA
   * and has it issue a certificate unless a current one is on disk.
   *
   * @throws dev.tdeveloper.security.cert.CertificateReadException naming the file and what is wrong
   *     with it
   * @throws dev.tdeveloper.security.cert.CertificateRenewalException if the local CA cannot issue
   */
  static TlsEndpoint open(DemoTls tls, Path dataDir, InstantSource clock) {
    if (tls instanceof DemoTls.Pkcs12 p12) {
      char[] password = p12.password();
      try {
        return new TlsEndpoint(
            ServerKeyMaterial.fromPkcs12(p12.keyStore(), password),
            CertificateSource.pkcs12File(p12.keyStore(), password),
            clock,
            Optional.empty(),
            Optional.empty());
      } finally {
        Arrays.fill(password, '\0');
      }
    }
    if (tls instanceof DemoTls.Pem pem) {
      return new TlsEndpoint(
          ServerKeyMaterial.fromPem(pem.certificateChain(), pem.privateKey()),
          CertificateSource.pemFile(pem.certificateChain()),
          clock,
          Optional.empty(),
          Optional.empty());
    }
    if (tls instanceof DemoTls.LocalCa) {
      LocalCertificateAuthority ca = LocalCertificateAuthority.open(dataDir.resolve(CA_DIR), clock);
      AtomicReference<TlsEndpoint> endpoint = new AtomicReference<>();
      CertificateRenewer renewer =
          CertificateRenewer.builder()
              .issuer(ca)
              .file(dataDir.resolve(SERVER_FILE))
              .names(NAMES)
              .validity(VALIDITY)
              .clock(clock)
              .listener(TlsEndpoint::log)
              .listener(
                  event -> {
                    if (event instanceof RenewalEvent.Succeeded renewed && endpoint.get() != null) {
                      endpoint.get().swap(renewed.material());
                    }
                  })
              .build();
      ServerKeyMaterial material = renewer.ensureCurrent();
      endpoint.set(
          new TlsEndpoint(
              material, renewer.source(), clock, Optional.of(ca), Optional.of(renewer)));
      return endpoint.get();
    }
    throw new IllegalArgumentException("TLS is off: " + tls);
  }

  /** Puts {@code renewed} in force for new connections, without a restart. */
  private void swap(ServerKeyMaterial renewed) {
    try {
      ssl.reload(factory -> factory.setSslContext(renewed.sslContext(policy)));
      material = renewed;
      LOG.info("TLS certificate renewed and reloaded: SHA-256 {}", renewed.sha256Fingerprint());
      monitor.check();
    } catch (Exception e) {
      LOG.error("the renewed TLS certificate could not be put in force; still serving the old", e);
    }
  }

  /** Returns a connector on {@code host:port} serving only TLS 1.3, h2 and HTTP/1.1 over it. */
  ServerConnector connector(Server server, String host, int port) {
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

  /** Returns the renewer of a local-CA certificate. */
  Optional<CertificateRenewer> renewer() {
    return renewer;
  }

  /** Returns the local CA's certificate file, for clients to trust, when the local CA is used. */
  Optional<Path> caCertificateFile() {
    return ca.map(LocalCertificateAuthority::caCertificateFile);
  }

  /** Logs renewals: attempts at info, failures as errors (repeated at each retry). */
  private static void log(RenewalEvent event) {
    if (event instanceof RenewalEvent.Started started) {
      LOG.info(
          "issuing a TLS certificate from the local CA into {} ({}, attempt {})",
          started.file(),
          started.trigger(),
          started.attempt());
    } else if (event instanceof RenewalEvent.Failed failed) {
      LOG.error(
          "TLS certificate renewal of {} failed (attempt {}): {}; next attempt after {}",
          failed.file(),
          failed.attempt(),
          failed.reason(),
          failed.nextAttempt());
    }
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
