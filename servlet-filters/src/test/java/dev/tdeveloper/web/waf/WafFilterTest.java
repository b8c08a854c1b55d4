package dev.tdeveloper.web.waf;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.WafConfig;
import dev.tdeveloper.security.waf.WafPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The WAF filter in a real Jetty 12 server, with a small rule set of our own. */
class WafFilterTest extends WafFilterHarness {
  @Test
  void blocksAnAttackGetWithAProblemCarryingTheSentRequestId() throws Exception {
    start();
    var response = WafHttp.get(server.port(), "/notes?q=an%20attack", "X-Request-Id", "req-42");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-42");
    JsonNode problem = problem(response);
    assertThat(problem.get("type").asText())
        .isEqualTo("https://tdeveloper.dev/problems/request-blocked");
    assertThat(problem.get("status").asInt()).isEqualTo(403);
    assertThat(problem.get("requestId").asText()).isEqualTo("req-42");
    assertThat(problem.get("detail").asText()).contains("req-42");
    assertThat(problem.has("ruleId")).as("rule internals stay hidden by default").isFalse();
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            WafFilterEvent.Interrupted.class,
            e -> {
              assertThat(e.requestId()).isEqualTo("req-42");
              assertThat(e.interruption().ruleId()).isEqualTo(1001);
              assertThat(e.enforced()).isTrue();
              assertThat(e.ruleIds()).containsExactly(1001L);
              assertThat(e.tenant()).isEmpty();
              assertThat(e.path()).isEqualTo("/notes");
            });
  }

  @Test
  void inspectsARequestAnEarlierFilterGaveAnIdAndKeepsThatId() throws Exception {
    before =
        (req, res, chain) -> {
          req.setAttribute(WafFilter.REQUEST_ID_ATTRIBUTE, "audit-7");
          chain.doFilter(req, res);
        };
    start();
    var response = WafHttp.get(server.port(), "/notes?q=an%20attack", "X-Request-Id", "req-42");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(problem(response).get("requestId").asText()).isEqualTo("audit-7");
  }

  @Test
  void generatesARequestIdWhenNoneOrAMalformedOneIsSent() throws Exception {
    start();
    var plain = WafHttp.get(server.port(), "/notes?q=attack");
    var malformed = WafHttp.get(server.port(), "/notes?q=attack", "X-Request-Id", "a b<c>");
    for (var response : List.of(plain, malformed)) {
      String id = response.headers().firstValue("X-Request-Id").orElseThrow();
      assertThat(id).matches("[0-9a-f-]{36}");
      assertThat(problem(response).get("requestId").asText()).isEqualTo(id);
    }
  }

  @Test
  void exposesRuleIdsOnlyWhenConfigured() throws Exception {
    start("", WafConfig.defaults(), b -> b.exposeRuleIds(true));
    JsonNode problem = problem(WafHttp.get(server.port(), "/notes?q=attack&n=notice"));
    assertThat(problem.get("ruleId").asLong()).isEqualTo(1001);
    assertThat(problem.get("matchedRuleIds").toString()).isEqualTo("[1001]");
  }

  @Test
  void passesABenignGetAndSetsTheRequestIdOnTheAnswer() throws Exception {
    start();
    var response = WafHttp.get(server.port(), "/notes?page=2&q=hello", "X-Request-Id", "r1");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("ok");
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("r1");
    assertThat(events).isEmpty();
  }

  @Test
  void replaysAnInspectedPostBodyToTheApplicationUnchanged() throws Exception {
    start();
    byte[] body = new byte[70_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31);
    }
    body[0] = 'x'; // keep "evil" out of the random bytes
    var response =
        WafHttp.post(server.port(), "/echo", body, "Content-Type", "application/octet-stream");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(body);
  }

  @Test
  void blocksAnAttackInThePostBody() throws Exception {
    start();
    var response =
        WafHttp.post(
            server.port(),
            "/echo",
            "{\"note\":\"pure evil\"}".getBytes(UTF_8),
            "Content-Type",
            "application/octet-stream");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(problem(response).get("type").asText()).endsWith("/request-blocked");
  }

  @Test
  void givesTheApplicationTheFormParametersOfAnInspectedFormPost() throws Exception {
    start();
    var response =
        WafHttp.post(
            server.port(),
            "/form?b=from%20query",
            "a=hello&b=w%C3%B6rld".getBytes(UTF_8),
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(text(response)).isEqualTo("a=hello b=from query");
    var attack =
        WafHttp.post(
            server.port(),
            "/form",
            "a=an+attack".getBytes(UTF_8),
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(attack.statusCode()).isEqualTo(403);
  }

  @Test
  void blocksAResponseWhoseBodyLeaksASecret() throws Exception {
    start();
    var response = WafHttp.get(server.port(), "/leak");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(text(response)).doesNotContain("SECRET-LEAK");
    assertThat(problem(response).get("type").asText()).endsWith("/response-blocked");
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            WafFilterEvent.Interrupted.class,
            e -> assertThat(e.interruption().phase()).isEqualTo(4));
  }

  @Test
  void blocksAResponseByItsHeadersAndDropsTheApplicationHeaders() throws Exception {
    start();
    var response = WafHttp.get(server.port(), "/leak-header");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("X-Leak")).isEmpty();
    assertThat(text(response)).doesNotContain("fine body");
  }

  @Test
  void phase3RunsAndTheHeadersPassWhenNoRuleReadsResponseHeaders() throws Exception {
    startRules(
        "SecRuleEngine On\n"
            + "SecRule RESPONSE_STATUS \"@streq 200\" \"id:2001,phase:3,pass,log,msg:'seen'\"\n",
        WafConfig.defaults(),
        b -> b);
    var response = WafHttp.get(server.port(), "/leak-header");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Leak")).hasValue("yes");
    assertThat(text(response)).isEqualTo("fine body");
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            WafFilterEvent.Matched.class,
            e -> assertThat(e.matches()).extracting(m -> m.ruleId()).containsExactly(2001L));
  }

  @Test
  void dropAnswersAndClosesTheConnection() throws Exception {
    start();
    var response = WafHttp.get(server.port(), "/notes", "X-Drop", "yes");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Connection")).hasValue("close");
  }

  @Test
  void detectionOnlyPassesTheAttackButRecordsIt() throws Exception {
    start("", WafConfig.defaults().withMode(EngineMode.DETECTION_ONLY), b -> b);
    var response = WafHttp.get(server.port(), "/notes?q=attack", "X-Request-Id", "d-1");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("ok");
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            WafFilterEvent.Detected.class,
            e -> {
              assertThat(e.interruption().ruleId()).isEqualTo(1001);
              assertThat(e.requestId()).isEqualTo("d-1");
            });
  }

  @Test
  void publishesMatchesOfARequestThatPasses() throws Exception {
    start();
    assertThat(WafHttp.get(server.port(), "/notes?n=notice").statusCode()).isEqualTo(200);
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            WafFilterEvent.Matched.class, e -> assertThat(e.ruleIds()).containsExactly(1020L));
  }

  @Test
  void aTenantOnParanoiaLevel2IsBlockedWhereLevel1Passes() throws Exception {
    start(
        "",
        WafConfig.defaults(),
        b ->
            b.policyResolver(
                request ->
                    Optional.ofNullable(request.getHeader("X-Tenant"))
                        .map(t -> WafPolicy.defaults(t).withParanoiaLevel(2))));
    assertThat(WafHttp.get(server.port(), "/notes?q=sneaky").statusCode()).isEqualTo(200);
    var strict = WafHttp.get(server.port(), "/notes?q=sneaky", "X-Tenant", "acme");
    assertThat(strict.statusCode()).isEqualTo(403);
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            WafFilterEvent.Interrupted.class,
            e -> {
              assertThat(e.tenant()).hasValue("acme");
              assertThat(e.ruleIds()).containsExactly(1010L);
            });
  }

  @Test
  void aThrowingListenerBreaksNoRequest() throws Exception {
    start(
        "",
        WafConfig.defaults(),
        b ->
            b.listener(
                e -> {
                  throw new IllegalStateException("listener down");
                }));
    assertThat(WafHttp.get(server.port(), "/notes?q=attack").statusCode()).isEqualTo(403);
    assertThat(WafHttp.get(server.port(), "/notes?n=notice").statusCode()).isEqualTo(200);
    assertThat(events).hasSize(2);
  }

  @Test
  void aFailingPolicyResolverLetsTheRequestThroughAndReportsIt() throws Exception {
    start(
        "",
        WafConfig.defaults(),
        b ->
            b.policyResolver(
                request -> {
                  throw new IllegalStateException("tenant lookup down");
                }));
    var response = WafHttp.get(server.port(), "/notes?q=attack");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            WafFilterEvent.Failed.class,
            e -> assertThat(e.error()).hasMessage("tenant lookup down"));
  }
}
