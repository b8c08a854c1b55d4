package dev.tdeveloper.security.waf.engine;

import static dev.tdeveloper.security.waf.engine.EvaluatorRules.action;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.rule;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.seclang.RuleDef;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The evaluator reads {@code TX:key} (and {@code &TX:key}) by the key's number when the store keeps
 * {@code TX} as a {@link TxCollection}; it must match, record and score exactly as collecting the
 * key by name does, whatever the sequence of writes, unsets and reads, the key's case, keys absent,
 * and keys numbered only after the transaction's collection was made.
 */
class EvaluatorTxReadPropertyTest {
  private static final List<String> KEYS =
      List.of("score", "Score", "anomaly_score", "never_set", "LATE");
  private static final List<String> VALUES = List.of("0", "1", "5", "abc", "");

  /** 0 = setvar, 1 = unset, 2 = {@code TX:key @streq v}, 3 = {@code &TX:key @eq n}, 4 = rx. */
  private record Spec(int kind, int key, int value, boolean negated) {}

  @Provide
  Arbitrary<List<Spec>> specs() {
    Arbitrary<Spec> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, KEYS.size() - 1),
                Arbitraries.integers().between(0, VALUES.size() - 1),
                Arbitraries.of(false, true))
            .as(Spec::new);
    return one.list().ofMinSize(1).ofMaxSize(16);
  }

  @Property(tries = 300)
  void readsByNumberAsByName(@ForAll("specs") List<Spec> specs, @ForAll int salt) {
    ManualClock clock = new ManualClock();
    RequestState numbered =
        new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    RequestState named = new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    // Numbered when the rules compile below: after both states' TX collections were made.
    String late = "late_" + Integer.toHexString(salt) + "_" + specs.size();
    List<RuleDef> rules = new ArrayList<>();
    int id = 1;
    for (Spec s : specs) {
      String key = s.key() == 4 ? late : KEYS.get(s.key());
      String value = VALUES.get(s.value());
      String not = s.negated() ? "!" : "";
      String[] actions = {
        "id:" + id,
        "phase:1",
        "pass",
        "log",
        "msg:%{MATCHED_VAR_NAME}=%{MATCHED_VAR}",
        "setvar:tx.hits=+" + id
      };
      rules.add(
          switch (s.kind()) {
            case 0 -> action("id:" + id, "phase:1", "pass", "setvar:tx." + key + "=" + value);
            case 1 -> action("id:" + id, "phase:1", "pass", "setvar:!tx." + key);
            case 2 -> rule("TX:" + key, not + "@streq " + value, actions);
            case 3 -> rule("&TX:" + key, not + "@eq " + s.value() % 2, actions);
            default -> rule("TX:" + key, not + "@rx ^[0-9]", actions);
          });
      id++;
    }
    CompiledRuleSet compiled = CompiledRuleSet.compile(set(rules.toArray(RuleDef[]::new)));
    Evaluator evaluator = new Evaluator(compiled);
    EvaluatorTransaction fast =
        new EvaluatorTransaction(compiled, new EvaluatorRequestStore(numbered), EngineMode.ON);
    EvaluatorTransaction plain =
        new EvaluatorTransaction(
            compiled, new NamedTxStore(new EvaluatorRequestStore(named)), EngineMode.ON);
    assertThat(fast.numberedTx()).isNotNull();
    assertThat(plain.numberedTx()).isNull();
    evaluator.runPhase(fast, 1);
    evaluator.runPhase(plain, 1);
    assertThat(fast.matches()).isEqualTo(plain.matches());
    assertThat(NamedTxStore.tx(numbered)).isEqualTo(NamedTxStore.tx(named));
  }
}
