package dev.tdeveloper.web.waf;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.WafConfig;
import org.junit.jupiter.api.Test;

/** Request and response bodies over the limits follow the WAF's limit actions. */
class WafFilterBodyLimitTest extends WafFilterHarness {
  static byte[] bodyWithEvilAt(int size, int at) {
    byte[] body = "x".repeat(size).getBytes(UTF_8);
    System.arraycopy("evil".getBytes(UTF_8), 0, body, at, 4);
    return body;
  }

  @Test
  void rejectsARequestBodyOverTheLimitWith413() throws Exception {
    start("", WafConfig.defaults().withRequestBodyLimit(64, true), b -> b);
    var response = WafHttp.post(server.port(), "/echo", new byte[65], "Content-Type", "text/plain");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(problem(response).get("type").asText()).endsWith("/request-too-large");
    var fits = WafHttp.post(server.port(), "/echo", new byte[64], "Content-Type", "text/plain");
    assertThat(fits.statusCode()).isEqualTo(200);
    assertThat(fits.body()).hasSize(64);
  }

  @Test
  void processPartialInspectsTheHeadAndReplaysTheWholeBody() throws Exception {
    start("", WafConfig.defaults().withRequestBodyLimit(64, false), b -> b);
    byte[] late = bodyWithEvilAt(5_000, 4_000);
    var passed = WafHttp.post(server.port(), "/echo", late, "Content-Type", "text/plain");
    assertThat(passed.statusCode()).isEqualTo(200);
    assertThat(passed.body()).isEqualTo(late);
    byte[] early = bodyWithEvilAt(5_000, 10);
    var blocked = WafHttp.post(server.port(), "/echo", early, "Content-Type", "text/plain");
    assertThat(blocked.statusCode()).isEqualTo(403);
  }

  @Test
  void streamsAResponseOverTheLimitAfterInspectingItsHeadUnderProcessPartial() throws Exception {
    start(
        "SecResponseBodyLimitAction ProcessPartial\n",
        WafConfig.defaults(),
        b -> b.responseBodyLimit(256));
    var response = WafHttp.get(server.port(), "/big?n=10000");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).hasSize(10_000);
    assertThat(text(response)).startsWith("abcdefghij").endsWith("abcdefghij");
  }

  @Test
  void rejectsAResponseOverTheLimitUnderReject() throws Exception {
    start(
        "SecResponseBodyLimitAction Reject\n", WafConfig.defaults(), b -> b.responseBodyLimit(256));
    var response = WafHttp.get(server.port(), "/big?n=10000");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(problem(response).get("type").asText()).endsWith("/response-blocked");
    var small = WafHttp.get(server.port(), "/big?n=256");
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(small.body()).hasSize(256);
  }
}
