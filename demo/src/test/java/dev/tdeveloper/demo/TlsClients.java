package dev.tdeveloper.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** JDK clients and key material for the demo's TLS tests. */
final class TlsClients {
  /** A safety net against a hung connection; never a timing assertion. */
  static final int SOCKET_TIMEOUT_MILLIS = 30_000;

  private TlsClients() {}

  /** A client context trusting only {@code certificate}. */
  static SSLContext trusting(X509Certificate certificate) throws GeneralSecurityException {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("demo", certificate);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A socket to the loopback {@code port} offering only {@code protocol}, not yet handshaken. */
  static SSLSocket socket(SSLContext context, int port, String protocol) throws IOException {
    SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
    socket.setEnabledProtocols(new String[] {protocol});
    socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
    return socket;
  }

  /** Sends an HTTP/1.1 GET with {@code Connection: close}; returns all the server sent back. */
  static String get(Socket socket, String path, String... headers) throws IOException {
    StringBuilder request =
        new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    OutputStream out = socket.getOutputStream();
    out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  /** A fresh EC P-256 key pair. */
  static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  /** Writes {@code der} as one PEM block. */
  static Path writePem(Path file, String label, byte[] der) throws IOException {
    return Files.writeString(
        file,
        "-----BEGIN "
            + label
            + "-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END "
            + label
            + "-----\n");
  }
}
