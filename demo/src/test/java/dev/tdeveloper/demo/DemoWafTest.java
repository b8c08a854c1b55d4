package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.security.waf.WafTransaction;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's WAF service on the bundled baseline set (the CRS directory pointed elsewhere): which
 * set runs, what {@code /ops} shows, and the tenant policies of the shipped {@code tenants.yaml}.
 */
class DemoWafTest {
  @TempDir Path dir;

  private final TenantConfig shipped = TenantConfigLoader.load(DemoAppTest.SHIPPED);

  private DemoWaf baseline(EngineMode mode) {
    Path missing = dir.resolve("no-crs");
    return new DemoWaf(new DemoWafOptions(mode, missing, missing), dir.resolve("data"), shipped);
  }

  /** A JSON POST to /notes through the WAF under {@code policy}, all request phases run. */
  static WafTransaction postNote(DemoWaf waf, WafPolicy policy, String json) {
    WafTransaction tx = waf.waf().orElseThrow().newTransaction(policy);
    tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 8080);
    tx.processUri("POST", "/notes", "HTTP/1.1");
    tx.addRequestHeader("Host", "localhost");
    tx.addRequestHeader("Content-Type", "application/json");
    tx.addRequestHeader("Accept", "application/json");
    tx.addRequestHeader("User-Agent", "demo-test");
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    tx.addRequestHeader("Content-Length", Integer.toString(body.length));
    tx.processRequestHeaders();
    tx.appendRequestBody(body);
    tx.processRequestBody();
    tx.processLogging();
    return tx;
  }

  private static List<Long> ids(WafTransaction tx) {
    return tx.matches().stream().map(WafMatch::ruleId).toList();
  }

  @Test
  void runsTheBaselineSetAndSaysWhyWhenTheCrsDirectoryIsMissing() {
    DemoWaf waf = baseline(EngineMode.ON);

    assertThat(waf.source()).isEqualTo(DemoWaf.RuleSource.BASELINE);
    Map<String, Object> status = waf.status();
    assertThat(status)
        .containsEntry("ruleSet", "baseline")
        .containsEntry("mode", "ON")
        .containsEntry("source", "classpath:/waf/baseline.conf");
    assertThat((String) status.get("fallbackReason"))
        .contains(dir.resolve("no-crs").toString())
        .contains("apt-get install modsecurity-crs");
    assertThat((int) status.get("rules")).isGreaterThan(10);
    assertThat(status.get("rulesPerFile")).isEqualTo(Map.of("baseline.conf", status.get("rules")));
  }

  @Test
  void baselineDeniesAnSqlInjectionInANoteAndPassesABenignOne() {
    DemoWaf waf = baseline(EngineMode.ON);
    WafPolicy acme = waf.policies.forTenant(TenantId.of("acme"));

    WafTransaction attack = postNote(waf, acme, "{\"text\": \"1' OR '1'='1' --\"}");
    WafTransaction benign = postNote(waf, acme, "{\"text\": \"Buy milk, eggs & bread at 5pm\"}");

    assertThat(attack.interruption()).isPresent();
    assertThat(attack.interruption().get().status()).isEqualTo(403);
    assertThat(attack.interruption().get().ruleId()).isEqualTo(9000990);
    assertThat(ids(attack)).contains(9000100L);
    assertThat(benign.interruption()).isEmpty();
    assertThat(benign.matches()).isEmpty();
  }

  @Test
  void theParanoiaLevelTwoTenantIsBlockedOnHtmlMarkupThatParanoiaLevelOneTenantsPass() {
    DemoWaf waf = baseline(EngineMode.ON);
    String note = "{\"text\": \"<b>Quarterly</b> numbers are in\"}";

    WafTransaction globex = postNote(waf, waf.policies.forTenant(TenantId.of("globex")), note);
    WafTransaction acme = postNote(waf, waf.policies.forTenant(TenantId.of("acme")), note);

    assertThat(globex.interruption()).isPresent();
    assertThat(ids(globex)).contains(9000210L);
    assertThat(acme.interruption()).isEmpty();
    assertThat(ids(acme)).doesNotContain(9000210L);
  }

  @Test
  void detectionOnlyRecordsTheAttackWithoutInterrupting() {
    DemoWaf waf = baseline(EngineMode.DETECTION_ONLY);

    WafTransaction tx =
        postNote(
            waf,
            waf.policies.forTenant(TenantId.of("acme")),
            "{\"text\": \"<script>alert(1)</script>\"}");
    waf.record("acme", "req-1", tx.matches(), tx.interruption(), tx.detectedInterruption());

    assertThat(tx.interruption()).isEmpty();
    assertThat(tx.detectedInterruption()).isPresent();
    @SuppressWarnings("unchecked")
    Map<String, Object> counters = (Map<String, Object>) waf.status().get("counters");
    assertThat(counters)
        .containsEntry("matched", 1L)
        .containsEntry("interrupted", 0L)
        .containsEntry("detectedOnly", 1L);
  }

  @Test
  void offLoadsNoRulesAndSaysSo() {
    DemoWaf waf = baseline(EngineMode.OFF);

    assertThat(waf.waf()).isEmpty();
    assertThat(waf.source()).isEqualTo(DemoWaf.RuleSource.NONE);
    assertThat(waf.status()).containsEntry("mode", "OFF").doesNotContainKey("rules");
  }

  @Test
  void opsListsTheTenantsWithTheirOwnPolicy() {
    DemoWaf waf = baseline(EngineMode.ON);

    assertThat(waf.status().get("tenantPolicies"))
        .isEqualTo(Map.of("globex", Map.of("paranoiaLevel", 2)));
  }

  @Test
  void countsInterruptionsPerRequest() {
    DemoWaf waf = baseline(EngineMode.ON);
    WafTransaction tx =
        postNote(waf, WafPolicy.defaults(""), "{\"text\": \"../../../../etc/passwd\"}");

    waf.record("", "req-2", tx.matches(), tx.interruption(), Optional.empty());

    assertThat(tx.interruption()).isPresent();
    assertThat(ids(tx)).contains(9000120L, 9000121L);
    @SuppressWarnings("unchecked")
    Map<String, Object> counters = (Map<String, Object>) waf.status().get("counters");
    assertThat(counters).containsEntry("interrupted", 1L).containsEntry("faults", 0L);
  }

  @Test
  void onlyRegisteredTenantsAndTheDefaultNamespaceKeepAValueMemo() {
    java.util.function.Function<TenantId, Optional<String>> registry =
        id -> id.value().equals("acme") ? Optional.of("pro") : Optional.empty();

    assertThat(DemoWaf.registered("acme", registry)).isTrue();
    assertThat(DemoWaf.registered("", registry)).isTrue();
    assertThat(DemoWaf.registered("made-up", registry)).isFalse();
    assertThat(DemoWaf.registered("Not A Tenant!", registry)).isFalse();
  }
}
