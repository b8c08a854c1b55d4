package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.WafTransaction;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's WAF on the installed OWASP CRS 3.3.4 (system properties {@code tdeveloper.crs.dir} and
 * {@code tdeveloper.crs.setup}, Debian's paths by default): it loads whole, PL1 for the shipped
 * tenants and PL2 for globex.
 */
class DemoWafCrsTest {
  @TempDir static Path dir;
  static DemoWaf waf;

  static DemoWafOptions crsOptions() {
    Path crs = Path.of(System.getProperty("tdeveloper.crs.dir", DemoWafOptions.DEFAULT_CRS_DIR));
    Path setup =
        Path.of(System.getProperty("tdeveloper.crs.setup", DemoWafOptions.DEFAULT_CRS_SETUP));
    if (!Files.isDirectory(crs.resolve("rules"))) {
      throw new IllegalStateException(
          "OWASP CRS 3.3.4 not found in " + crs + ": apt-get install modsecurity-crs");
    }
    return new DemoWafOptions(EngineMode.ON, crs, setup);
  }

  @BeforeAll
  static void load() {
    waf =
        new DemoWaf(
            crsOptions(), dir.resolve("data"), TenantConfigLoader.load(DemoAppTest.SHIPPED));
  }

  @Test
  void loadsTheWholeCrsAndShowsRuleCountsPerFile() {
    Map<String, Object> status = waf.status();

    assertThat(waf.source()).isEqualTo(DemoWaf.RuleSource.CRS);
    assertThat(status).containsEntry("ruleSet", "crs").doesNotContainKey("fallbackReason");
    @SuppressWarnings("unchecked")
    Map<String, Integer> perFile = (Map<String, Integer>) status.get("rulesPerFile");
    assertThat(perFile)
        .containsKeys(
            "crs-setup.conf",
            "REQUEST-920-PROTOCOL-ENFORCEMENT.conf",
            "REQUEST-942-APPLICATION-ATTACK-SQLI.conf",
            "REQUEST-949-BLOCKING-EVALUATION.conf");
    assertThat(perFile.get("REQUEST-942-APPLICATION-ATTACK-SQLI.conf")).isGreaterThan(40);
    assertThat(perFile.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(status.get("rules"));
    assertThat((int) status.get("rules")).isGreaterThan(400);
  }

  @Test
  void anSqlInjectionInANoteIsDeniedByTheAnomalyScore() {
    WafTransaction tx =
        DemoWafTest.postNote(
            waf,
            waf.policies.forTenant(TenantId.of("acme")),
            "{\"text\": \"1' UNION SELECT password FROM users --\"}");

    assertThat(tx.interruption()).isPresent();
    assertThat(tx.interruption().get().ruleId()).isEqualTo(949110);
    assertThat(tx.matches()).extracting(WafMatch::ruleId).anyMatch(id -> id / 1000 == 942);
  }

  @Test
  void aBenignNotePasses() {
    WafTransaction tx =
        DemoWafTest.postNote(
            waf,
            waf.policies.forTenant(TenantId.of("acme")),
            "{\"text\": \"Call Anna about the Q3 roadmap; lunch at 12:30?\"}");

    assertThat(tx.interruption()).isEmpty();
    assertThat(tx.inboundAnomalyScore()).as("%s", tx.matches()).isZero();
  }

  @Test
  void globexAtParanoiaLevelTwoIsBlockedOnHtmlMarkupThatAcmePasses() {
    String note = "{\"text\": \"<b>Quarterly</b> numbers are in\"}";

    WafTransaction globex =
        DemoWafTest.postNote(waf, waf.policies.forTenant(TenantId.of("globex")), note);
    WafTransaction acme =
        DemoWafTest.postNote(waf, waf.policies.forTenant(TenantId.of("acme")), note);

    assertThat(globex.interruption()).isPresent();
    assertThat(globex.matches()).extracting(WafMatch::ruleId).contains(941320L);
    assertThat(acme.interruption()).isEmpty();
    assertThat(acme.matches()).extracting(WafMatch::ruleId).doesNotContain(941320L);
  }
}
