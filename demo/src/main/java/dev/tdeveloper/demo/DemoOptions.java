package dev.tdeveloper.demo;

import dev.tdeveloper.web.operator.BearerTokenAuthenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo's command-line options.
 *
 * @param port the HTTP port ({@code 0} picks a free one)
 * @param config the {@code tenants.yaml} to load and watch
 * @param dataDir where durable state (usage events, provisioning journal) is kept
 * @param baseDomains the domains whose first label names the tenant ({@code acme.localhost})
 * @param adminToken the operator token {@code /admin} and {@code /ops} requests must carry as
 *     {@code Authorization: Bearer <token>}; 16-512 printable ASCII characters, random when absent
 */
public record DemoOptions(
    int port, Path config, Path dataDir, List<String> baseDomains, Optional<String> adminToken) {
  /** Where the configuration lives in the source tree, used when running from a checkout. */
  static final Path SOURCE_CONFIG =
      Path.of("demo/src/main/resources/config/production/tenants.yaml");

  /** Validates the options. */
  public DemoOptions {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(dataDir, "dataDir");
    baseDomains = List.copyOf(baseDomains);
    Objects.requireNonNull(adminToken, "adminToken");
    adminToken.ifPresent(
        token -> {
          if (token.length() < BearerTokenAuthenticator.MIN_TOKEN_LENGTH
              || token.length() > BearerTokenAuthenticator.MAX_TOKEN_LENGTH
              || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(
                "--admin-token must be 16-512 printable ASCII characters without spaces, was "
                    + token.length()
                    + " characters (value not shown)");
          }
        });
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0-65535, was " + port);
    }
  }

  /**
   * Parses {@code --port N}, {@code --config PATH}, {@code --data-dir PATH}, {@code --admin-token
   * T}. Without {@code --config}, the checkout's {@code tenants.yaml} is used when present (so
   * edits to it are reloaded live), else {@code config/production/tenants.yaml} under the working
   * directory, else the copy bundled in the jar is extracted to the data directory.
   *
   * @throws IllegalArgumentException naming an unknown option or a bad value
   */
  public static DemoOptions parse(String... args) {
    int port = 8080;
    Path config = null;
    Path dataDir = Path.of("data");
    String token = null;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--port" -> port = parsePort(value);
        case "--config" -> config = Path.of(value);
        case "--data-dir" -> dataDir = Path.of(value);
        case "--admin-token" -> token = value;
        default ->
            throw new IllegalArgumentException(
                "unknown option " + name + "; known: --port, --config, --data-dir, --admin-token");
      }
    }
    if (config == null) {
      Path local = Path.of("config/production/tenants.yaml");
      config = Files.exists(SOURCE_CONFIG) ? SOURCE_CONFIG : local;
    }
    return new DemoOptions(
        port, config, dataDir, List.of("localhost", "example.com"), Optional.ofNullable(token));
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, was '" + value + "'");
    }
  }
}
