package dev.tdeveloper.web.waf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.web.testing.JettyServer;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OWASP CRS 3.3.4 at PL1 (a tenant at PL2) behind the filter in a real Jetty 12 server. */
class WafFilterCrsTest {
  static final List<WafFilterEvent> EVENTS = new CopyOnWriteArrayList<>();
  static JettyServer server;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Path.of(System.getProperty("tdeveloper.crs.dir", "/usr/share/modsecurity-crs"));
    Path setup = Path.of(System.getProperty("tdeveloper.crs.setup", "/etc/modsecurity/crs"));
    if (!Files.isDirectory(dir.resolve("rules"))) {
      throw new IllegalStateException(
          "CRS 3.3.4 not found in " + dir + ": apt-get install modsecurity-crs");
    }
    Waf waf = Waf.builder().crs(dir, setup).build();
    WafFilter filter =
        WafFilter.builder()
            .waf(waf)
            .policyResolver(
                request ->
                    "strict".equals(request.getHeader("X-Tenant"))
                        ? Optional.of(WafPolicy.defaults("strict").withParanoiaLevel(2))
                        : Optional.empty())
            .listener(EVENTS::add)
            .build();
    server =
        JettyServer.start(
            "/",
            context -> {
              context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
              context.addServlet(new ServletHolder(new WafTestServlet()), "/*");
            });
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void clear() {
    EVENTS.clear();
  }

  static final String[] BROWSER = {
    "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/126.0", "Accept", "application/json"
  };

  @Test
  void deniesAnSqlInjectionGetThroughTheAnomalyScore() throws Exception {
    var response = WafHttp.get(server.port(), "/notes?id=1%27%20or%20%271%27%3D%271", BROWSER);
    assertThat(response.statusCode()).isEqualTo(403);
    var problem = new ObjectMapper().readTree(response.body());
    assertThat(problem.get("type").asText()).endsWith("/request-blocked");
    assertThat(problem.get("requestId").asText())
        .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    assertThat(EVENTS)
        .singleElement()
        .isInstanceOfSatisfying(
            WafFilterEvent.Interrupted.class,
            e -> {
              assertThat(e.interruption().ruleId()).isEqualTo(949110);
              assertThat(e.ruleIds()).anyMatch(id -> id / 1000 == 942);
            });
  }

  @Test
  void passesABenignGetAndABenignJsonPostWhoseBodyTheApplicationReads() throws Exception {
    var get =
        WafHttp.get(server.port(), "/notes?page=2&size=20&sort=created&q=hello%20world", BROWSER);
    assertThat(get.statusCode()).isEqualTo(200);
    byte[] json =
        "{\"title\":\"Groceries\",\"body\":\"milk, eggs and bread\",\"tags\":[\"home\"]}"
            .getBytes(StandardCharsets.UTF_8);
    var post =
        WafHttp.post(
            server.port(),
            "/echo",
            json,
            "Content-Type",
            "application/json",
            "User-Agent",
            "Mozilla/5.0",
            "Accept",
            "*/*");
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(post.body()).isEqualTo(json);
  }

  @Test
  void aParanoiaLevel2TenantIsBlockedWhereLevel1Passes() throws Exception {
    // Host 127.0.0.1 scores 3 at PL1 (920350); a missing Accept adds 2 at PL2 only (920300),
    // which reaches the inbound threshold of 5.
    var lenient = WafHttp.get(server.port(), "/notes?page=2", "User-Agent", "Mozilla/5.0");
    assertThat(lenient.statusCode()).isEqualTo(200);
    assertThat(EVENTS).allSatisfy(e -> assertThat(e.ruleIds()).doesNotContain(920300L));
    EVENTS.clear();
    var strict =
        WafHttp.get(
            server.port(), "/notes?page=2", "User-Agent", "Mozilla/5.0", "X-Tenant", "strict");
    assertThat(EVENTS)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.tenant()).hasValue("strict");
              assertThat(e.ruleIds()).contains(920300L, 949110L);
            });
    assertThat(strict.statusCode()).isEqualTo(403);
  }
}
