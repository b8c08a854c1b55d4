package dev.tdeveloper.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the demo service: {@code java -jar demo/target/demo.jar [--port 8080] [--config ...]}. */
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
    LOG.info(
        "demo listening on http://localhost:{} (try: curl -H 'X-Tenant-Id: acme' "
            + "http://localhost:{}/notes); operator token for /ops and /admin"
            + " (Authorization: Bearer): {}",
        app.port(),
        app.port(),
        app.adminToken());
    app.join();
  }
}
