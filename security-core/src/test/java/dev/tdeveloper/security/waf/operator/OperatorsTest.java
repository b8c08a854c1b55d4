package dev.tdeveloper.security.waf.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import dev.tdeveloper.security.waf.seclang.SecLangNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorsTest {
  /** A valid parameter per operator. */
  private static final Map<String, String> PARAMS =
      Map.ofEntries(
          Map.entry("rx", "^a"),
          Map.entry("pm", "a b"),
          Map.entry("pmFromFile", "phrases.data"),
          Map.entry("streq", "a"),
          Map.entry("beginsWith", "a"),
          Map.entry("endsWith", "a"),
          Map.entry("contains", "a"),
          Map.entry("containsWord", "a"),
          Map.entry("within", "a"),
          Map.entry("eq", "1"),
          Map.entry("ge", "1"),
          Map.entry("gt", "1"),
          Map.entry("le", "1"),
          Map.entry("lt", "1"),
          Map.entry("ipMatch", "10.0.0.0/8"),
          Map.entry("ipMatchFromFile", "ips.data"),
          Map.entry("validateByteRange", "1-255"),
          Map.entry("validateUrlEncoding", ""),
          Map.entry("validateUtf8Encoding", ""),
          Map.entry("unconditionalMatch", ""),
          Map.entry("noMatch", ""),
          Map.entry("geoLookup", ""),
          Map.entry("rbl", "bl.example.org"),
          Map.entry("detectSQLi", ""),
          Map.entry("detectXSS", ""));

  @TempDir Path dir;

  @Test
  void createsEveryVocabularyOperator() throws IOException {
    Files.writeString(dir.resolve("phrases.data"), "a\n");
    Files.writeString(dir.resolve("ips.data"), "10.0.0.0/8\n");
    Set<String> expected = new TreeSet<>(SecLangNames.OPERATORS);
    assertThat(Operators.SUPPORTED).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(PARAMS.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    OperatorEnv env = new OperatorEnv(Ops.AT, dir, GeoLookup.none(), DnsBlocklist.none());
    for (String name : expected) {
      Operator op = Operators.create(new OperatorRef(name, PARAMS.get(name), false), env);
      assertThat(op).as(name).isNotNull();
      op.evaluate(new RecordingContext(), "a\u0000\u00ff\u0100 10.0.0.1");
    }
  }

  @Test
  void everyOperatorCopesWithHugeAndHostileInputs() throws IOException {
    Files.writeString(dir.resolve("phrases.data"), "needle\n");
    Files.writeString(dir.resolve("ips.data"), "10.0.0.0/8\n");
    StringBuilder bytes = new StringBuilder(1 << 20);
    for (int i = 0; i < 1 << 20; i++) {
      bytes.append((char) (i & 0xff));
    }
    String[] inputs = {
      "9".repeat(1 << 20), bytes.toString(), "%".repeat(1 << 20), "\u00c3".repeat(1 << 20), ""
    };
    OperatorEnv env = new OperatorEnv(Ops.AT, dir, GeoLookup.none(), DnsBlocklist.none());
    for (String name : Operators.SUPPORTED) {
      Operator op = Operators.create(new OperatorRef(name, PARAMS.get(name), false), env);
      for (String input : inputs) {
        op.evaluate(RecordingContext.withCapture(), input);
      }
    }
    assertThat(Ops.eval(Ops.op("gt", "31486341"), inputs[0])).isTrue();
    assertThat(Ops.eval(Ops.op("eq", "0"), inputs[0])).isTrue();
    assertThat(Ops.eval(Ops.op("validateByteRange", "1-255"), inputs[1])).isTrue();
    assertThat(Ops.eval(Ops.op("validateUrlEncoding", ""), inputs[2])).isTrue();
    assertThat(Ops.eval(Ops.op("validateUtf8Encoding", ""), inputs[3])).isTrue();
    assertThat(Ops.eval(Ops.op("pm", "needle"), inputs[1] + "NEEDLE")).isTrue();
  }

  @Test
  void aliasesResolveToTheirOperators() throws IOException {
    Files.writeString(dir.resolve("phrases.data"), "needle\n");
    Operator pmf = Ops.op("pmf", "phrases.data", dir);
    assertThat(Ops.eval(pmf, "a NEEDLE")).isTrue();
  }

  @Test
  void theLibinjectionOperatorsDetectSqlInjectionAndXss() {
    assertThat(Ops.eval(Ops.op("detectSQLi", ""), "1' or '1'='1")).isTrue();
    assertThat(Ops.eval(Ops.op("detectSQLi", ""), "O'Brien")).isFalse();
    assertThat(Ops.eval(Ops.op("detectXSS", ""), "<script>alert(1)</script>")).isTrue();
    assertThat(Ops.eval(Ops.op("detectXSS", ""), "a < b and c > d")).isFalse();
  }

  @Test
  void anUnknownOperatorNamesTheLocationAndWhatIsAllowed() {
    assertThatThrownBy(() -> Ops.op("fuzzyHash", "x"))
        .isInstanceOf(WafException.class)
        .hasMessage(
            "rules.conf:7: @fuzzyHash: unknown operator; \"@fuzzyHash x\"; allowed: "
                + String.join(", ", new TreeSet<>(Operators.SUPPORTED)));
  }

  @Test
  void unconditionalMatchAndNoMatchIgnoreTheirInput() {
    assertThat(Ops.eval(Ops.op("unconditionalMatch", ""), "")).isTrue();
    assertThat(Ops.eval(Ops.op("unconditionalMatch", ""), "x\u0000")).isTrue();
    assertThat(Ops.eval(Ops.op("noMatch", ""), "")).isFalse();
    assertThat(Ops.eval(Ops.op("noMatch", ""), "anything")).isFalse();
  }

  @Test
  void theTwoArgumentEnvironmentStillWorks() {
    OperatorEnv env = new OperatorEnv(Ops.AT, Path.of("rules"));
    assertThat(env.location()).isEqualTo(Ops.AT);
    assertThat(env.baseDirectory()).isEqualTo(Path.of("rules"));
    assertThatThrownBy(() -> new OperatorEnv(Ops.AT, Path.of("."), null, DnsBlocklist.none()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("geoLookup");
  }
}
