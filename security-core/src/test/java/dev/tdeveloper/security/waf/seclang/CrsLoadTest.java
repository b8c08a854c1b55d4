package dev.tdeveloper.security.waf.seclang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.CrsInstall;
import dev.tdeveloper.security.waf.EngineMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every file of CRS 3.3.4 loads, in owasp-crs.load order, with the rule counts we report. */
class CrsLoadTest {
  static RuleSet crs() {
    return new SecLangParser()
        .parse(SecLangParser.crsFiles(CrsInstall.crsDir(), CrsInstall.setupDir()));
  }

  @Test
  void everyCrsFileLoadsWithItsRuleCount() {
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("crs-setup.conf", 1);
    expected.put("REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf", 0);
    expected.put("REQUEST-901-INITIALIZATION.conf", 32);
    expected.put("REQUEST-903.9001-DRUPAL-EXCLUSION-RULES.conf", 23);
    expected.put("REQUEST-903.9002-WORDPRESS-EXCLUSION-RULES.conf", 34);
    expected.put("REQUEST-903.9003-NEXTCLOUD-EXCLUSION-RULES.conf", 26);
    expected.put("REQUEST-903.9004-DOKUWIKI-EXCLUSION-RULES.conf", 11);
    expected.put("REQUEST-903.9005-CPANEL-EXCLUSION-RULES.conf", 3);
    expected.put("REQUEST-903.9006-XENFORO-EXCLUSION-RULES.conf", 40);
    expected.put("REQUEST-905-COMMON-EXCEPTIONS.conf", 2);
    expected.put("REQUEST-910-IP-REPUTATION.conf", 18);
    expected.put("REQUEST-911-METHOD-ENFORCEMENT.conf", 9);
    expected.put("REQUEST-912-DOS-PROTECTION.conf", 19);
    expected.put("REQUEST-913-SCANNER-DETECTION.conf", 13);
    expected.put("REQUEST-920-PROTOCOL-ENFORCEMENT.conf", 61);
    expected.put("REQUEST-921-PROTOCOL-ATTACK.conf", 22);
    expected.put("REQUEST-922-MULTIPART-ATTACK.conf", 5);
    expected.put("REQUEST-930-APPLICATION-ATTACK-LFI.conf", 12);
    expected.put("REQUEST-931-APPLICATION-ATTACK-RFI.conf", 12);
    expected.put("REQUEST-932-APPLICATION-ATTACK-RCE.conf", 23);
    expected.put("REQUEST-933-APPLICATION-ATTACK-PHP.conf", 24);
    expected.put("REQUEST-934-APPLICATION-ATTACK-NODEJS.conf", 9);
    expected.put("REQUEST-941-APPLICATION-ATTACK-XSS.conf", 38);
    expected.put("REQUEST-942-APPLICATION-ATTACK-SQLI.conf", 57);
    expected.put("REQUEST-943-APPLICATION-ATTACK-SESSION-FIXATION.conf", 11);
    expected.put("REQUEST-944-APPLICATION-ATTACK-JAVA.conf", 17);
    expected.put("REQUEST-949-BLOCKING-EVALUATION.conf", 14);
    expected.put("RESPONSE-950-DATA-LEAKAGES.conf", 11);
    expected.put("RESPONSE-951-DATA-LEAKAGES-SQL.conf", 25);
    expected.put("RESPONSE-952-DATA-LEAKAGES-JAVA.conf", 10);
    expected.put("RESPONSE-953-DATA-LEAKAGES-PHP.conf", 11);
    expected.put("RESPONSE-954-DATA-LEAKAGES-IIS.conf", 12);
    expected.put("RESPONSE-959-BLOCKING-EVALUATION.conf", 13);
    expected.put("RESPONSE-980-CORRELATION.conf", 16);
    expected.put("RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf", 0);
    RuleSet set = crs();
    Map<String, Integer> byName = new LinkedHashMap<>();
    set.rulesPerFile().forEach((file, n) -> byName.put(Path.of(file).getFileName().toString(), n));
    byName.forEach((file, n) -> System.out.println("CRS rules " + n + "\t" + file));
    assertThat(byName).containsExactlyEntriesOf(expected);
    long rules = set.rules().stream().filter(r -> r.kind() != RuleDef.Kind.MARKER).count();
    long markers = set.rules().size() - rules;
    assertThat(rules).isEqualTo(634);
    assertThat(markers).isEqualTo(40);
  }

  @Test
  void crsSetupGivesDefaultActionsAndSettings() {
    RuleSet set = crs();
    assertThat(set.defaultActions()).containsOnlyKeys(1, 2);
    assertThat(set.defaultActions().get(2))
        .extracting(ActionRef::toString)
        .containsExactly("phase:2", "log", "auditlog", "pass");
    assertThat(set.settings().ruleEngine()).isEqualTo(EngineMode.ON);
    assertThat(set.settings().collectionTimeoutSeconds()).isEqualTo(600);
    assertThat(set.settings().componentSignatures()).containsExactly("OWASP_CRS/3.3.4");
  }

  @Test
  void crsRulesKeepTheirParts() {
    RuleSet set = crs();
    RuleDef r942100 =
        set.rules().stream()
            .filter(r -> r.id().isPresent() && r.id().getAsLong() == 942100L)
            .findFirst()
            .orElseThrow();
    assertThat(r942100.operator().orElseThrow().name()).isEqualTo("detectSQLi");
    assertThat(r942100.phase()).isEqualTo(2);
    assertThat(r942100.actions("t"))
        .containsExactly("none", "utf8toUnicode", "urlDecodeUni", "removeNulls");
    assertThat(r942100.variables().get(1).toString()).isEqualTo("!REQUEST_COOKIES:/__utm/");
    assertThat(r942100.variables().get(1).regexKey()).isTrue();
    assertThat(r942100.variables()).extracting(VariableRef::toString).contains("XML:/*");
  }

  @Test
  void parsingTheWholeCrsAgainGivesTheSameRules() {
    List<Path> files = SecLangParser.crsFiles(CrsInstall.crsDir(), CrsInstall.setupDir());
    SecLangParser parser = new SecLangParser();
    RuleSet first = parser.parse(files);
    assertThat(first.rules()).hasSize(674);
    assertThat(parser.parse(files).rules()).isEqualTo(first.rules());
  }
}
