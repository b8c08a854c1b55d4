package dev.tdeveloper.security.waf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy plan replays policy-constant rules only while a request follows the plan's path, and
 * never folds a rule that reads what a request-dependent rule wrote: each case is run with and
 * without plans and must give the expected matches both ways.
 */
class PolicyPlanTest {
  private static final String RULES =
      "SecRuleEngine On\n"
          + "SecDefaultAction \"phase:1,log,pass\"\n"
          + "SecDefaultAction \"phase:5,log,pass\"\n"
          + "SecAction \"id:1,phase:1,nolog,pass,setvar:tx.a=1\"\n"
          + "SecRule ARGS:skip \"@streq yes\" \"id:2,phase:1,nolog,pass,skipAfter:AFTER\"\n"
          + "SecAction \"id:3,phase:1,nolog,pass,setvar:tx.a=+10\"\n"
          + "SecMarker AFTER\n"
          + "SecRule TX:a \"@eq 11\" \"id:4,phase:1,pass,msg:'eleven'\"\n"
          + "SecRule TX:a \"@eq 1\" \"id:5,phase:1,pass,msg:'one'\"\n"
          + "SecRule ARGS:b \"@rx ^[0-9]+$\" \"id:6,phase:1,nolog,pass,setvar:tx.b=%{MATCHED_VAR}\"\n"
          + "SecRule TX:b \"@eq 7\" \"id:7,phase:1,nolog,pass,setvar:tx.c=1\"\n"
          + "SecRule TX:c \"@eq 1\" \"id:8,phase:1,pass,msg:'seven'\"\n"
          + "SecAction \"id:9,phase:3,nolog,pass,setvar:tx.d=1\"\n"
          + "SecRule &TX:d \"@eq 0\" \"id:10,phase:5,pass,msg:'no response phases'\"\n"
          + "SecRule TX:paranoia_level \"@ge 2\" \"id:11,phase:1,nolog,pass,skip:1\"\n"
          + "SecAction \"id:12,phase:1,nolog,pass,setvar:tx.e=pl1\"\n"
          + "SecRule TX:e \"@streq pl1\" \"id:13,phase:1,pass,msg:'pl1'\"\n";

  @TempDir Path dir;

  private List<Waf> wafs() throws IOException {
    Path file = dir.resolve("rules.conf");
    Files.writeString(file, RULES, StandardCharsets.ISO_8859_1);
    Waf folded = Waf.builder().ruleFile(file).build();
    return List.of(folded, folded.unfolded());
  }

  private static Set<Long> run(Waf waf, WafPolicy policy, String uri, boolean response) {
    WafTransaction t = waf.newTransaction(policy);
    t.processConnection("203.0.113.9", 5555, "10.0.0.1", 443);
    t.processUri("GET", uri, "HTTP/1.1");
    t.addRequestHeader("Host", "example.org");
    t.processRequestHeaders();
    t.processRequestBody();
    if (response) {
      t.processResponseHeaders(200, "HTTP/1.1");
      t.processResponseBody();
    }
    t.processLogging();
    return Set.copyOf(t.matches().stream().map(WafMatch::ruleId).toList());
  }

  @Test
  void aPlanIsBuiltForTheSetupActions() throws IOException {
    Waf folded = wafs().get(0);
    assertThat(folded.plan(WafPolicy.defaults("a")).orElseThrow().segmentCount()).isPositive();
    assertThat(folded.unfolded().plan(WafPolicy.defaults("a"))).isEmpty();
  }

  @Test
  void aRequestRuleSkippingOverAFoldedActionIsFollowed() throws IOException {
    for (Waf waf : wafs()) {
      WafPolicy p = WafPolicy.defaults("a");
      assertThat(run(waf, p, "/", true)).containsExactlyInAnyOrder(4L, 13L);
      assertThat(run(waf, p, "/?skip=yes", true)).containsExactlyInAnyOrder(5L, 13L);
    }
  }

  @Test
  void aRuleReadingWhatARequestRuleWroteIsEvaluated() throws IOException {
    for (Waf waf : wafs()) {
      assertThat(run(waf, WafPolicy.defaults("a"), "/?b=7", true)).contains(8L);
      assertThat(run(waf, WafPolicy.defaults("a"), "/?b=8", true)).doesNotContain(8L);
    }
  }

  @Test
  void phasesLeftOutDoNotCountTheirFoldedWrites() throws IOException {
    for (Waf waf : wafs()) {
      assertThat(run(waf, WafPolicy.defaults("a"), "/", false)).contains(10L);
      assertThat(run(waf, WafPolicy.defaults("a"), "/", true)).doesNotContain(10L);
    }
  }

  @Test
  void eachPolicyHasItsOwnPlan() throws IOException {
    for (Waf waf : wafs()) {
      WafPolicy pl2 = WafPolicy.defaults("b").withParanoiaLevel(2);
      assertThat(run(waf, WafPolicy.defaults("a"), "/", true)).contains(13L);
      assertThat(run(waf, pl2, "/", true)).doesNotContain(13L);
      assertThat(run(waf, pl2.withMode(EngineMode.OFF), "/", true)).isEmpty();
    }
  }

  @Test
  void tenantsWhoseSettingsAgreeShareOnePlanAndKeepTheirAnswers() throws IOException {
    Waf folded = wafs().get(0);
    WafPolicy a = WafPolicy.defaults("a").withParanoiaLevel(2);
    WafPolicy b = WafPolicy.defaults("b").withParanoiaLevel(2);
    assertThat(folded.plan(a).orElseThrow()).isSameAs(folded.plan(b).orElseThrow());
    assertThat(folded.plan(a).orElseThrow())
        .isNotSameAs(folded.plan(WafPolicy.defaults("a")).orElseThrow());
    for (String uri : List.of("/", "/?skip=yes", "/?b=7")) {
      for (boolean response : List.of(true, false)) {
        Set<Long> plain = run(folded.unfolded(), a, uri, response);
        assertThat(run(folded, a, uri, response)).isEqualTo(plain);
        assertThat(run(folded, b, uri, response)).isEqualTo(plain);
      }
    }
  }
}
