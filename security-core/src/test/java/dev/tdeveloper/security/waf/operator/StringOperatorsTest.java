package dev.tdeveloper.security.waf.operator;

import static dev.tdeveloper.security.waf.operator.Ops.eval;
import static dev.tdeveloper.security.waf.operator.Ops.op;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringOperatorsTest {
  @Test
  void streqComparesWholeValuesCaseSensitively() {
    assertThat(eval(op("streq", "POST"), "POST")).isTrue();
    assertThat(eval(op("streq", "POST"), "post")).isFalse();
    assertThat(eval(op("streq", "POST"), "POST ")).isFalse();
    assertThat(eval(op("streq", ""), "")).isTrue();
    assertThat(eval(op("streq", ""), "x")).isFalse();
  }

  @Test
  void beginsWithAndEndsWithCompareTheEnds() {
    assertThat(eval(op("beginsWith", "/admin"), "/admin/x")).isTrue();
    assertThat(eval(op("beginsWith", "/admin"), "/adm")).isFalse();
    assertThat(eval(op("endsWith", ".php"), "/x/index.php")).isTrue();
    assertThat(eval(op("endsWith", ".php"), "/x/index.PHP")).isFalse();
    assertThat(eval(op("endsWith", ".php"), "php")).isFalse();
  }

  @Test
  void anEmptyParameterMatchesEverythingForTheSearchOperators() {
    for (String name : new String[] {"beginsWith", "endsWith", "contains", "containsWord"}) {
      assertThat(eval(op(name, ""), "anything")).as(name).isTrue();
      assertThat(eval(op(name, ""), "")).as(name).isTrue();
    }
  }

  @Test
  void containsFindsSubstringsIncludingNulBytes() {
    assertThat(eval(op("contains", "/wp-admin/"), "/blog/wp-admin/x")).isTrue();
    assertThat(eval(op("contains", "b\u0000c"), "ab\u0000cd")).isTrue();
    assertThat(eval(op("contains", "bc"), "b\u0000c")).isFalse();
  }

  @ParameterizedTest(name = "containsWord {0} in \"{1}\" = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "select|select|true",
        "select|select * from|true",
        "select|x select|true",
        "select|1 select 2|true",
        "select|(select)|true",
        "select|1select2|true",
        "select|_select_|true",
        "select|selected|false",
        "select|unselect|false",
        "select|unselect select|true",
        "select|''|false",
      })
  void containsWordNeedsNonLettersAroundTheWord(String word, String input, boolean expected) {
    assertThat(eval(op("containsWord", word), input)).isEqualTo(expected);
  }

  @Test
  void withinFindsTheInputInsideTheParameter() {
    Operator methods = op("within", "GET HEAD POST OPTIONS");
    assertThat(eval(methods, "GET")).isTrue();
    assertThat(eval(methods, "ET H")).isTrue();
    assertThat(eval(methods, "DELETE")).isFalse();
    assertThat(eval(methods, "")).isTrue();
    assertThat(eval(methods, "GET\u0000DELETE")).isFalse();
  }

  @Test
  void macroParametersAreExpandedOnEveryEvaluation() {
    Operator within = op("within", "%{tx.allowed_methods}");
    RecordingContext ctx = new RecordingContext().macro("tx.allowed_methods", "GET POST");
    assertThat(within.evaluate(ctx, "POST")).isTrue();
    assertThat(within.evaluate(ctx, "PUT")).isFalse();
    ctx.macro("tx.allowed_methods", "GET PUT");
    assertThat(within.evaluate(ctx, "PUT")).isTrue();
    assertThat(ctx.expansions).isEqualTo(3);

    Operator host = op("endsWith", ".%{request_headers.host}");
    RecordingContext h = new RecordingContext().macro("request_headers.host", "example.com");
    assertThat(host.evaluate(h, "http://www.example.com")).isTrue();
    assertThat(host.evaluate(h, "http://example.org")).isFalse();

    Operator charset = op("within", "|%{tx.charsets}|");
    RecordingContext c = new RecordingContext().macro("tx.charsets", "utf-8|iso-8859-1");
    assertThat(charset.evaluate(c, "|utf-8|")).isTrue();
    assertThat(charset.evaluate(c, "|utf-16|")).isFalse();
  }

  @Test
  void staticParametersAreNeverExpanded() {
    RecordingContext ctx = new RecordingContext();
    op("streq", "100% sure").evaluate(ctx, "x");
    op("contains", "{x}").evaluate(ctx, "x");
    assertThat(ctx.expansions).isZero();
  }

  @Test
  void anUnknownMacroExpandsToEmpty() {
    Operator streq = op("streq", "%{tx.missing}");
    assertThat(streq.evaluate(new RecordingContext(), "")).isTrue();
  }
}
