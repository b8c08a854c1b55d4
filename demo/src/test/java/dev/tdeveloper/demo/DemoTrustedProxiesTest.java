package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shield behind a load balancer, over real HTTP: with {@code DEMO_TRUSTED_PROXIES} naming the
 * peer, each {@code X-Forwarded-For} client has its own per-IP count and ban; from any other peer
 * the header is ignored. The ticker stands still, so every request falls in the same minute.
 */
class DemoTrustedProxiesTest {
  private static final int LIMIT = 5;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void behindATrustedProxyEachForwardedClientIsCountedAndBannedApart() throws Exception {
    try (DemoApp app = start("127.0.0.1")) {
      for (int i = 0; i < LIMIT; i++) {
        assertThat(health(app, "198.51.100.1").statusCode()).isEqualTo(200);
      }
      HttpResponse<String> banned = health(app, "198.51.100.1");
      assertThat(banned.statusCode()).isEqualTo(429);
      assertThat(banned.body()).contains("heavy-hitter");
      assertThat(health(app, "198.51.100.1").statusCode()).isEqualTo(429);
      // Another client behind the same proxy is still served, and so is the proxy itself.
      assertThat(health(app, "198.51.100.2").statusCode()).isEqualTo(200);
      assertThat(health(app, "203.0.113.9, 198.51.100.2").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void fromAnUntrustedPeerTheForwardedHeaderIsIgnored() throws Exception {
    try (DemoApp app = start("10.0.0.0/8")) {
      // Two claimed clients, one real peer: the peer's count runs out for both.
      for (int i = 0; i < LIMIT; i++) {
        assertThat(health(app, i % 2 == 0 ? "198.51.100.1" : "198.51.100.2").statusCode())
            .isEqualTo(200);
      }
      assertThat(health(app, "198.51.100.3").statusCode()).isEqualTo(429);
      assertThat(health(app, "198.51.100.4").statusCode()).isEqualTo(429);
    }
  }

  private DemoApp start(String trustedProxies) throws Exception {
    Path config = dir.resolve("tenants.yaml");
    Files.copy(DemoAppTest.SHIPPED, config);
    DemoOptions options =
        new DemoOptions(
            0,
            config,
            dir.resolve("data"),
            List.of("localhost"),
            Optional.of("operator-t0ken-for-tests"));
    return DemoApp.start(
        options,
        InstantSource.system(),
        () -> 0L,
        OpenTelemetry.noop(),
        Map.of(
            DemoProtection.TRUSTED_PROXIES_ENV,
            trustedProxies,
            DemoProtection.IP_LIMIT_ENV,
            Integer.toString(LIMIT)));
  }

  private HttpResponse<String> health(DemoApp app, String forwardedFor) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health"))
            .header("X-Forwarded-For", forwardedFor)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
