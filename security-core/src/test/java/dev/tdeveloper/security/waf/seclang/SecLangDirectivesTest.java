package dev.tdeveloper.security.waf.seclang;

import static dev.tdeveloper.security.waf.seclang.SecLangSyntaxTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.EngineMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Engine directives, default actions, removals and updates. */
class SecLangDirectivesTest {
  private static List<Long> ids(RuleSet set) {
    return set.rules().stream()
        .filter(r -> r.id().isPresent())
        .map(r -> r.id().getAsLong())
        .toList();
  }

  @Test
  void emptyConfigurationHasModSecurityDefaults() {
    RuleSet set = parse("");
    assertThat(set.settings()).isEqualTo(EngineSettings.defaults());
    assertThat(set.rules()).isEmpty();
    assertThat(set.defaultActions()).isEmpty();
    assertThat(set.rulesPerFile()).containsExactly(java.util.Map.entry("t.conf", 0));
  }

  @Test
  void engineDirectivesSetTheSettings() {
    EngineSettings s =
        parse(
                "SecRuleEngine DetectionOnly\nSecRequestBodyAccess On\nSecRequestBodyLimit 1000\n"
                    + "SecRequestBodyNoFilesLimit 500\nSecRequestBodyLimitAction ProcessPartial\n"
                    + "SecResponseBodyAccess on\nSecResponseBodyLimit 2000\n"
                    + "SecResponseBodyLimitAction processpartial\n"
                    + "SecResponseBodyMimeType text/plain application/json\n"
                    + "SecResponseBodyMimeType text/xml\nSecCollectionTimeout 600\n"
                    + "SecArgumentSeparator ;\nSecComponentSignature \"OWASP_CRS/3.3.4\"\n")
            .settings();
    assertThat(s.ruleEngine()).isEqualTo(EngineMode.DETECTION_ONLY);
    assertThat(s.requestBodyAccess()).isTrue();
    assertThat(s.requestBodyLimit()).isEqualTo(1000);
    assertThat(s.requestBodyNoFilesLimit()).isEqualTo(500);
    assertThat(s.requestBodyLimitReject()).isFalse();
    assertThat(s.responseBodyAccess()).isTrue();
    assertThat(s.responseBodyLimit()).isEqualTo(2000);
    assertThat(s.responseBodyLimitReject()).isFalse();
    assertThat(s.responseBodyMimeTypes())
        .containsExactlyInAnyOrder("text/plain", "application/json", "text/xml");
    assertThat(s.collectionTimeoutSeconds()).isEqualTo(600);
    assertThat(s.argumentSeparator()).isEqualTo(';');
    assertThat(s.componentSignatures()).containsExactly("OWASP_CRS/3.3.4");
  }

  @Test
  void laterEngineDirectiveWinsAndMimeTypesCanBeCleared() {
    EngineSettings s =
        parse("SecRuleEngine Off\nSecRuleEngine On\nSecResponseBodyMimeTypesClear\n").settings();
    assertThat(s.ruleEngine()).isEqualTo(EngineMode.ON);
    assertThat(s.responseBodyMimeTypes()).isEmpty();
  }

  @Test
  void defaultActionsAreKeptPerPhase() {
    RuleSet set =
        parse(
            "SecDefaultAction \"phase:1,log,auditlog,pass\"\nSecDefaultAction \"phase:2,nolog,deny,status:403\"\n");
    assertThat(set.defaultActions().get(1))
        .extracting(ActionRef::toString)
        .containsExactly("phase:1", "log", "auditlog", "pass");
    assertThat(set.defaultActions().get(2))
        .extracting(ActionRef::toString)
        .containsExactly("phase:2", "nolog", "deny", "status:403");
  }

  @Test
  void removeByIdAppliesToRulesBeforeAndAfterItLikeV3() {
    RuleSet set =
        parse(
            "SecAction \"id:1\"\nSecRuleRemoveById 1 5-6 \"8\"\nSecAction \"id:5\"\nSecAction \"id:6\"\n"
                + "SecAction \"id:7\"\nSecAction \"id:8\"\n");
    assertThat(ids(set)).containsExactly(7L);
    assertThat(set.rulesPerFile()).containsEntry("t.conf", 5);
  }

  @Test
  void removeByTagAndMsgCompareWholeValues() {
    RuleSet set =
        parse(
            "SecRuleRemoveByTag attack-sqli\nSecRuleRemoveByMsg \"bad thing\"\n"
                + "SecAction \"id:1,tag:'attack-sqli'\"\nSecAction \"id:2,tag:'attack-sqli-x'\"\n"
                + "SecAction \"id:3,msg:'bad thing'\"\nSecAction \"id:4,msg:'bad thing 2'\"\n");
    assertThat(ids(set)).containsExactly(2L, 4L);
  }

  @Test
  void removingAChainRemovesAllItsLinks() {
    RuleSet set =
        parse(
            "SecRule ARGS \"@rx a\" \"id:1,chain\"\n SecRule ARGS \"@rx b\" \"t:none\"\n"
                + "SecRuleRemoveById 1\n");
    assertThat(set.rules()).isEmpty();
  }

  @Test
  void updateTargetAddsTargetsToTheFirstLinkWhereverItStands() {
    RuleSet set =
        parse(
            "SecRuleUpdateTargetById 1 \"!ARGS:password|REQUEST_URI\"\n"
                + "SecRule ARGS \"@rx a\" \"id:1,tag:'t1',chain\"\n SecRule ARGS \"@rx b\" \"t:none\"\n"
                + "SecRuleUpdateTargetByTag t1 !ARGS:/^x/\n"
                + "SecRule ARGS \"@rx a\" \"id:2,msg:'m'\"\nSecRuleUpdateTargetByMsg m !ARGS:y\n");
    assertThat(set.rules().get(0).variables())
        .extracting(VariableRef::toString)
        .containsExactly("ARGS", "!ARGS:password", "REQUEST_URI", "!ARGS:/^x/");
    assertThat(set.rules().get(0).chained().orElseThrow().variables())
        .extracting(VariableRef::toString)
        .containsExactly("ARGS");
    assertThat(set.rules().get(1).variables())
        .extracting(VariableRef::toString)
        .containsExactly("ARGS", "!ARGS:y");
  }

  @Test
  void updateActionReplacesTheDisruptiveActionAndSingleActionsAndAppendsLists() {
    RuleSet set =
        parse(
            "SecRule ARGS \"@rx a\" \"id:1,phase:2,block,msg:'old',t:none,tag:'a'\"\n"
                + "SecRuleUpdateActionById 1 \"deny,status:403,msg:'new',t:lowercase,tag:'b'\"\n");
    assertThat(set.rules().get(0).actions())
        .extracting(ActionRef::toString)
        .containsExactly(
            "id:1",
            "phase:2",
            "t:none",
            "tag:a",
            "deny",
            "status:403",
            "msg:new",
            "t:lowercase",
            "tag:b");
  }
}
