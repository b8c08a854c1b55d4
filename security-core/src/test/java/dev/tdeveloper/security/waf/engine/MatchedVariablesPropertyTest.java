package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The evaluator records a match of a transformed value without making a target ({@link
 * MatchedVariables#add(Target, String)}); every read must give what recording the target with that
 * value gives ({@link MatchedVariables#add(Target)}).
 */
class MatchedVariablesPropertyTest {
  private static final List<Target> TARGETS =
      List.of(
          new Target("ARGS:id", "id", "1' OR 1=1"),
          new Target("REQUEST_HEADERS:User-Agent", "User-Agent", "sqlmap/1.7"),
          new Target("REQUEST_URI", "REQUEST_URI", "/a?b=c"));
  private static final List<String> VARIABLES =
      List.of("MATCHED_VAR", "MATCHED_VAR_NAME", "MATCHED_VARS", "MATCHED_VARS_NAMES");

  /** 0 = clear, else a match of target {@code target}, raw or with value {@code value}. */
  private record Op(int kind, int target, String value, boolean raw) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, TARGETS.size() - 1),
                Arbitraries.of("1' or 1=1", "", "sqlmap/1.7", "/a?b=c"),
                Arbitraries.of(true, false))
            .as(Op::new);
    return op.list().ofMaxSize(20);
  }

  @Property(tries = 300)
  void aMatchRecordedByValueReadsAsTheTargetWithThatValue(@ForAll("ops") List<Op> ops) {
    MatchedVariables fast = new MatchedVariables();
    MatchedVariables plain = new MatchedVariables();
    for (Op op : ops) {
      if (op.kind() == 0) {
        fast.clear();
        plain.clear();
        continue;
      }
      Target t = TARGETS.get(op.target());
      String value = op.raw() ? t.value() : op.value();
      fast.add(t, value);
      plain.add(new Target(t.name(), t.key(), value));
      assertThat(fast.all()).isEqualTo(plain.all());
      assertThat(fast.lastName()).isEqualTo(plain.lastName());
      assertThat(fast.lastValue()).isEqualTo(plain.lastValue());
      for (String variable : VARIABLES) {
        for (Optional<WafPattern> p :
            List.of(Optional.<WafPattern>empty(), Optional.of(WafPattern.compile("^ARGS")))) {
          List<Target> got = new ArrayList<>();
          List<Target> want = new ArrayList<>();
          fast.collect(variable, Optional.empty(), p, got);
          plain.collect(variable, Optional.empty(), p, want);
          assertThat(got).isEqualTo(want);
        }
      }
    }
  }
}
