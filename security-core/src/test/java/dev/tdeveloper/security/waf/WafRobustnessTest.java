package dev.tdeveloper.security.waf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile bodies and a catastrophically backtracking regex end in a defined decision through the
 * public API, never an exception to the caller. The timeouts only guard against a hang; they assert
 * nothing about speed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WafRobustnessTest {
  // The body-error rules are those modsecurity.conf-recommended ships (ids 200002, 200003); the
  // third sees a regex past its step budget, the fourth needs the fallback engine (a lookahead
  // around a nested quantifier) and backtracks exponentially on "aaaa...!".
  private static final String RULES =
      "SecRuleEngine On\n"
          + "SecRequestBodyAccess On\n"
          + "SecRule REQBODY_ERROR \"!@eq 0\" \"id:200002,phase:2,deny,status:400,msg:'body: %{REQBODY_ERROR_MSG}'\"\n"
          + "SecRule MULTIPART_STRICT_ERROR \"!@eq 0\" \"id:200003,phase:2,deny,status:400\"\n"
          + "SecRule ARGS \"@rx ^(?=(a+)+$)a\" \"id:300,phase:2,deny,status:403\"\n"
          + "SecRule TX:MSC_PCRE_LIMITS_EXCEEDED \"@eq 1\" \"id:301,phase:2,pass,log,msg:'regex budget'\"\n";

  @TempDir Path dir;

  private Waf waf() throws IOException {
    Path file = dir.resolve("rules.conf");
    Files.writeString(file, RULES, StandardCharsets.ISO_8859_1);
    return Waf.builder().ruleFile(file).build();
  }

  private static WafTransaction post(Waf waf, String contentType, byte[] body) {
    WafTransaction t = waf.newTransaction();
    t.processConnection("203.0.113.9", 5555, "10.0.0.1", 443);
    t.processUri("POST", "/upload", "HTTP/1.1");
    t.addRequestHeader("Host", "example.org");
    t.addRequestHeader("Content-Type", contentType);
    t.addRequestHeader("Content-Length", Integer.toString(body.length));
    t.processRequestHeaders();
    t.appendRequestBody(body);
    t.processRequestBody();
    t.processLogging();
    return t;
  }

  @Test
  void aMalformedJsonBodyIsABodyErrorTheRulesDenyWith400() throws IOException {
    WafTransaction t =
        post(waf(), "application/json", "{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8));
    assertThat(t.interruption().orElseThrow().ruleId()).isEqualTo(200002);
    assertThat(t.interruption().get().status()).isEqualTo(400);
    assertThat(t.matches().get(0).message()).startsWith("body: JSON parsing error");
  }

  @Test
  void aMalformedMultipartBodyIsAStrictErrorTheRulesDeny() throws IOException {
    String body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--c--\r\n";
    WafTransaction t =
        post(waf(), "multipart/form-data; boundary=b", body.getBytes(StandardCharsets.UTF_8));
    assertThat(t.interruption().orElseThrow().ruleId()).isIn(200002L, 200003L);
    assertThat(t.interruption().get().status()).isEqualTo(400);
  }

  @Test
  void aRegexThatWouldBacktrackForeverEndsWithinItsBudgetAndTheRequestGoesOn() throws IOException {
    String evil = "q=" + "a".repeat(30_000) + "!";
    WafTransaction t =
        post(waf(), "application/x-www-form-urlencoded", evil.getBytes(StandardCharsets.UTF_8));
    assertThat(t.interruption()).isEmpty();
    assertThat(t.matches()).extracting(WafMatch::ruleId).containsExactly(301L);
  }

  @Test
  void garbageBodiesOfEveryTypeNeverThrow() throws IOException {
    Waf waf = waf();
    byte[] garbage = new byte[70_000];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 31 + 7);
    }
    for (String type :
        new String[] {
          "application/json",
          "application/xml",
          "text/xml",
          "multipart/form-data; boundary=\"x",
          "multipart/form-data",
          "application/x-www-form-urlencoded",
          "application/octet-stream",
          ""
        }) {
      WafTransaction t = post(waf, type, garbage);
      assertThat(t.matches()).noneMatch(WafMatch::isError);
    }
  }
}
