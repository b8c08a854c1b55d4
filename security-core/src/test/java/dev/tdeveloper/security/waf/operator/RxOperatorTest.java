package dev.tdeveloper.security.waf.operator;

import static dev.tdeveloper.security.waf.operator.Ops.eval;
import static dev.tdeveloper.security.waf.operator.Ops.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.WafException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RxOperatorTest {
  @Test
  void matchesAnywhereAndCapturesGroupsIntoTx() {
    RecordingContext ctx = RecordingContext.withCapture();
    assertThat(op("rx", "^(\\w+)/(\\d+)$").evaluate(ctx, "abc/123")).isTrue();
    assertThat(ctx.captures)
        .containsExactly(Map.entry(0, "abc/123"), Map.entry(1, "abc"), Map.entry(2, "123"));
    RecordingContext quiet = new RecordingContext();
    assertThat(op("rx", "b").evaluate(quiet, "abc")).isTrue();
    assertThat(quiet.captures).isEmpty();
    assertThat(eval(op("rx", "^b"), "abc")).isFalse();
  }

  @Test
  void matchesBytesIncludingNulAndHighBytes() {
    assertThat(eval(op("rx", "\\x00"), "a\u0000b")).isTrue();
    assertThat(eval(op("rx", "\\xff"), "a\u00ffb")).isTrue();
  }

  @Test
  void expandsMacrosInThePatternAtEvaluation() {
    Operator charset = op("rx", "^%{tx.allowed_request_content_type_charset}$");
    RecordingContext ctx =
        new RecordingContext().macro("tx.allowed_request_content_type_charset", "utf-8|iso-8859-1");
    assertThat(charset.evaluate(ctx, "utf-8")).isTrue();
    assertThat(charset.evaluate(ctx, "utf-16")).isFalse();
    assertThat(charset.evaluate(ctx, "iso-8859-1")).isTrue();
  }

  @Test
  void anExpansionThatIsNotARegexDoesNotMatch() {
    Operator op = op("rx", "%{tx.bad}");
    RecordingContext ctx = new RecordingContext().macro("tx.bad", "(unclosed");
    assertThat(op.evaluate(ctx, "(unclosed")).isFalse();
    assertThat(op.evaluate(ctx, "(unclosed")).isFalse();
  }

  @Test
  void manyDistinctExpansionsStayCorrectPastTheCache() {
    Operator op = op("rx", "^%{tx.v}$");
    for (int i = 0; i < RxOperator.MAX_CACHED_EXPANSIONS * 3; i++) {
      RecordingContext ctx = new RecordingContext().macro("tx.v", "v" + i);
      assertThat(op.evaluate(ctx, "v" + i)).isTrue();
      assertThat(op.evaluate(ctx, "v" + (i + 1))).isFalse();
    }
  }

  @Test
  void refusesAnInvalidPatternAtLoad() {
    assertThatThrownBy(() -> op("rx", "(unclosed"))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith("rules.conf:7: @rx: invalid regex: ")
        .hasMessageContaining("\"(unclosed\"; allowed: PCRE syntax");
  }
}
