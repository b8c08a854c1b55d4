package dev.tdeveloper.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.cert.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy in force on a real socket: a JDK server socket configured from {@link
 * ServerKeyMaterial} and {@link TlsPolicy}, and JDK client sockets restricted to one protocol.
 */
class TlsHandshakeTest {
  private static final KeyPair KEYS = TestCertificates.ecKeyPair();
  private static final X509Certificate CERT = TestCertificates.selfSigned(KEYS);

  @TempDir Path dir;
  private final ExecutorService acceptor = Executors.newSingleThreadExecutor();
  private SSLServerSocket server;
  private Future<String> accepted;

  @BeforeEach
  void listen() throws Exception {
    ServerKeyMaterial material =
        ServerKeyMaterial.fromPem(
            TestCertificates.writePem(dir.resolve("cert.pem"), CERT),
            TestCertificates.writeKeyPem(dir.resolve("key.pem"), KEYS.getPrivate()));
    TlsPolicy policy = TlsPolicy.defaults();
    SSLContext context = material.sslContext(policy);
    server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    server.setSSLParameters(policy.sslParameters(context));
    accepted =
        acceptor.submit(
            () -> {
              try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.startHandshake();
                socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                return socket.getSession().getProtocol();
              }
            });
  }

  @AfterEach
  void close() throws IOException {
    server.close();
    acceptor.shutdownNow();
  }

  private SSLSocket client(String protocol) throws Exception {
    KeyStore trust = TestCertificates.keyStore("server", "trusted", CERT);
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers.getTrustManagers(), null);
    SSLSocket socket =
        (SSLSocket)
            context
                .getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
    socket.setEnabledProtocols(new String[] {protocol});
    socket.setSoTimeout(30_000); // a safety net against a hang, not a timing assertion
    return socket;
  }

  @Test
  void aTls13ClientIsServedWithAPolicySuite() throws Exception {
    try (SSLSocket socket = client("TLSv1.3")) {
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
      assertThat(TlsPolicy.defaults().cipherSuites())
          .contains(socket.getSession().getCipherSuite());
      assertThat(new String(socket.getInputStream().readNBytes(6), StandardCharsets.US_ASCII))
          .isEqualTo("hello\n");
    }
    assertThat(accepted.get()).isEqualTo("TLSv1.3");
  }

  @Test
  void aTls12ClientIsRefused() throws Exception {
    try (SSLSocket socket = client("TLSv1.2")) {
      assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLException.class);
    }
    assertThatThrownBy(accepted::get).hasCauseInstanceOf(SSLException.class);
  }
}
