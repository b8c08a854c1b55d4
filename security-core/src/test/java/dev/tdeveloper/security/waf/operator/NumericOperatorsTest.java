package dev.tdeveloper.security.waf.operator;

import static dev.tdeveloper.security.waf.operator.Ops.eval;
import static dev.tdeveloper.security.waf.operator.Ops.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.WafException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericOperatorsTest {
  @ParameterizedTest(name = "atoll(\"{0}\") = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "42|42",
        "'  42'|42",
        "'\t\n\u000b\f\r7'|7",
        "+5|5",
        "-5|-5",
        "12abc|12",
        "abc|0",
        "''|0",
        "-|0",
        "1 2|1",
        "0x10|0",
        "99999999999999999999|9223372036854775807",
        "-99999999999999999999|-9223372036854775808",
        "9223372036854775807|9223372036854775807",
      })
  void atollReadsTheLeadingIntegerAndSaturates(String text, long expected) {
    assertThat(NumericOperators.atoll(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "stoi(\"{0}\") = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "42|42",
        "' -42x'|-42",
        "abc|0",
        "2147483647|2147483647",
        "-2147483648|-2147483648",
        "2147483648|0",
        "4294967296|0",
        "99999999999999999999999|0",
      })
  void stoiTreatsOutOfRangeAsZero(String text, long expected) {
    assertThat(NumericOperators.stoi(text)).isEqualTo(expected);
  }

  @Test
  void comparesTheInputWithTheParameter() {
    assertThat(eval(op("eq", "0"), "0")).isTrue();
    assertThat(eval(op("eq", "0"), "")).isTrue();
    assertThat(eval(op("eq", "0"), "nope")).isTrue();
    assertThat(eval(op("eq", "1"), "01")).isTrue();
    assertThat(eval(op("eq", "0"), "4294967296")).isTrue();
    assertThat(eval(op("gt", "5"), "6")).isTrue();
    assertThat(eval(op("gt", "5"), "5")).isFalse();
    assertThat(eval(op("ge", "5"), "5")).isTrue();
    assertThat(eval(op("lt", "5"), "4")).isTrue();
    assertThat(eval(op("lt", "5"), "5")).isFalse();
    assertThat(eval(op("le", "5"), "5")).isTrue();
    assertThat(eval(op("gt", "31486341"), "99999999999999999999999")).isTrue();
    assertThat(eval(op("lt", "0"), "-1 apples")).isTrue();
  }

  @Test
  void expandsMacroParameters() {
    Operator gt = op("gt", "%{tx.max_num_args}");
    RecordingContext ctx = new RecordingContext().macro("tx.max_num_args", "255");
    assertThat(gt.evaluate(ctx, "256")).isTrue();
    assertThat(gt.evaluate(ctx, "255")).isFalse();
    RecordingContext unset = new RecordingContext();
    assertThat(gt.evaluate(unset, "1")).isTrue();
    assertThat(
            op("ge", "%{tx.inbound_anomaly_score_threshold}")
                .evaluate(
                    new RecordingContext().macro("tx.inbound_anomaly_score_threshold", "5"), "5"))
        .isTrue();
  }

  @Test
  void refusesParametersThatAreNotNumbers() {
    assertThatThrownBy(() -> op("eq", "abc"))
        .isInstanceOf(WafException.class)
        .hasMessage(
            "rules.conf:7: @eq: not a number; \"abc\"; allowed: a decimal integer or a %{macro}"
                + " (32-bit)");
    assertThatThrownBy(() -> op("gt", "")).hasMessageContaining("@gt: not a number");
    assertThatThrownBy(() -> op("lt", "1.5")).hasMessageContaining("@lt: not a number");
    assertThatThrownBy(() -> op("eq", "2147483648")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> op("le", "99999999999999999999")).hasMessageContaining("out of range");
    assertThat(eval(op("ge", " -3 "), "-3")).isTrue();
  }
}
