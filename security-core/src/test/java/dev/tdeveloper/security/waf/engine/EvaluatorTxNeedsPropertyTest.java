package dev.tdeveloper.security.waf.engine;

import static dev.tdeveloper.security.waf.engine.EvaluatorRules.action;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.chain;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.marker;
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
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Rules passed over because a link they must match reads only {@code TX} keys none of which is set
 * ({@link TxNeeds}) are rules the evaluator would have found not matching: random rule lists (links
 * reading {@code TX} keys alone, counted, by regex or beside request variables; negated operators;
 * earlier links with {@code setvar}, {@code capture} or a regex; actions that set and unset the
 * keys; skips) over random requests give the same matches, {@code TX} and interruption with the
 * pass-over as with every rule evaluated ({@link Evaluator#ungated}).
 */
class EvaluatorTxNeedsPropertyTest {
  private static final List<String> VARIABLES =
      List.of(
          "TX:a",
          "TX:b|TX:c",
          "TX:A",
          "&TX:a",
          "TX:/^b/",
          "TX:a|ARGS:q",
          "ARGS:q",
          "TX:c|!TX:c",
          "REQUEST_HEADERS:X-Note");
  private static final List<String> OPERATORS =
      List.of(
          "@eq 1",
          "!@eq 1",
          "@lt 5",
          "@ge 0",
          "@unconditionalMatch",
          "!@rx ^$",
          "@rx ([0-9])",
          "@within 1 2 x",
          "@streq x",
          "@lt %{tx.b}",
          "!@eq %{tx.a}",
          "@streq %{MATCHED_VAR}",
          "@eq %{RULE.id}");
  private static final List<String> EFFECTS =
      List.of(
          "",
          "setvar:tx.a=1",
          "setvar:tx.b=+1",
          "setvar:tx.c=x",
          "setvar:!tx.a",
          "capture",
          "setvar:tx.seen=+1");
  private static final List<String> VALUES = List.of("1", "x", "", "7", "abc", "0", "3");

  /** A link: variables, operator, an effect when it matches. */
  private record Link(int variable, int operator, int effect) {}

  /** A rule: an action, or one to three links, and what it does when it matches. */
  private record Spec(boolean isAction, int setKey, List<Link> links, int flow) {}

  @Provide
  Arbitrary<List<Spec>> specs() {
    Arbitrary<Link> link =
        Combinators.combine(
                Arbitraries.integers().between(0, VARIABLES.size() - 1),
                Arbitraries.integers().between(0, OPERATORS.size() - 1),
                Arbitraries.integers().between(0, EFFECTS.size() - 1))
            .as(Link::new);
    return Combinators.combine(
            Arbitraries.of(false, false, false, true),
            Arbitraries.integers().between(1, EFFECTS.size() - 1),
            link.list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().between(0, 4))
        .as(Spec::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(20);
  }

  @Property(tries = 500)
  void passingOverChangesNoOutcome(
      @ForAll("specs") List<Spec> specs,
      @ForAll("values") String q,
      @ForAll("values") String note,
      @ForAll boolean detectionOnly) {
    CompiledRuleSet compiled = CompiledRuleSet.compile(set(rules(specs)));
    Evaluator evaluator = new Evaluator(compiled);
    EngineMode mode = detectionOnly ? EngineMode.DETECTION_ONLY : EngineMode.ON;
    RequestState withNeeds = state(q, note);
    RequestState without = state(q, note);
    EvaluatorTransaction a =
        new EvaluatorTransaction(compiled, new EvaluatorRequestStore(withNeeds), mode);
    EvaluatorTransaction b =
        new EvaluatorTransaction(compiled, new EvaluatorRequestStore(without), mode);
    for (int phase = 1; phase <= 5; phase++) {
      evaluator.runPhase(a, phase);
      evaluator.ungated().runPhase(b, phase);
    }
    assertThat(a.matches()).as("%s over q=%s note=%s", specs, q, note).isEqualTo(b.matches());
    assertThat(NamedTxStore.tx(withNeeds)).isEqualTo(NamedTxStore.tx(without));
    assertThat(a.interruption()).isEqualTo(b.interruption());
    assertThat(a.suppressedInterruption()).isEqualTo(b.suppressedInterruption());
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of(VALUES);
  }

  @Example
  void aLinkOfUnsetKeysAfterQuietLinksIsANeedAndOneAfterASetvarIsNot() {
    CompiledRuleSet compiled =
        CompiledRuleSet.compile(
            set(
                chain(
                    rule("TX:inbound", "@lt 5", "id:1", "phase:5", "pass", "log"),
                    rule("TX:monitor", "@gt 1")),
                chain(
                    rule(
                        "TX:inbound",
                        "@lt 5",
                        "id:2",
                        "phase:5",
                        "pass",
                        "setvar:tx.needs_written=1"),
                    rule("TX:monitor", "@gt 1")),
                rule("&TX:monitor", "@eq 0", "id:3", "phase:5", "pass", "log"),
                rule("TX:/monitor/", "@eq 0", "id:4", "phase:5", "pass", "log"),
                chain(
                    rule("ARGS", "@rx a", "id:5", "phase:5", "pass", "log"),
                    rule("TX:monitor", "@gt 1")),
                rule("TX:monitor|TX:other", "!@eq 1", "id:6", "phase:5", "pass", "log")));
    TxNeeds needs = compiled.txNeeds();
    TxNeeds.Need[] phase = needs.phase(5);
    assertThat(phase)
        .extracting(n -> n != null)
        .containsExactly(true, true, false, false, false, true);
    assertThat(phase[0].keys()).contains("inbound", "monitor");
    assertThat(phase[1].keys()).contains("inbound").doesNotContain("monitor");
    assertThat(phase[5].keys()).contains("monitor", "other");
    assertThat(needs.count(5)).isEqualTo(3);
  }

  @Example
  void aNegatedRuleOnAnUnsetKeyIsPassedOverAndMatchesOnceTheKeyIsSet() {
    CompiledRuleSet compiled =
        CompiledRuleSet.compile(
            set(
                rule("TX:monitor", "!@eq 1", "id:1", "phase:2", "pass", "log"),
                action("id:2", "phase:2", "pass", "nolog", "setvar:tx.monitor=0"),
                rule("TX:monitor", "!@eq 1", "id:3", "phase:2", "pass", "log")));
    RequestState state = state("1", "x");
    EvaluatorTransaction tx =
        new EvaluatorTransaction(compiled, new EvaluatorRequestStore(state), EngineMode.ON);
    new Evaluator(compiled).runPhase(tx, 2);
    assertThat(tx.matches()).extracting(m -> m.ruleId()).containsExactly(3L);
  }

  @Example
  void anOperatorReadingMatchedVarOrRuleIsNotRunOutsideEvaluation() {
    CompiledRuleSet compiled =
        CompiledRuleSet.compile(
            set(
                action("id:1", "phase:2", "pass", "nolog", "setvar:tx.a=1", "setvar:tx.b=1"),
                action("id:2", "phase:2", "pass", "nolog", "setvar:tx.n=7"),
                rule("ARGS:q", "@rx x", "id:3", "phase:2", "pass", "nolog"),
                chain(
                    rule("TX:a", "@eq 1", "id:4", "phase:2", "pass", "log"),
                    rule("TX:b", "@streq %{MATCHED_VAR}")),
                rule("TX:n", "@eq %{RULE.id}", "id:7", "phase:2", "pass", "log")));
    TxNeeds.Need chained = compiled.txNeeds().phase(2)[3];
    assertThat(chained.valued()).hasSize(4);
    assertThat(chained.valued()[0]).isNotNull(); // TX:a "@eq 1"
    assertThat(chained.valued()[2]).isNull(); // TX:b "@streq %{MATCHED_VAR}": presence only
    assertThat(compiled.txNeeds().phase(2)[4].valued()).containsOnlyNulls();
    RequestState state = state("x", "x");
    EvaluatorTransaction tx =
        new EvaluatorTransaction(compiled, new EvaluatorRequestStore(state), EngineMode.ON);
    new Evaluator(compiled).runPhase(tx, 2);
    assertThat(tx.matches()).extracting(m -> m.ruleId()).containsExactly(4L, 7L);
  }

  @Example
  void aQuietOperatorOnTxValuesIsRunBeforeEvaluation() {
    CompiledRuleSet compiled =
        CompiledRuleSet.compile(
            set(
                rule("TX:pl", "@ge 2", "id:1", "phase:4", "pass", "setvar:tx.s=+1"),
                rule("TX:pl", "@ge %{tx.threshold}", "id:2", "phase:4", "deny"),
                rule("TX:pl", "@ge 2", "id:3", "phase:4", "pass", "t:lowercase")));
    TxNeeds.Need[] phase = compiled.txNeeds().phase(4);
    assertThat(phase[0].valued()[0]).isNotNull();
    assertThat(phase[1].valued()[0]).isNotNull();
    assertThat(phase[2].valued()[0]).isNull();
  }

  private static RuleDef[] rules(List<Spec> specs) {
    List<RuleDef> rules = new ArrayList<>();
    int id = 1;
    for (Spec s : specs) {
      int phase = id % 3 == 0 ? 5 : 2;
      List<String> actions = new ArrayList<>(List.of("id:" + id, "phase:" + phase, "log"));
      actions.add("msg:%{TX.0}");
      actions.add(s.flow() == 3 ? "deny" : "pass");
      switch (s.flow()) {
        case 1 -> actions.add("skip:1");
        case 2 -> actions.add("skipAfter:END");
        default -> {}
      }
      if (s.isAction()) {
        String effect = EFFECTS.get(s.setKey());
        actions.add(effect.equals("capture") ? "setvar:tx.b=1" : effect);
        rules.add(action(actions.toArray(String[]::new)));
      } else {
        RuleDef first = null;
        for (int k = s.links().size() - 1; k >= 0; k--) {
          Link l = s.links().get(k);
          List<String> own = new ArrayList<>(k == 0 ? actions : List.of());
          String effect = EFFECTS.get(l.effect());
          if (!effect.isEmpty()) {
            own.add(effect);
          }
          RuleDef link =
              rule(
                  VARIABLES.get(l.variable()),
                  OPERATORS.get(l.operator()),
                  own.toArray(String[]::new));
          first = first == null ? link : chain(link, first);
        }
        rules.add(first);
      }
      if (id % 5 == 0) {
        rules.add(marker("END"));
      }
      id++;
    }
    rules.add(marker("END"));
    return rules.toArray(RuleDef[]::new);
  }

  private static RequestState state(String q, String note) {
    ManualClock clock = new ManualClock();
    RequestState state = new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    state.setConnection("203.0.113.9", 40000, "10.0.0.1", 8080);
    state.setRequestLine("GET", "/notes?q=" + q, "HTTP/1.1");
    state.addRequestHeader("Host", "example.com");
    state.addRequestHeader("X-Note", note);
    state.setUniqueId("u1");
    return state;
  }
}
