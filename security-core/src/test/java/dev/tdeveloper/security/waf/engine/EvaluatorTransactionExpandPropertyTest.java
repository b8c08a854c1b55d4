package dev.tdeveloper.security.waf.engine;

import static dev.tdeveloper.security.waf.engine.EvaluatorRules.action;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link EvaluatorTransaction#expand} keeps the template of the last text it expanded; whatever the
 * sequence of texts (the same instance again, an equal copy, another text) and of {@code TX} writes
 * between them, it must expand as the store does.
 */
class EvaluatorTransactionExpandPropertyTest {
  private static final List<String> TEXTS =
      List.of(
          "%{tx.allowed_methods}",
          "GET %{TX.allowed_methods} x",
          "no macro",
          "100% sure",
          "%{tx.n}%{rule.id}",
          "%{tx.missing",
          "%{MATCHED_VAR}");
  private static final CompiledRuleSet RULES =
      CompiledRuleSet.compile(set(action("id:1", "phase:1", "pass")));

  /** Text {@code text} (an equal copy when {@code copy}), after setting {@code TX:n}. */
  private record Op(int text, boolean copy, String n) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, TEXTS.size() - 1),
                Arbitraries.of(true, false),
                Arbitraries.of("1", "2", "GET POST"))
            .as(Op::new);
    return op.list().ofMaxSize(25);
  }

  @Property(tries = 200)
  void expandsAsTheStoreDoes(@ForAll("ops") List<Op> ops) {
    ManualClock clock = new ManualClock();
    RequestState state = new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    state.rule().enter(Map.of("id", "942100"));
    EvaluatorTransaction tx =
        new EvaluatorTransaction(RULES, new EvaluatorRequestStore(state), EngineMode.ON);
    MutableCollection txVars = state.collection("tx").orElseThrow();
    for (Op op : ops) {
      txVars.set("n", op.n());
      txVars.set("allowed_methods", op.n() + " HEAD");
      String text = op.copy() ? new String(TEXTS.get(op.text())) : TEXTS.get(op.text());
      assertThat(tx.expand(text)).isEqualTo(state.expand(text));
    }
  }
}
