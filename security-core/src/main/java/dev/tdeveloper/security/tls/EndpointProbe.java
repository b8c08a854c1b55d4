package dev.tdeveloper.security.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Handshakes with an endpoint offering one protocol and a set of cipher suites, to see what it
 * accepts. It audits, not authenticates: the server's certificate is recorded, not verified, and no
 * data is sent. Thread-safe (stateless).
 */
final class EndpointProbe {
  /** What one handshake showed: the negotiated suite and the server's chain, or nothing. */
  record Result(Optional<String> cipherSuite, List<X509Certificate> chain) {}

  private EndpointProbe() {}

  /**
   * Handshakes with {@code host:port} offering {@code protocol} and {@code suites}.
   *
   * @return the suite and chain, or an empty result if the server refused the handshake
   * @throws IOException if the endpoint cannot be reached (connection refused, timeout)
   */
  static Result handshake(
      String host, int port, String protocol, List<String> suites, Duration timeout)
      throws IOException {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(host, port), millis);
      plain.setSoTimeout(millis);
    } catch (IOException e) {
      plain.close();
      throw e;
    }
    try (SSLSocket socket =
        (SSLSocket) context().getSocketFactory().createSocket(plain, host, port, true)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setProtocols(new String[] {protocol});
      parameters.setCipherSuites(suites.toArray(String[]::new));
      if (!host.isEmpty() && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
        parameters.setServerNames(List.of(new SNIHostName(host)));
      }
      socket.setSSLParameters(parameters);
      try {
        socket.startHandshake();
      } catch (SSLException | java.io.EOFException | java.net.SocketException e) {
        return new Result(Optional.empty(), List.of()); // refused: alert, or connection closed
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : socket.getSession().getPeerCertificates()) {
        if (certificate instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
      return new Result(Optional.of(socket.getSession().getCipherSuite()), List.copyOf(chain));
    }
  }

  /** Returns the suites this JVM supports for {@code protocol}. */
  static List<String> supportedSuites(String protocol) {
    List<String> suites = new ArrayList<>();
    for (String suite : context().getSupportedSSLParameters().getCipherSuites()) {
      boolean tls13 = TlsPolicy.TLS_1_3_CIPHER_SUITES.contains(suite);
      if (suite.endsWith("_SCSV") || tls13 != protocol.equals(TlsPolicy.TLS_1_3)) {
        continue;
      }
      suites.add(suite);
    }
    return suites;
  }

  private static SSLContext context() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new Recording()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new TlsConfigurationException("this JVM has no TLS client", e);
    }
  }

  /** Accepts any server certificate: the probe records it, and checks it separately. */
  private static final class Recording extends X509ExtendedTrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("a probe is never a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("a probe is never a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("a probe is never a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
