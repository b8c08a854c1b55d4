package dev.tdeveloper.security.waf.seclang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the parser reads text: continuations, comments, quoting, escapes and line numbers. */
class SecLangSyntaxTest {
  static RuleSet parse(String text) {
    return new SecLangParser().parse(text, "t.conf", Path.of("."));
  }

  static RuleDef only(String text) {
    List<RuleDef> rules = parse(text).rules();
    assertThat(rules).hasSize(1);
    return rules.get(0);
  }

  @Test
  void continuationJoinsLinesAndKeepsTheStartLine() {
    RuleSet set =
        parse(
            "# comment\n\nSecRule ARGS \"@rx a\" \\\n    \"id:1,\\\n    phase:2,\\\n    pass\"\n"
                + "SecAction \"id:2,pass\"\n");
    assertThat(set.rules())
        .extracting(r -> r.location().toString())
        .containsExactly("t.conf:3", "t.conf:7");
    assertThat(set.rules().get(0).actions())
        .extracting(ActionRef::toString)
        .containsExactly("id:1", "phase:2", "pass");
  }

  @Test
  void continuationInsideAQuotedOperatorJoinsTheNextLineAsWritten() {
    RuleDef r = only("SecRule ARGS \"@rx ab\\\ncd\" \"id:1\"\n");
    assertThat(r.operator().orElseThrow().param()).isEqualTo("abcd");
  }

  @Test
  void crlfLineEndsAreReadLikeLf() {
    RuleSet set = parse("SecRule ARGS \"@rx a\" \\\r\n  \"id:1,pass\"\r\nSecAction \"id:2\"\r\n");
    assertThat(set.rules()).extracting(r -> r.location().line()).containsExactly(1, 3);
    assertThat(set.rules().get(0).operator().orElseThrow().param()).isEqualTo("a");
  }

  @Test
  void commentedOutRuleSwallowsItsContinuationLines() {
    RuleSet set =
        parse("#SecRule ARGS \"@rx a\" \\\n    \"id:1,\\\n    pass\"\nSecAction \"id:2\"\n");
    assertThat(set.rules()).hasSize(1);
    assertThat(set.rules().get(0).id()).hasValue(2);
  }

  @Test
  void proseCommentEndingInBackslashDoesNotSwallowTheNextDirective() {
    RuleSet set = parse("# a path like C:\\\nSecAction \"id:2\"\n");
    assertThat(set.rules()).hasSize(1);
    assertThat(set.rules().get(0).location().line()).isEqualTo(2);
  }

  @Test
  void escapedDoubleQuoteStaysInTheParameterAsV3KeepsIt() {
    RuleDef r = only("SecRule ARGS \"@rx a\\\"b\\\\\" \"id:1\"");
    assertThat(r.operator().orElseThrow().param()).isEqualTo("a\\\"b\\\\");
  }

  @Test
  void singleQuotedActionValuesKeepCommasAndEscapedQuotes() {
    RuleDef r =
        only(
            "SecAction \"id:1,msg:'a, b \\'c\\'',setvar:'tx.x=+%{tx.y}',"
                + "logdata:'Matched Data: %{TX.0} found within %{MATCHED_VAR_NAME}: %{MATCHED_VAR}'\"");
    assertThat(r.action("msg")).hasValue("a, b \\'c\\'");
    assertThat(r.actions("setvar")).containsExactly("tx.x=+%{tx.y}");
    assertThat(r.action("logdata"))
        .hasValue("Matched Data: %{TX.0} found within %{MATCHED_VAR_NAME}: %{MATCHED_VAR}");
  }

  @Test
  void blanksAroundActionsAndValuesAreIgnored() {
    RuleDef r = only("SecAction \" id:1 ,  phase: 1 , t:none, nolog \"");
    assertThat(r.actions())
        .extracting(ActionRef::toString)
        .containsExactly("id:1", "phase:1", "t:none", "nolog");
  }

  @Test
  void unquotedActionListIsOneArgument() {
    RuleDef r = only("SecAction id:7,nolog,pass");
    assertThat(r.id()).hasValue(7);
  }

  @Test
  void variablesKeepSelectorsExclusionsCountsAndRegexes() {
    RuleDef r =
        only(
            "SecRule args|!REQUEST_COOKIES:/__utm/|&ARGS|ARGS:id|ARGS:/^(a|b)$/|ARGS:'x|y'|"
                + "REQUEST_HEADERS:'/^x-(a|b)/'|XML:/*|tx.score|!&ARGS_NAMES:q \"@rx a\" \"id:1\"");
    assertThat(r.variables())
        .extracting(VariableRef::toString)
        .containsExactly(
            "ARGS",
            "!REQUEST_COOKIES:/__utm/",
            "&ARGS",
            "ARGS:id",
            "ARGS:/^(a|b)$/",
            "ARGS:x|y",
            "REQUEST_HEADERS:/^x-(a|b)/",
            "XML:/*",
            "TX:score",
            "!&ARGS_NAMES:q");
    assertThat(r.variables().get(7).regexKey()).isFalse();
    assertThat(r.variables().get(6).regexKey()).isTrue();
    assertThat(r.variables().get(9).exclusion()).isTrue();
    assertThat(r.variables().get(9).count()).isTrue();
  }

  @Test
  void operatorWithoutAtIsRxAndNegationWorksWithAndWithoutAt() {
    assertThat(only("SecRule ARGS \"^a b\" \"id:1\"").operator())
        .hasValue(new OperatorRef("rx", "^a b", false));
    assertThat(only("SecRule ARGS \"!^a\" \"id:1\"").operator())
        .hasValue(new OperatorRef("rx", "^a", true));
    assertThat(only("SecRule ARGS \"!@streq POST\" \"id:1\"").operator())
        .hasValue(new OperatorRef("streq", "POST", true));
  }

  @Test
  void operatorNamesAreCaseInsensitiveAndAliasesResolve() {
    assertThat(only("SecRule ARGS \"@pmf a.data\" \"id:1\"").operator().orElseThrow().name())
        .isEqualTo("pmFromFile");
    assertThat(only("SecRule ARGS \"@ipMatchF ips.txt\" \"id:1\"").operator().orElseThrow().name())
        .isEqualTo("ipMatchFromFile");
    assertThat(only("SecRule ARGS \"@RX a\" \"id:1\"").operator().orElseThrow().name())
        .isEqualTo("rx");
    assertThat(only("SecRule ARGS \"@detectSQLi\" \"id:1\"").operator())
        .hasValue(new OperatorRef("detectSQLi", "", false));
  }

  @Test
  void operatorParameterStartsAfterOneBlank() {
    assertThat(only("SecRule ARGS \"@rx  a \" \"id:1\"").operator().orElseThrow().param())
        .isEqualTo(" a ");
  }

  @Test
  void namesAreStoredInTheirCanonicalSpelling() {
    RuleDef r =
        only(
            "SecRule ARGS \"@rx a\" \"ID:1,Phase:REQUEST,T:LowerCase,t:normalisePath,"
                + "ctl:ruleremovetargetbyid=942100;ARGS:foo,MultiMatch,pass\"");
    assertThat(r.actions())
        .extracting(ActionRef::toString)
        .containsExactly(
            "id:1",
            "phase:2",
            "t:lowercase",
            "t:normalizePath",
            "ctl:ruleRemoveTargetById=942100;ARGS:foo",
            "multiMatch",
            "pass");
    assertThat(r.phase()).isEqualTo(2);
  }

  @Test
  void phaseNamesBecomeDigits() {
    assertThat(only("SecAction \"id:1,phase:response\"").action("phase")).hasValue("4");
    assertThat(only("SecAction \"id:1,phase:'logging'\"").action("phase")).hasValue("5");
  }

  @Test
  void chainIsOneRuleWithItsLinksInOrder() {
    RuleSet set =
        parse(
            "SecRule ARGS \"@rx a\" \"id:1,phase:1,deny,chain\"\n"
                + "  SecRule ARGS_NAMES \"@rx b\" \"chain,t:none\"\n"
                + "    SecRule REQUEST_URI \"@rx c\" \"setvar:tx.x=1\"\n");
    assertThat(set.rules()).hasSize(1);
    RuleDef first = set.rules().get(0);
    RuleDef second = first.chained().orElseThrow();
    RuleDef third = second.chained().orElseThrow();
    assertThat(second.variables().get(0).collection()).isEqualTo("ARGS_NAMES");
    assertThat(third.location().line()).isEqualTo(3);
    assertThat(third.chained()).isEmpty();
    assertThat(set.rulesPerFile()).containsEntry("t.conf", 1);
  }

  @Test
  void markersStayInLoadOrderAndAreNotCounted() {
    RuleSet set =
        parse(
            "SecRule ARGS \"@rx a\" \"id:1,skipAfter:END\"\nSecAction \"id:2\"\nSecMarker END\n"
                + "SecMarker \"QUOTED\"\n");
    assertThat(set.rules())
        .extracting(RuleDef::kind)
        .containsExactly(
            RuleDef.Kind.RULE, RuleDef.Kind.ACTION, RuleDef.Kind.MARKER, RuleDef.Kind.MARKER);
    assertThat(set.rules().get(3).marker()).isEqualTo(Optional.of("QUOTED"));
    assertThat(set.rulesPerFile()).containsEntry("t.conf", 2);
  }

  @Test
  void directiveNamesAreCaseInsensitive() {
    assertThat(parse("secaction \"id:1\"\nSECMARKER x\n").rules()).hasSize(2);
  }
}
