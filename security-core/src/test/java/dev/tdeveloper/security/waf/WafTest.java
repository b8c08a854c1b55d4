package dev.tdeveloper.security.waf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WafTest {
  private static final String RULES =
      "SecRuleEngine On\n"
          + "SecRequestBodyAccess On\n"
          + "SecDefaultAction \"phase:2,log,auditlog,deny,status:403\"\n"
          + "SecRule ARGS \"@rx attack\" \"id:100,phase:1,deny,status:406,msg:'attack in"
          + " %{MATCHED_VAR_NAME}',tag:'t1',severity:'CRITICAL'\"\n"
          + "SecRule ARGS_POST:q \"@rx evil\" \"id:200,phase:2,block,msg:'evil'\"\n"
          + "SecRule TX:paranoia_level \"@streq 2\" \"id:300,phase:1,pass,log,msg:'pl2'\"\n";

  @TempDir Path dir;

  private Waf waf(WafConfig config) throws IOException {
    Path file = dir.resolve("rules.conf");
    Files.writeString(file, RULES, StandardCharsets.ISO_8859_1);
    return Waf.builder().ruleFile(file).config(config).build();
  }

  private static WafTransaction get(Waf waf, WafPolicy policy, String uri) {
    WafTransaction t = waf.newTransaction(policy);
    t.processConnection("203.0.113.9", 5555, "10.0.0.1", 443);
    t.processUri("GET", uri, "HTTP/1.1");
    t.addRequestHeader("Host", "example.org");
    t.processRequestHeaders();
    t.processRequestBody();
    return t;
  }

  @Test
  void aMatchingDenyRuleInterruptsInPhaseOne() throws IOException {
    WafTransaction t = get(waf(WafConfig.defaults()), WafPolicy.defaults("a"), "/?q=an+attack");
    Interruption i = t.interruption().orElseThrow();
    assertThat(i.ruleId()).isEqualTo(100);
    assertThat(i.status()).isEqualTo(406);
    assertThat(t.matches()).extracting(WafMatch::message).containsExactly("attack in ARGS:q");
  }

  @Test
  void aBenignRequestPasses() throws IOException {
    WafTransaction t = get(waf(WafConfig.defaults()), WafPolicy.defaults("a"), "/?q=hello");
    assertThat(t.interruption()).isEmpty();
    assertThat(t.matches()).isEmpty();
  }

  @Test
  void blockInAPostBodyUsesTheDefaultDeny() throws IOException {
    WafTransaction t = waf(WafConfig.defaults()).newTransaction();
    t.processUri("POST", "/form", "HTTP/1.1");
    t.addRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    t.processRequestHeaders();
    t.appendRequestBody("q=evil".getBytes(StandardCharsets.ISO_8859_1));
    t.processRequestBody();
    assertThat(t.interruption().orElseThrow().ruleId()).isEqualTo(200);
  }

  @Test
  void detectionOnlyRecordsWithoutInterrupting() throws IOException {
    WafTransaction t =
        get(
            waf(WafConfig.defaults()),
            WafPolicy.defaults("a").withMode(EngineMode.DETECTION_ONLY),
            "/?q=attack");
    assertThat(t.interruption()).isEmpty();
    assertThat(t.detectedInterruption().orElseThrow().ruleId()).isEqualTo(100);
  }

  @Test
  void aPolicyRemovesRulesAndSetsTheParanoiaLevel() throws IOException {
    WafPolicy policy =
        new WafPolicy(
            "t",
            Optional.empty(),
            OptionalInt.of(2),
            OptionalInt.empty(),
            OptionalInt.empty(),
            Set.of(100L),
            Map.of());
    WafTransaction t = get(waf(WafConfig.defaults()), policy, "/?q=attack");
    assertThat(t.interruption()).isEmpty();
    assertThat(t.matches()).extracting(WafMatch::ruleId).containsExactly(300L);
  }

  @Test
  void aPolicyRemovesTargetsOfARule() throws IOException {
    WafPolicy policy =
        new WafPolicy(
            "t",
            Optional.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            Set.of(),
            Map.of(100L, List.of("ARGS:q")));
    assertThat(get(waf(WafConfig.defaults()), policy, "/?q=attack").interruption()).isEmpty();
  }

  @Test
  void aBodyOverTheLimitIsRejectedWith413() throws IOException {
    WafTransaction t = waf(WafConfig.defaults().withRequestBodyLimit(8, true)).newTransaction();
    t.processUri("POST", "/", "HTTP/1.1");
    t.processRequestHeaders();
    t.appendRequestBody(new byte[16]);
    assertThat(t.interruption().orElseThrow().status()).isEqualTo(413);
  }

  @Test
  void processPartialKeepsGoingPastTheLimit() throws IOException {
    WafTransaction t = waf(WafConfig.defaults().withRequestBodyLimit(8, false)).newTransaction();
    t.processUri("POST", "/", "HTTP/1.1");
    t.processRequestHeaders();
    t.appendRequestBody(new byte[16]);
    t.processRequestBody();
    assertThat(t.interruption()).isEmpty();
  }

  @Test
  void malformedRequestDataNeverThrows() throws IOException {
    WafTransaction t = waf(WafConfig.defaults()).newTransaction();
    t.processUri("GET", "/%zz%u12?a=%00%ff&&=&b", "HTTP/9");
    t.addRequestHeader("Content-Type", "multipart/form-data; boundary=");
    t.processRequestHeaders();
    t.appendRequestBody("--\r\n\0garbage".getBytes(StandardCharsets.ISO_8859_1));
    t.processRequestBody();
    t.processResponseHeaders(200, "HTTP/1.1");
    t.processResponseBody();
    t.processLogging();
    assertThat(t.interruption()).isEmpty();
  }

  @Test
  void builderRefusesNoRulesAndTwoConfigs() {
    assertThatThrownBy(() -> Waf.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> Waf.builder().config(WafConfig.defaults()).config(WafConfig.defaults()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reportsRuleCountsPerFile() throws IOException {
    Waf waf = waf(WafConfig.defaults());
    assertThat(waf.ruleCount()).isEqualTo(3);
    assertThat(waf.rulesPerFile().values()).containsExactly(3);
  }
}
