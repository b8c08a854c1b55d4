package dev.tdeveloper.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the demo service: {@code java -jar demo/target/demo.jar [--port 8080] [--config ...]
 * [--tls] [--keystore server.p12 --keystore-password P | --cert cert.pem --key key.pem]
 * [--master-key-file master.key] [--redis redis://host:port] [--postgres
 * jdbc:postgresql://host:port/db [--postgres-user U] [--postgres-isolation database|schema|row]]
 * [--s3-bucket NAME [--s3-endpoint URL]] [--kms-key KEY-ID-OR-ARN]} (the PostgreSQL password from
 * {@code DEMO_POSTGRES_PASSWORD}; AWS credentials and region from the SDK's default chains; see
 * {@link DemoOptions#parse}).
 */
public final class DemoServer {
  private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);

  private DemoServer() {}

  /** Runs the service until the process is stopped. */
  public static void main(String[] args) throws Exception {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    DemoApp app = DemoApp.start(options, java.time.InstantSource.system());
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "demo-shutdown"));
    if (app.tls()) {
      LOG.info(
          "demo listening on https://localhost:{} (TLS 1.3 only; certificate SHA-256 {}); try:"
              + " curl --tlsv1.3 --cacert {} -H 'X-Tenant-Id: acme' https://localhost:{}/notes",
          app.port(),
          app.certificateFingerprint().orElseThrow(),
          app.caCertificateFile().map(Object::toString).orElse("<your CA certificate>"),
          app.port());
      app.caCertificateFile()
          .ifPresent(
              ca -> LOG.info("local development CA certificate (trust it in clients): {}", ca));
    } else {
      LOG.info(
          "demo listening on http://localhost:{} (try: curl -H 'X-Tenant-Id: acme' "
              + "http://localhost:{}/notes)",
          app.port(),
          app.port());
    }
    LOG.info("operator token for /ops and /admin (Authorization: Bearer): {}", app.adminToken());
    app.join();
  }
}
