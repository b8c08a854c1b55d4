package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.cert.CertificateReadException;
import dev.tdeveloper.security.cert.Certificates;
import dev.tdeveloper.security.cert.LocalCertificateAuthority;
import dev.tdeveloper.security.spi.CertificateRequest;
import dev.tdeveloper.security.tls.ServerKeyMaterial;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo with {@code --tls} on real sockets: JDK clients restricted to one protocol, plain HTTP
 * to the TLS port, HTTP/2 by ALPN, and the PKCS#12, PEM and local-CA certificate paths, the last
 * renewed without a restart.
 */
class DemoTlsTest {
  private static final String TOKEN = "operator-t0ken-for-tests";
  private static final String HSTS = "Strict-Transport-Security: max-age=31536000";

  @TempDir Path dir;
  private Path config;
  private DemoApp app;

  @BeforeEach
  void copyConfig() throws IOException {
    config = dir.resolve("tenants.yaml");
    Files.copy(DemoAppTest.SHIPPED, config);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private DemoApp start(DemoTls tls) throws Exception {
    return start(tls, InstantSource.system());
  }

  private DemoApp start(DemoTls tls, InstantSource clock) throws Exception {
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve("data"), List.of("localhost"), Optional.of(TOKEN))
            .withTls(tls);
    app = DemoApp.start(options, clock);
    return app;
  }

  /** The local CA's certificate, which clients trust. */
  private X509Certificate caCertificate() {
    return Certificates.readPem(dir.resolve("data/tls/ca/ca-cert.pem")).get(0);
  }

  /** The certificate the server presents to a new connection. */
  private String servedFingerprint() throws Exception {
    try (SSLSocket socket =
        TlsClients.socket(TlsClients.trusting(caCertificate()), app.port(), "TLSv1.3")) {
      socket.startHandshake();
      return Certificates.sha256Fingerprint(
          (X509Certificate) socket.getSession().getPeerCertificates()[0]);
    }
  }

  /** A certificate for localhost and 127.0.0.1 from a CA of the test's own. */
  private X509Certificate issued(KeyPair keys) {
    return LocalCertificateAuthority.open(dir.resolve("test-ca"))
        .issue(CertificateRequest.forKeyPair(keys, Duration.ofDays(90), "localhost", "127.0.0.1"))
        .certificate();
  }

  @Test
  void aTls12ClientIsRefused() throws Exception {
    start(new DemoTls.LocalCa());
    try (SSLSocket socket =
        TlsClients.socket(TlsClients.trusting(caCertificate()), app.port(), "TLSv1.2")) {
      assertThatThrownBy(socket::startHandshake)
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("protocol_version");
    }
  }

  @Test
  void aTls13ClientGetsAnHttpAnswerWithHsts() throws Exception {
    start(new DemoTls.LocalCa());
    assertThat(app.tls()).isTrue();
    try (SSLSocket socket =
        TlsClients.socket(TlsClients.trusting(caCertificate()), app.port(), "TLSv1.3")) {
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
      assertThat(List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"))
          .contains(socket.getSession().getCipherSuite());
      String answer = TlsClients.get(socket, "/health");
      assertThat(answer).startsWith("HTTP/1.1 200 ").contains(HSTS).endsWith("{\"status\":\"UP\"}");
    }
  }

  @Test
  void plainHttpToTheTlsPortGetsNoHttpAnswer() throws Exception {
    start(new DemoTls.LocalCa());
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
      socket.setSoTimeout(TlsClients.SOCKET_TIMEOUT_MILLIS);
      String answer;
      try {
        answer = TlsClients.get(socket, "/health");
      } catch (IOException reset) {
        answer = ""; // the server dropped the connection
      }
      assertThat(answer).doesNotContain("HTTP/").doesNotContain("UP");
    }
  }

  @Test
  void negotiatesHttp2ByAlpnAndAnswersWithHsts() throws Exception {
    start(new DemoTls.LocalCa());
    SSLContext trusting = TlsClients.trusting(caCertificate());
    try (SSLSocket socket = TlsClients.socket(trusting, app.port(), "TLSv1.3")) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
    }
    HttpClient http2 =
        HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> notes =
        http2.send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + app.port() + "/notes"))
                .header("Accept", "*/*")
                .header("X-Tenant-Id", "acme")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(notes.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(notes.statusCode()).isEqualTo(200);
    assertThat(notes.headers().firstValue("strict-transport-security"))
        .hasValue("max-age=31536000");
  }

  @Test
  void keepsTheLocalCaCertificateAcrossRestartsAndMonitorsIt() throws Exception {
    start(new DemoTls.LocalCa());
    Path tlsDir = dir.resolve("data/tls");
    Path serverFile = tlsDir.resolve("demo-tls.pem");
    ServerKeyMaterial onDisk = ServerKeyMaterial.fromPem(serverFile, serverFile);
    String fingerprint = app.certificateFingerprint().orElseThrow();
    assertThat(fingerprint).isEqualTo(onDisk.sha256Fingerprint()).isEqualTo(servedFingerprint());
    assertThat(app.caCertificateFile()).contains(tlsDir.resolve("ca/ca-cert.pem"));
    assertThat(onDisk.certificate().getIssuerX500Principal())
        .isEqualTo(caCertificate().getSubjectX500Principal());
    assertThat(
            onDisk.certificate().getSubjectAlternativeNames().stream()
                .map(n -> String.valueOf(n.get(1)))
                .toList())
        .contains("localhost", "*.localhost", "127.0.0.1");
    if (Files.getFileAttributeView(tlsDir, PosixFileAttributeView.class) != null) {
      assertThat(permissions(serverFile)).isEqualTo("rw-------");
      assertThat(permissions(tlsDir.resolve("ca/ca.pem"))).isEqualTo("rw-------");
      assertThat(permissions(tlsDir.resolve("ca/ca-cert.pem"))).isEqualTo("rw-r--r--");
    }

    HttpClient http =
        HttpClient.newBuilder().sslContext(TlsClients.trusting(caCertificate())).build();
    HttpResponse<String> report =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + app.port() + "/ops/certificates"))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body())
        .contains(
            "\"sha256Fingerprint\":\"" + fingerprint + "\"",
            "\"daysLeft\":89",
            "\"state\":\"VALID\"");

    app.close();
    start(new DemoTls.LocalCa());
    assertThat(app.certificateFingerprint()).contains(fingerprint);
  }

  @Test
  void renewsPastTwoThirdsOfTheLifetimeWithoutARestart() throws Exception {
    // Issued 61 days ago, so the renewed certificate starts in the past of the client's clock.
    Instant realNow = Instant.now();
    AtomicReference<Instant> now = new AtomicReference<>(realNow.minus(Duration.ofDays(61)));
    start(new DemoTls.LocalCa(), now::get);
    String old = app.certificateFingerprint().orElseThrow();
    assertThat(servedFingerprint()).isEqualTo(old);
    now.set(realNow.minus(Duration.ofDays(2))); // 59 of 90 days: not due
    app.renewCertificateIfDue();
    assertThat(servedFingerprint()).isEqualTo(old);

    now.set(realNow.minus(Duration.ofDays(1))); // 60 days: two thirds
    app.renewCertificateIfDue();
    String renewed = app.certificateFingerprint().orElseThrow();
    assertThat(renewed).isNotEqualTo(old);
    assertThat(servedFingerprint()).isEqualTo(renewed);
    assertServesNotes(caCertificate());
    Path serverFile = dir.resolve("data/tls/demo-tls.pem");
    assertThat(ServerKeyMaterial.fromPem(serverFile, serverFile).sha256Fingerprint())
        .isEqualTo(renewed);
  }

  @Test
  void replacesACertificatePastTwoThirdsOfItsLifetimeAtStart() throws Exception {
    start(new DemoTls.LocalCa(), InstantSource.fixed(Instant.now().minus(Duration.ofDays(61))));
    String old = app.certificateFingerprint().orElseThrow();
    app.close();
    start(new DemoTls.LocalCa());
    assertThat(app.certificateFingerprint().orElseThrow()).isNotEqualTo(old);
    assertThat(servedFingerprint()).isEqualTo(app.certificateFingerprint().orElseThrow());
  }

  @Test
  void servesAPkcs12KeyStore() throws Exception {
    KeyPair keys = TlsClients.ecKeys();
    X509Certificate cert = issued(keys);
    Path p12 = dir.resolve("server.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server", keys.getPrivate(), "p12-pass".toCharArray(), new X509Certificate[] {cert});
    try (OutputStream out = Files.newOutputStream(p12)) {
      store.store(out, "p12-pass".toCharArray());
    }
    start(new DemoTls.Pkcs12(p12, "p12-pass".toCharArray()));
    assertThat(app.certificateFingerprint()).contains(Certificates.sha256Fingerprint(cert));
    assertServesNotes(cert);
  }

  @Test
  void servesPemFiles() throws Exception {
    KeyPair keys = TlsClients.ecKeys();
    X509Certificate cert = issued(keys);
    Path certFile = TlsClients.writePem(dir.resolve("cert.pem"), "CERTIFICATE", cert.getEncoded());
    Path keyFile =
        TlsClients.writePem(dir.resolve("key.pem"), "PRIVATE KEY", keys.getPrivate().getEncoded());
    start(new DemoTls.Pem(certFile, keyFile));
    assertThat(app.certificateFingerprint()).contains(Certificates.sha256Fingerprint(cert));
    assertServesNotes(cert);
  }

  @Test
  void badKeyMaterialStopsTheStartNamingTheFileButNoSecret() throws Exception {
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> start(new DemoTls.Pem(missing, missing)))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage("PEM file " + missing + " (certificates) does not exist");
    KeyPair keys = TlsClients.ecKeys();
    X509Certificate cert = issued(keys);
    Path p12 = dir.resolve("server.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server", keys.getPrivate(), "right-pass".toCharArray(), new X509Certificate[] {cert});
    try (OutputStream out = Files.newOutputStream(p12)) {
      store.store(out, "right-pass".toCharArray());
    }
    DemoTls.Pkcs12 wrong = new DemoTls.Pkcs12(p12, "wrong-pass".toCharArray());
    assertThat(wrong.toString()).doesNotContain("wrong-pass");
    assertThatThrownBy(() -> start(wrong))
        .hasMessage("cannot open PKCS#12 key store " + p12 + ": wrong password")
        .satisfies(e -> assertThat(e.toString()).doesNotContain("pass\""));
  }

  private static String permissions(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private void assertServesNotes(X509Certificate trusted) throws Exception {
    try (SSLSocket socket =
        TlsClients.socket(TlsClients.trusting(trusted), app.port(), "TLSv1.3")) {
      String answer = TlsClients.get(socket, "/notes", "X-Tenant-Id: acme");
      assertThat(answer).startsWith("HTTP/1.1 200 ").contains(HSTS, "\"count\":0");
    }
  }
}
