package dev.tdeveloper.security.waf.engine;

import static dev.tdeveloper.security.waf.engine.EvaluatorRules.action;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.actions;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.chain;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.marker;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.rule;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.run;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.Interruption;
import dev.tdeveloper.security.waf.WafMatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static EvaluatorTestStore args(String... kv) {
    EvaluatorTestStore s = new EvaluatorTestStore();
    for (int i = 0; i < kv.length; i += 2) {
      s.add("ARGS", kv[i], kv[i + 1]);
    }
    return s;
  }

  @Test
  void denyInterruptsWithItsStatusAndStopsThePhase() {
    EvaluatorTransaction tx =
        run(
            set(
                rule("ARGS", "@rx attack", "id:1", "phase:1", "deny", "status:406", "msg:m"),
                action("id:2", "phase:1", "pass", "setvar:tx.after=1")),
            args("q", "an attack"));
    Interruption i = tx.interruption().orElseThrow();
    assertThat(i.ruleId()).isEqualTo(1);
    assertThat(i.action()).isEqualTo(Interruption.Action.DENY);
    assertThat(i.status()).isEqualTo(406);
    assertThat(i.phase()).isEqualTo(1);
    assertThat(tx.store().collection("tx").orElseThrow().get("after")).isEmpty();
  }

  @Test
  void denyWithoutStatusAnswers403AndLaterPhasesDoNotRun() {
    EvaluatorTransaction tx =
        run(
            set(
                rule("ARGS", "@rx x", "id:1", "phase:1", "deny"),
                action("id:2", "phase:2", "setvar:tx.phase2=1")),
            args("a", "x"));
    assertThat(tx.interruption().orElseThrow().status()).isEqualTo(403);
    assertThat(((EvaluatorTestStore) tx.store()).tx("phase2")).isEmpty();
  }

  @Test
  void negatedOperatorMatchesWhenTheOperatorDoesNot() {
    EvaluatorTestStore s = args("a", "hello");
    run(set(rule("ARGS", "!@rx ^\\d+$", "id:1", "pass", "setvar:tx.hit=1")), s);
    assertThat(s.tx("hit")).isEqualTo("1");
  }

  @Test
  void chainMatchesOnlyWhenEveryLinkMatches() {
    EvaluatorTestStore s = args("a", "x", "b", "y");
    run(
        set(
            chain(
                rule("ARGS:a", "@rx x", "id:1", "pass", "msg:one"),
                rule("ARGS:b", "@rx nope", "setvar:tx.one=1")),
            chain(
                rule("ARGS:a", "@rx x", "id:2", "pass", "msg:two"),
                rule("ARGS:b", "@rx y", "setvar:tx.two=1"))),
        s);
    assertThat(s.tx("one")).isEmpty();
    assertThat(s.tx("two")).isEqualTo("1");
  }

  @Test
  void chainedLinkSeesMatchedVarsOfThePreviousLink() {
    EvaluatorTestStore s = args("a", "select 1", "b", "other");
    EvaluatorTransaction tx =
        run(
            set(
                chain(
                    rule(
                        "ARGS", "@rx select", "id:1", "deny", "msg:sqli", "logdata:%{MATCHED_VAR}"),
                    rule("MATCHED_VARS", "@rx 1$"))),
            s);
    assertThat(tx.interruption()).isPresent();
    assertThat(tx.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.logData()).isEqualTo("select 1");
              assertThat(m.variableName()).isEqualTo("ARGS:a");
            });
  }

  @Test
  void blockRunsThePhaseDefaultDisruptiveAction() {
    EvaluatorTransaction tx =
        run(
            set(
                Map.of(2, actions("phase:2", "log", "deny", "status:401")),
                rule("ARGS", "@rx x", "id:1", "phase:2", "block")),
            args("a", "x"));
    assertThat(tx.interruption().orElseThrow().status()).isEqualTo(401);
  }

  @Test
  void blockWithPassDefaultOnlyLogs() {
    EvaluatorTransaction tx =
        run(
            set(
                Map.of(2, actions("phase:2", "log", "auditlog", "pass")),
                rule("ARGS", "@rx x", "id:1", "phase:2", "block", "msg:seen")),
            args("a", "x"));
    assertThat(tx.interruption()).isEmpty();
    assertThat(tx.matches()).extracting(WafMatch::message).containsExactly("seen");
  }

  @Test
  void defaultNologAppliesUnlessTheRuleSaysLog() {
    EvaluatorTransaction tx =
        run(
            set(
                Map.of(2, actions("phase:2", "nolog", "pass")),
                rule("ARGS", "@rx x", "id:1", "pass"),
                rule("ARGS", "@rx x", "id:2", "pass", "log")),
            args("a", "x"));
    assertThat(tx.matches()).extracting(WafMatch::ruleId).containsExactly(2L);
  }

  @Test
  void skipAfterJumpsPastTheMarker() {
    EvaluatorTestStore s = args("a", "x");
    run(
        set(
            rule("ARGS", "@rx x", "id:1", "pass", "nolog", "skipAfter:END"),
            action("id:2", "setvar:tx.skipped=1"),
            marker("END"),
            action("id:3", "setvar:tx.after=1")),
        s);
    assertThat(s.tx("skipped")).isEmpty();
    assertThat(s.tx("after")).isEqualTo("1");
  }

  @Test
  void skipAfterAnUnknownMarkerSkipsTheRestOfThePhase() {
    EvaluatorTestStore s = args();
    run(
        set(
            action("id:1", "phase:1", "skipAfter:NOWHERE"),
            action("id:2", "phase:1", "setvar:tx.p1=1"),
            action("id:3", "phase:2", "setvar:tx.p2=1")),
        s);
    assertThat(s.tx("p1")).isEmpty();
    assertThat(s.tx("p2")).isEqualTo("1");
  }

  @Test
  void skipSkipsTheNextRules() {
    EvaluatorTestStore s = args();
    run(
        set(
            action("id:1", "skip:2"),
            action("id:2", "setvar:tx.a=1"),
            action("id:3", "setvar:tx.b=1"),
            action("id:4", "setvar:tx.c=1")),
        s);
    assertThat(s.tx("a") + s.tx("b")).isEmpty();
    assertThat(s.tx("c")).isEqualTo("1");
  }

  @Test
  void setvarFormsFollowModSecurity() {
    EvaluatorTestStore s = args();
    run(
        set(
            action(
                "id:1",
                "setvar:tx.score=5",
                "setvar:tx.score=+%{tx.score}",
                "setvar:tx.score=-3",
                "setvar:tx.flag",
                "setvar:tx.gone=1",
                "setvar:!tx.gone",
                "setvar:tx.text=+abc",
                "setvar:tx.%{rule.id}-name=v")),
        s);
    assertThat(s.tx("score")).isEqualTo("7");
    assertThat(s.tx("flag")).isEqualTo("1");
    assertThat(s.tx("gone")).isEmpty();
    assertThat(s.tx("text")).isEqualTo("0");
    assertThat(s.tx("1-name")).isEqualTo("v");
  }

  @Test
  void setvarRunsOncePerMatchingTarget() {
    EvaluatorTestStore s = args("a", "x", "b", "x", "c", "y");
    run(set(rule("ARGS", "@rx x", "id:1", "pass", "setvar:tx.score=+5")), s);
    assertThat(s.tx("score")).isEqualTo("10");
  }

  @Test
  void captureFillsTxGroups() {
    EvaluatorTestStore s = args("a", "id=42;");
    run(set(rule("ARGS", "@rx id=(\\d+)", "id:1", "pass", "capture", "setvar:tx.got=%{tx.1}")), s);
    assertThat(s.tx("0")).isEqualTo("id=42");
    assertThat(s.tx("got")).isEqualTo("42");
  }

  @Test
  void withoutCaptureTxGroupsStayEmpty() {
    EvaluatorTestStore s = args("a", "id=42;");
    run(set(rule("ARGS", "@rx id=(\\d+)", "id:1", "pass")), s);
    assertThat(s.tx("0")).isEmpty();
  }

  @Test
  void exclusionsRemoveTargetsByKeyAndRegex() {
    EvaluatorTestStore s = args("password", "x", "pw_2", "x", "q", "y");
    run(
        set(rule("ARGS|!ARGS:PASSWORD|!ARGS:/^pw_/", "@rx x", "id:1", "pass", "setvar:tx.hit=1")),
        s);
    assertThat(s.tx("hit")).isEmpty();
  }

  @Test
  void countCountsTheSelectedTargets() {
    EvaluatorTestStore s = args("a", "1", "b", "2");
    run(
        set(
            rule("&ARGS", "@streq 2", "id:1", "pass", "setvar:tx.two=1"),
            rule("&ARGS:zzz", "@streq 0", "id:2", "pass", "setvar:tx.none=1")),
        s);
    assertThat(s.tx("two")).isEqualTo("1");
    assertThat(s.tx("none")).isEqualTo("1");
  }

  @Test
  void transformationsApplyAndNoneResetsDefaults() {
    EvaluatorTestStore s = args("a", "SELECT");
    run(
        set(
            Map.of(2, actions("phase:2", "pass", "t:lowercase")),
            rule("ARGS", "@rx select", "id:1", "setvar:tx.lower=1"),
            rule("ARGS", "@rx select", "id:2", "t:none", "setvar:tx.none=1")),
        s);
    assertThat(s.tx("lower")).isEqualTo("1");
    assertThat(s.tx("none")).isEmpty();
  }

  @Test
  void transformationResultsAreCachedPerValueAndPrefix() {
    EvaluatorTestStore s = args("a", "ABC");
    EvaluatorTransaction tx = run(set(rule("ARGS", "@rx zzz", "id:1", "t:lowercase", "pass")), s);
    assertThat(tx.cached(0, "ABC")).isEqualTo("abc");
    assertThat(tx.cached(0, "other")).isNull();
  }

  @Test
  void multiMatchTestsTheRawValueAndEachTransformation() {
    EvaluatorTestStore s = args("a", "Ab");
    run(
        set(
            rule("ARGS", "@rx ^Ab$", "id:1", "t:lowercase", "pass", "setvar:tx.single=1"),
            rule(
                "ARGS",
                "@rx ^Ab$",
                "id:2",
                "t:lowercase",
                "multiMatch",
                "pass",
                "setvar:tx.multi=1")),
        s);
    assertThat(s.tx("single")).isEmpty();
    assertThat(s.tx("multi")).isEqualTo("1");
  }

  @Test
  void ctlRemovesRulesByIdRangeAndTag() {
    EvaluatorTestStore s = args();
    run(
        set(
            action("id:1", "ctl:ruleRemoveById=10-19", "ctl:ruleRemoveByTag=gone"),
            action("id:15", "setvar:tx.a=1"),
            action("id:20", "tag:gone", "setvar:tx.b=1"),
            action("id:21", "setvar:tx.c=1")),
        s);
    assertThat(s.tx("a") + s.tx("b")).isEmpty();
    assertThat(s.tx("c")).isEqualTo("1");
  }

  @Test
  void ctlRemovesTargetsOfARule() {
    EvaluatorTestStore s = args("pwd", "x");
    run(
        set(
            action(
                "id:1",
                "ctl:ruleRemoveTargetById=2;ARGS:pwd",
                "ctl:ruleRemoveTargetByTag=t;ARGS:pwd"),
            rule("ARGS", "@rx x", "id:2", "pass", "setvar:tx.a=1"),
            rule("ARGS", "@rx x", "id:3", "tag:t", "pass", "setvar:tx.b=1"),
            rule("ARGS", "@rx x", "id:4", "pass", "setvar:tx.c=1")),
        s);
    assertThat(s.tx("a") + s.tx("b")).isEmpty();
    assertThat(s.tx("c")).isEqualTo("1");
  }

  @Test
  void ctlRuleEngineOffStopsEvaluation() {
    EvaluatorTestStore s = args();
    run(set(action("id:1", "phase:1", "ctl:ruleEngine=Off"), action("id:2", "setvar:tx.a=1")), s);
    assertThat(s.tx("a")).isEmpty();
  }

  @Test
  void ctlBodySettingsAreRecorded() {
    EvaluatorTransaction tx =
        run(
            set(
                action(
                    "id:1",
                    "phase:1",
                    "ctl:requestBodyProcessor=JSON",
                    "ctl:requestBodyAccess=Off",
                    "ctl:forceRequestBodyVariable=On",
                    "ctl:auditLogParts=+E")),
            args());
    assertThat(tx.requestBodyProcessor()).contains("JSON");
    assertThat(tx.requestBodyAccess()).contains(false);
    assertThat(tx.forceRequestBodyVariable()).isTrue();
    assertThat(tx.auditSettings()).containsExactly("", "+E");
  }

  @Test
  void detectionOnlyRecordsWhatWouldHaveInterrupted() {
    EvaluatorTestStore s = args("a", "x");
    EvaluatorTransaction tx =
        run(
            set(
                rule("ARGS", "@rx x", "id:1", "deny", "msg:m"),
                action("id:2", "nolog", "setvar:tx.after=1")),
            s,
            EngineMode.DETECTION_ONLY);
    assertThat(tx.interruption()).isEmpty();
    assertThat(tx.suppressedInterruption().orElseThrow().ruleId()).isEqualTo(1);
    assertThat(tx.matches()).extracting(WafMatch::ruleId).containsExactly(1L);
    assertThat(s.tx("after")).isEqualTo("1");
  }

  @Test
  void allowPhaseStopsOnlyTheCurrentPhase() {
    EvaluatorTestStore s = args();
    run(
        set(
            action("id:1", "phase:1", "allow:phase"),
            action("id:2", "phase:1", "setvar:tx.p1=1"),
            action("id:3", "phase:2", "setvar:tx.p2=1")),
        s);
    assertThat(s.tx("p1")).isEmpty();
    assertThat(s.tx("p2")).isEqualTo("1");
  }

  @Test
  void allowSkipsTheRemainingPhasesButLogging() {
    EvaluatorTestStore s = args();
    CompiledRuleSet rules =
        CompiledRuleSet.compile(
            set(
                action("id:1", "phase:1", "allow"),
                action("id:3", "phase:2", "setvar:tx.p2=1"),
                action("id:5", "phase:5", "setvar:tx.p5=1")));
    EvaluatorTransaction tx = new EvaluatorTransaction(rules, s, EngineMode.ON);
    Evaluator e = new Evaluator(rules);
    for (int p = 1; p <= 5; p++) {
      e.runPhase(tx, p);
    }
    assertThat(s.tx("p2")).isEmpty();
    assertThat(s.tx("p5")).isEqualTo("1");
    assertThat(tx.allowed()).isTrue();
  }

  @Test
  void redirectExpandsItsUrl() {
    EvaluatorTestStore s = args("a", "x");
    s.collections.get("tx").set("host", "example.org");
    EvaluatorTransaction tx =
        run(set(rule("ARGS", "@rx x", "id:1", "redirect:https://%{tx.host}/blocked")), s);
    Interruption i = tx.interruption().orElseThrow();
    assertThat(i.action()).isEqualTo(Interruption.Action.REDIRECT);
    assertThat(i.status()).isEqualTo(302);
    assertThat(i.redirectUrl()).contains("https://example.org/blocked");
  }

  @Test
  void matchRecordExpandsMessageLogdataAndKeepsMetadata() {
    EvaluatorTestStore s = args("id", "1' or '1'='1");
    EvaluatorTransaction tx =
        run(
            set(
                rule(
                    "ARGS",
                    "@rx '1'='1",
                    "id:942100",
                    "pass",
                    "capture",
                    "msg:SQLi in %{MATCHED_VAR_NAME}",
                    "logdata:Matched Data: %{TX.0} found within %{MATCHED_VAR_NAME}",
                    "tag:attack-sqli",
                    "severity:CRITICAL")),
            s);
    WafMatch m = tx.matches().get(0);
    assertThat(m.message()).isEqualTo("SQLi in ARGS:id");
    assertThat(m.logData()).isEqualTo("Matched Data: '1'='1 found within ARGS:id");
    assertThat(m.severity()).isEqualTo(2);
    assertThat(m.tags()).containsExactly("attack-sqli");
    assertThat(m.data()).isEqualTo("1' or '1'='1");
    assertThat(s.highestSeverity).isEqualTo(2);
  }

  @Test
  void afterMatchActionsRunOnlyWhenTheWholeChainMatched() {
    EvaluatorTestStore s = args("a", "x");
    run(
        set(
            chain(
                rule("ARGS", "@rx x", "id:1", "pass", "initcol:ip=%{tx.nothing}k"),
                rule("ARGS", "@rx nope", "setenv:e=1")),
            chain(
                rule("ARGS", "@rx x", "id:2", "pass", "initcol:ip=key"),
                rule("ARGS", "@rx x", "setenv:e=%{MATCHED_VAR}", "expirevar:ip.hits=60"))),
        s);
    assertThat(s.collections.get("ip").get("__key")).contains("key");
    assertThat(s.env).containsEntry("e", "x");
    assertThat(s.expired).containsKey("ip.hits");
  }

  @Test
  void aFaultingRuleIsRecordedAndSkippedNotThrown() {
    EvaluatorTestStore s = args("a", "x");
    s.failOn = "REQUEST_HEADERS";
    EvaluatorTransaction tx =
        run(
            set(
                rule("REQUEST_HEADERS", "@rx x", "id:1", "deny"),
                rule("ARGS", "@rx x", "id:2", "pass", "nolog", "setvar:tx.after=1")),
            s);
    assertThat(tx.interruption()).isEmpty();
    assertThat(tx.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.isError()).isTrue();
              assertThat(m.reason()).contains("store fault");
            });
    assertThat(s.tx("after")).isEqualTo("1");
  }

  @Test
  void ruleFieldsAreOfferedForRuleMacros() {
    EvaluatorTestStore s = args();
    run(set(action("id:77", "msg:hello", "setvar:tx.m=%{rule.msg}/%{rule.id}")), s);
    assertThat(s.tx("m")).isEqualTo("hello/77");
    assertThat(List.of(s.rule.get("phase"))).containsExactly("2");
  }
}
