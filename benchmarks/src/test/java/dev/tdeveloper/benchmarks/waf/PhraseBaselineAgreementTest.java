package dev.tdeveloper.benchmarks.waf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.operator.Operator;
import dev.tdeveloper.security.waf.operator.OperatorEnv;
import dev.tdeveloper.security.waf.operator.Operators;
import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The naive baseline answers as the automaton does, so the benchmark compares equal work. */
class PhraseBaselineAgreementTest {
  private static final List<String> PROBES =
      List.of(
          "/ETC/PASSWD",
          "..%2f..%2fetc/shadow",
          "cat /etc/hosts",
          "x=base64_decode(y)",
          "call_user_func_array",
          "quarterly report",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
          "",
          "\u0000\u00ff/bin/sh\u0000");

  @ParameterizedTest
  @ValueSource(strings = {"lfi-os-files.data", "php-function-names-933151.data", "unix-shell.data"})
  void naiveAndAutomatonAgreeOnEveryProbeAndBenchmarkInput(String file) {
    Path rules = Crs.rulesDir().resolve("rules");
    Operator automaton =
        Operators.create(
            new OperatorRef("pmFromFile", file, false),
            new OperatorEnv(new Location("test", 1), rules));
    NaivePhraseMatcher naive = NaivePhraseMatcher.fromDataFile(rules.resolve(file));
    assertThat(naive.size()).isGreaterThan(100);
    for (String input : PROBES) {
      assertThat(naive.matches(input))
          .as("%s on %s", file, input)
          .isEqualTo(automaton.evaluate(NoCaptureContext.INSTANCE, input));
    }
    for (String input : PhraseMatchBenchmark.inputs()) {
      assertThat(naive.matches(input)).as("%s on %s", file, input).isFalse();
      assertThat(automaton.evaluate(NoCaptureContext.INSTANCE, input)).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lfi-os-files.data", "unix-shell.data"})
  void aKnownAttackPhraseIsFoundByBoth(String file) {
    Path rules = Crs.rulesDir().resolve("rules");
    Operator automaton =
        Operators.create(
            new OperatorRef("pmFromFile", file, false),
            new OperatorEnv(new Location("test", 1), rules));
    NaivePhraseMatcher naive = NaivePhraseMatcher.fromDataFile(rules.resolve(file));
    String attack = "q=;cat%20/ETC/PASSWD";
    assertThat(naive.matches(attack)).isTrue();
    assertThat(automaton.evaluate(NoCaptureContext.INSTANCE, attack)).isTrue();
  }
}
