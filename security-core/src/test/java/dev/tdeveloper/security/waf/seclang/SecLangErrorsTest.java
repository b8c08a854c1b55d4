package dev.tdeveloper.security.waf.seclang;

import static dev.tdeveloper.security.waf.seclang.SecLangSyntaxTest.parse;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.WafException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Every refusal names file:line and the token, says what is wrong and what is allowed. */
class SecLangErrorsTest {
  private static AbstractThrowableAssert<?, ? extends Throwable> refuses(
      String text, String prefix) {
    return assertThatThrownBy(() -> parse(text))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith(prefix)
        .hasMessageContaining("; allowed: ");
  }

  @Test
  void unknownDirectiveSuggestsTheNearestName() {
    refuses(
            "\nSecRul ARGS \"@rx a\" \"id:1\"",
            "t.conf:2: SecRul: unknown directive (did you mean SecRule?)")
        .hasMessageContaining("SecMarker");
  }

  @Test
  void unknownOperator() {
    refuses(
        "SecRule ARGS \"@rxx a\" \"id:1\"", "t.conf:1: @rxx: unknown operator (did you mean rx?)");
  }

  @Test
  void unknownVariable() {
    refuses(
        "SecRule ARG|ARGS \"@rx a\" \"id:1\"",
        "t.conf:1: ARG: unknown variable (did you mean ARGS?)");
  }

  @Test
  void selectorOnASingleValuedVariable() {
    refuses(
            "SecRule REQUEST_URI:x \"@rx a\" \"id:1\"",
            "t.conf:1: REQUEST_URI:x: REQUEST_URI is a single value and takes no selector")
        .hasMessageContaining("REQUEST_HEADERS");
  }

  @Test
  void unknownCollectionInSetvar() {
    refuses(
        "SecAction \"id:1,setvar:tz.a=1\"", "t.conf:1: setvar:tz.a=1: expecting COLLECTION.key");
  }

  @Test
  void unknownAction() {
    refuses("SecAction \"id:1,denny\"", "t.conf:1: denny: unknown action (did you mean deny?)");
  }

  @Test
  void unknownTransformation() {
    refuses(
        "SecAction \"id:1,t:lowercas\"",
        "t.conf:1: t:lowercas: unknown transformation (did you mean lowercase?)");
  }

  @Test
  void unknownCtlOption() {
    refuses(
        "SecAction \"id:1,ctl:ruleRemoveByIdx=5\"",
        "t.conf:1: ctl:ruleRemoveByIdx=5: unknown ctl option (did you mean ruleRemoveById?)");
  }

  @Test
  void unterminatedDoubleQuote() {
    refuses(
        "SecAction \"id:1\"\nSecRule ARGS \"@rx a\n  \"id:1\"\n",
        "t.conf:2: \"@rx a: unterminated double quote");
  }

  @Test
  void textGluedToAClosingQuote() {
    refuses(
        "SecRule ARGS \"@rx a \\\n  \"id:1\"",
        "t.conf:1: \"@rx a   \"id:1\": text right after a closing quote");
  }

  @Test
  void unterminatedSingleQuoteInActions() {
    refuses("SecAction \"id:1,msg:'abc\"", "t.conf:1: msg:'abc: unterminated single quote");
  }

  @Test
  void ruleWithoutId() {
    refuses(
        "SecRule ARGS \"@rx a\" \"phase:1,pass\"", "t.conf:1: SecRule/SecAction: rule without id");
  }

  @Test
  void duplicateIdNamesTheFirstUse() {
    refuses(
        "SecAction \"id:5\"\n\nSecAction \"id:5\"",
        "t.conf:3: id:5: duplicate id, first used at t.conf:1");
  }

  @Test
  void idThatIsNotAPositiveNumber() {
    refuses("SecAction \"id:0\"", "t.conf:1: id:0: id is not a positive integer");
    refuses("SecAction \"id:abc\"", "t.conf:1: id:abc: id is not a positive integer");
  }

  @Test
  void phaseOutsideOneToFive() {
    refuses("SecAction \"id:1,phase:6\"", "t.conf:1: phase:6: phase outside 1-5");
    refuses("SecAction \"id:1,phase:0\"", "t.conf:1: phase:0: phase outside 1-5");
  }

  @Test
  void chainEndingWithChainAtEndOfFile() {
    refuses(
        "SecRule ARGS \"@rx a\" \"id:1,chain\"\n",
        "t.conf:1: chain: the chain's last link has chain but t.conf ends");
  }

  @Test
  void chainFollowedByAnotherDirective() {
    refuses(
        "SecRule ARGS \"@rx a\" \"id:1,chain\"\nSecMarker x\n",
        "t.conf:2: SecMarker: the chain started at t.conf:1 ends with chain, but the next directive is not a SecRule");
    refuses(
        "SecRule ARGS \"@rx a\" \"id:1,chain\"\nSecAction \"id:2\"\n",
        "t.conf:2: SecAction: the chain started at t.conf:1");
  }

  @Test
  void laterChainLinkWithIdPhaseOrDisruptiveAction() {
    String first = "SecRule ARGS \"@rx a\" \"id:1,chain\"\n";
    refuses(first + "SecRule ARGS \"@rx b\" \"id:2\"", "t.conf:2: id:2: id on a chained link");
    refuses(
        first + "SecRule ARGS \"@rx b\" \"phase:2\"", "t.conf:2: phase:2: phase on a chained link");
    refuses(first + "SecRule ARGS \"@rx b\" \"deny\"", "t.conf:2: deny: deny on a chained link");
    refuses(
        first + "SecRule ARGS \"@rx b\" \"skipAfter:x\"\nSecMarker x",
        "t.conf:2: skipAfter:x: skipAfter on a chained link");
  }

  @Test
  void skipAfterToAMarkerThatNeverAppears() {
    refuses(
        "SecMarker END-X\nSecAction \"id:1,skipAfter:END\"\n",
        "t.conf:2: skipAfter:END: no SecMarker of that name in the rule set");
  }

  @Test
  void flagWithAValueAndActionWithoutOne() {
    refuses("SecAction \"id:1,pass:1\"", "t.conf:1: pass:1: pass takes no value");
    refuses("SecAction \"id:1,msg\"", "t.conf:1: msg: msg needs a value");
    refuses("SecAction \"id:1,,pass\"", "t.conf:1: id:1,,pass: empty action");
  }

  @Test
  void operatorParameterMissingOrUnexpected() {
    refuses(
        "SecRule ARGS \"@detectSQLi x\" \"id:1\"",
        "t.conf:1: @detectSQLi x: @detectSQLi takes no parameter");
    refuses("SecRule ARGS \"@rx\" \"id:1\"", "t.conf:1: @rx: @rx needs a parameter");
  }

  @Test
  void wrongNumberOfArguments() {
    refuses(
        "SecRule ARGS \"@rx a\" \"id:1\" extra",
        "t.conf:1: SecRule: expects 2 or 3 arguments, got 4");
    refuses("SecAction", "t.conf:1: SecAction: expects 1 argument, got 0");
  }

  @Test
  void badEngineDirectiveValues() {
    refuses("SecRuleEngine Maybe", "t.conf:1: SecRuleEngine Maybe: invalid value");
    refuses("SecRequestBodyLimit 10k", "t.conf:1: SecRequestBodyLimit 10k: invalid value");
    refuses("SecArgumentSeparator &&", "t.conf:1: SecArgumentSeparator &&: invalid value");
  }

  @Test
  void defaultActionNeedsPhaseAndDisruptiveActionOncePerPhase() {
    refuses(
        "SecDefaultAction \"log,pass\"", "t.conf:1: log,pass: SecDefaultAction without a phase");
    refuses(
        "SecDefaultAction \"phase:1,log\"",
        "t.conf:1: phase:1,log: SecDefaultAction without a disruptive action");
    refuses("SecDefaultAction \"phase:1,pass,id:3\"", "t.conf:1: id:3: id in SecDefaultAction");
    refuses(
        "SecDefaultAction \"phase:1,pass\"\nSecDefaultAction \"phase:1,deny\"",
        "t.conf:2: phase:1: a second SecDefaultAction for this phase");
  }

  @Test
  void badRemovalRange() {
    refuses("SecRuleRemoveById 9-3", "t.conf:1: 9-3: not an id or range");
  }

  @Test
  void badVariableLists() {
    refuses(
        "SecRule ARGS| \"@rx a\" \"id:1\"", "t.conf:1: ARGS|: target list ends with a separator");
    refuses("SecRule !ARGS \"@rx a\" \"id:1\"", "t.conf:1: !ARGS: exclusion without a selector");
    refuses("SecRule ARGS:/abc \"@rx a\" \"id:1\"", "t.conf:1: /abc: unterminated regex selector");
  }

  @Test
  void everyListedDirectiveHasAHandlerThatRefusesMissingArguments() {
    for (String directive : SecLangNames.DIRECTIVES) {
      if (directive.equals("SecResponseBodyMimeTypesClear")) {
        continue;
      }
      refuses(directive + "\n", "t.conf:1: " + directive);
    }
  }

  @Test
  void errorsInAMultiLineDirectiveNameItsFirstLine() {
    refuses(
        "SecAction \"id:1\"\nSecRule ARGS \"@rx a\" \\\n  \"id:2,\\\n  bogus\"",
        "t.conf:2: bogus: unknown action");
  }
}
