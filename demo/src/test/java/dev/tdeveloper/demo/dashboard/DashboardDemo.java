package dev.tdeveloper.demo.dashboard;

import dev.tdeveloper.demo.DemoApp;
import dev.tdeveloper.demo.DemoOptions;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The demo for the dashboard tests: the shipped {@code tenants.yaml} (acme on pro, globex on
 * enterprise, initech on free), state under a temporary directory, an ephemeral port, and wall time
 * and rate limits on one {@link ManualClock}, so the traffic window and the buckets never move by
 * themselves.
 */
final class DashboardDemo implements AutoCloseable {
  static final String TOKEN = "operator-t0ken-for-dashboard-tests";
  private static final Path SHIPPED = Path.of("src/main/resources/config/production/tenants.yaml");

  final ManualClock clock = new ManualClock();
  final DemoApp app;
  private final HttpClient http = HttpClient.newHttpClient();

  DashboardDemo(Path dir) throws Exception {
    Path config = dir.resolve("tenants.yaml");
    Files.copy(SHIPPED, config);
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve("data"), List.of("localhost"), Optional.of(TOKEN));
    this.app = DemoApp.start(options, clock, clock);
  }

  String base() {
    return "http://127.0.0.1:" + app.port();
  }

  /** A GET of {@code path} (sent as is), with {@code bearer} as the operator token when given. */
  HttpResponse<String> get(String path, Optional<String> bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    bearer.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A tenant's GET of {@code /usage}, answering its status. */
  int tenantRequest(String tenant) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + "/usage"))
            .header("X-Tenant-Id", tenant)
            .header("Accept", "*/*") // the WAF (CRS 920300) scores a request without one
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Override
  public void close() {
    app.close();
  }
}
