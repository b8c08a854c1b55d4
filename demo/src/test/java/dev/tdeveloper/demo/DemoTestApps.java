package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.time.Ticker;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Starts the demo for an HTTP test: the shipped {@code tenants.yaml} copied into {@code dir} on
 * first use, state in {@code dir/data}, an ephemeral port, {@code localhost} as base domain and an
 * operator token.
 */
final class DemoTestApps {
  private DemoTestApps() {}

  static DemoApp start(Path dir, String token, InstantSource clock, Ticker ticker)
      throws Exception {
    return start(dir, token, clock, ticker, UnaryOperator.identity());
  }

  /** As {@link #start(Path, String, InstantSource, Ticker)}, with the options adjusted first. */
  static DemoApp start(
      Path dir, String token, InstantSource clock, Ticker ticker, UnaryOperator<DemoOptions> adjust)
      throws Exception {
    Path config = dir.resolve("tenants.yaml");
    if (!Files.exists(config)) {
      Files.copy(DemoAppTest.SHIPPED, config);
    }
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve("data"), List.of("localhost"), Optional.of(token));
    return DemoApp.start(adjust.apply(options), clock, ticker);
  }

  /** As {@link #start(Path, String, InstantSource, Ticker)}, tracing requests with {@code otel}. */
  static DemoApp startTraced(
      Path dir, String token, InstantSource clock, Ticker ticker, OpenTelemetry otel)
      throws Exception {
    Path config = dir.resolve("tenants.yaml");
    if (!Files.exists(config)) {
      Files.copy(DemoAppTest.SHIPPED, config);
    }
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve("data"), List.of("localhost"), Optional.of(token));
    return DemoApp.start(options, clock, ticker, otel);
  }

  /** A GET to the running demo, with the operator {@code token} as bearer when one is given. */
  static HttpResponse<String> get(HttpClient http, DemoApp app, String path, Optional<String> token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*");
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
