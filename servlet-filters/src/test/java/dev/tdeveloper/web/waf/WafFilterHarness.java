package dev.tdeveloper.web.waf;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafConfig;
import dev.tdeveloper.web.testing.JettyServer;
import jakarta.servlet.DispatcherType;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real Jetty 12 server with the WAF filter over a small rule set of our own. */
abstract class WafFilterHarness {
  static final String RULES =
      """
      SecRuleEngine On
      SecRequestBodyAccess On
      SecResponseBodyAccess On
      SecResponseBodyMimeType text/plain text/html
      SecRule ARGS "@contains attack" "id:1001,phase:2,deny,status:403,msg:'attack in args'"
      SecRule REQUEST_BODY "@contains evil" "id:1002,phase:2,deny,msg:'evil body'"
      SecRule REQUEST_HEADERS:X-Drop "@streq yes" "id:1005,phase:1,drop,msg:'drop'"
      SecRule TX:PARANOIA_LEVEL "@lt 2" "id:1009,phase:2,pass,nolog,skipAfter:END-PL2"
      SecRule ARGS "@contains sneaky" "id:1010,phase:2,deny,msg:'paranoia level 2 only'"
      SecMarker END-PL2
      SecRule ARGS "@contains notice" "id:1020,phase:2,pass,log,msg:'just noting'"
      SecRule RESPONSE_HEADERS:X-Leak "@streq yes" "id:1030,phase:3,deny,msg:'leaky header'"
      SecRule RESPONSE_BODY "@contains SECRET-LEAK" "id:1040,phase:4,deny,msg:'leak'"
      """;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final List<WafFilterEvent> events = new CopyOnWriteArrayList<>();
  JettyServer server;

  /** A filter put in front of the WAF filter, when a test sets one. */
  jakarta.servlet.Filter before;

  final void start(String extra, WafConfig config, UnaryOperator<WafFilterBuilder> setup)
      throws Exception {
    startRules(RULES + extra, config, setup);
  }

  /** Starts the server with exactly {@code text} as the rule file. */
  final void startRules(String text, WafConfig config, UnaryOperator<WafFilterBuilder> setup)
      throws Exception {
    Path rules = dir.resolve("rules.conf");
    Files.writeString(rules, text);
    Waf waf = Waf.builder().ruleFile(rules).config(config).build();
    WafFilter filter = setup.apply(WafFilter.builder().waf(waf).listener(events::add)).build();
    server =
        JettyServer.start(
            "/",
            context -> {
              if (before != null) {
                context.addFilter(
                    new FilterHolder(before), "/*", EnumSet.of(DispatcherType.REQUEST));
              }
              context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
              context.addServlet(new ServletHolder(new WafTestServlet()), "/*");
            });
  }

  final void start() throws Exception {
    start("", WafConfig.defaults(), b -> b);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static JsonNode problem(HttpResponse<byte[]> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return JSON.readTree(response.body());
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), UTF_8);
  }
}
