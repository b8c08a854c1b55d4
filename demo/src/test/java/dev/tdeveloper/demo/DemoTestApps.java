package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.time.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Starts the demo for an HTTP test: the shipped {@code tenants.yaml} copied into {@code dir} on
 * first use, state in {@code dir/data}, an ephemeral port, {@code localhost} as base domain and an
 * operator token.
 */
final class DemoTestApps {
  private DemoTestApps() {}

  static DemoApp start(Path dir, String token, InstantSource clock, Ticker ticker)
      throws Exception {
    Path config = dir.resolve("tenants.yaml");
    if (!Files.exists(config)) {
      Files.copy(DemoAppTest.SHIPPED, config);
    }
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve("data"), List.of("localhost"), Optional.of(token));
    return DemoApp.start(options, clock, ticker);
  }
}
