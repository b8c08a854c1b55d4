package dev.tdeveloper.security.waf.engine;

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
 * Rules passed over by their gate ({@link RuleGates}: the first link's formula rejects the union of
 * the literals its variables' targets hold) are rules the evaluator would have found not matching:
 * random rule lists (gated and ungated variables, exclusions, {@code XML}, counts, negation,
 * transformations, {@code multiMatch}, chains, skips, {@code skipAfter}, run-time target removals)
 * over random requests give the same matches and {@code TX} with gates as without.
 */
class EvaluatorRuleGatesPropertyTest {
  private static final List<String> VARIABLES =
      List.of(
          "ARGS",
          "ARGS_NAMES",
          "ARGS:a",
          "ARGS|!ARGS:b",
          "REQUEST_HEADERS:X-Note",
          "REQUEST_COOKIES|!REQUEST_COOKIES:/^_u/|REQUEST_COOKIES_NAMES|ARGS_NAMES|ARGS|XML:/*",
          "REQUEST_COOKIES|REQUEST_COOKIES_NAMES",
          "REQUEST_HEADERS|XML:/*",
          "ARGS|TX:gate_x",
          "&ARGS",
          "REQUEST_URI",
          "REQUEST_FILENAME|ARGS_GET");
  private static final List<String> OPERATORS =
      List.of(
          "@rx select.{0,8}from",
          "@rx (?:script|alert)",
          "@rx etc/passwd",
          "@pm union eval",
          "@rx x",
          "!@rx script",
          "@contains ev");
  private static final List<String> TRANSFORMS =
      List.of(
          "", "t:lowercase", "t:urlDecodeUni", "t:urlDecodeUni,t:lowercase", "t:removeWhitespace");
  private static final List<String> PIECES =
      List.of(
          "hello",
          "Select 1 From t",
          "sel ect",
          "%53elect",
          "<script>",
          "ALERT",
          "etc/passwd",
          "union",
          "eval",
          "%3Cscript%3E",
          "x",
          "",
          "_utm");

  /** A link: variables, operator, transformations, multiMatch. */
  private record Link(int variable, int operator, int transform, boolean multiMatch) {}

  /** A rule: its links (one or two), and what it does when it matches. */
  private record Spec(Link first, Link second, int flow) {}

  @Provide
  Arbitrary<List<Spec>> specs() {
    Arbitrary<Link> link =
        Combinators.combine(
                Arbitraries.integers().between(0, VARIABLES.size() - 1),
                Arbitraries.integers().between(0, OPERATORS.size() - 1),
                Arbitraries.integers().between(0, TRANSFORMS.size() - 1),
                Arbitraries.of(false, false, false, true))
            .as(Link::new);
    return Combinators.combine(link, link.injectNull(0.7), Arbitraries.integers().between(0, 5))
        .as(Spec::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(24);
  }

  @Provide
  Arbitrary<List<String>> values() {
    return Arbitraries.of(PIECES).list().ofSize(5);
  }

  @Property(tries = 400)
  void gatesChangeNoOutcome(
      @ForAll("specs") List<Spec> specs, @ForAll("values") List<String> values) {
    CompiledRuleSet compiled = CompiledRuleSet.compile(set(rules(specs)));
    Evaluator gated = new Evaluator(compiled);
    RequestState withGates = state(values);
    RequestState without = state(values);
    EvaluatorTransaction a =
        new EvaluatorTransaction(compiled, new EvaluatorRequestStore(withGates), EngineMode.ON);
    EvaluatorTransaction b =
        new EvaluatorTransaction(compiled, new EvaluatorRequestStore(without), EngineMode.ON);
    for (int phase = 1; phase <= 2; phase++) {
      gated.runPhase(a, phase);
      gated.ungated().runPhase(b, phase);
    }
    assertThat(a.matches()).as("%s over %s", specs, values).isEqualTo(b.matches());
    assertThat(NamedTxStore.tx(withGates)).isEqualTo(NamedTxStore.tx(without));
    assertThat(a.interruption()).isEqualTo(b.interruption());
  }

  @Example
  void gatesPassOverRulesThatCannotMatch() {
    CompiledRuleSet compiled =
        CompiledRuleSet.compile(
            set(
                rule("ARGS|ARGS_NAMES", "@rx (?:script|alert)", "id:1", "phase:2", "pass", "log"),
                rule("ARGS|ARGS_NAMES", "@rx etc/passwd", "id:2", "phase:2", "pass", "log"),
                rule("ARGS|ARGS_NAMES", "@pm union eval", "id:3", "phase:2", "pass", "log")));
    RuleGates gates = compiled.gates(2);
    assertThat(gates.gatedCount()).isEqualTo(3);
    assertThat(gates.groupCount()).isEqualTo(1);
    RequestState state = state(List.of("hello", "etc/passwd", "x", "y", "z"));
    EvaluatorTransaction tx =
        new EvaluatorTransaction(compiled, new EvaluatorRequestStore(state), EngineMode.ON);
    new Evaluator(compiled).runPhase(tx, 2);
    assertThat(tx.matches()).extracting(m -> m.ruleId()).containsExactly(2L);
  }

  @Example
  void groupsSharingAViewShareItsSlot() {
    CompiledRuleSet compiled =
        CompiledRuleSet.compile(
            set(
                rule("ARGS|XML:/*", "@rx (?:script|alert)", "id:1", "phase:2", "pass"),
                rule("ARGS|ARGS_NAMES|XML:/*", "@rx etc/passwd", "id:2", "phase:2", "pass")));
    RuleGates gates = compiled.gates(2);
    assertThat(gates.groupCount()).isEqualTo(2);
    assertThat(gates.slotCount()).isEqualTo(2);
    assertThat(gates.xmlCount()).isEqualTo(1);
    assertThat(gates.entry(gates.start(0))).isEqualTo(gates.entry(gates.start(1)));
  }

  @Example
  void gatesForgetThePreviousTransactionAtTheSameDataVersion() {
    CompiledRuleSet compiled =
        CompiledRuleSet.compile(
            set(rule("ARGS|ARGS_NAMES", "@rx etc/passwd", "id:2", "phase:2", "pass", "log")));
    Evaluator evaluator = new Evaluator(compiled);
    List<Long> found = new ArrayList<>();
    for (String value : List.of("hello", "etc/passwd")) {
      // Both states are made the same way: their data versions are equal.
      RequestState state = state(List.of(value, "x", "y", "z", "w"));
      EvaluatorTransaction tx =
          new EvaluatorTransaction(compiled, new EvaluatorRequestStore(state), EngineMode.ON);
      evaluator.runPhase(tx, 2);
      tx.matches().forEach(m -> found.add(m.ruleId()));
    }
    assertThat(found).containsExactly(2L);
  }

  private static RuleDef[] rules(List<Spec> specs) {
    List<RuleDef> rules = new ArrayList<>();
    int id = 1;
    for (Spec s : specs) {
      List<String> actions = new ArrayList<>(List.of("id:" + id, "phase:2", "pass", "log"));
      actions.add("msg:%{MATCHED_VAR_NAME}=%{MATCHED_VAR}");
      actions.add("setvar:tx.score=+1");
      switch (s.flow()) {
        case 1 -> actions.add("skip:1");
        case 2 -> actions.add("skipAfter:END");
        case 3 -> actions.add("ctl:ruleRemoveTargetById=" + (id + 1) + ";ARGS:a");
        case 4 -> actions.add("setvar:tx.gate_x=select from");
        default -> {}
      }
      RuleDef first = link(s.first(), actions);
      if (s.second() != null) {
        first = chain(first, link(s.second(), List.of("setvar:tx.chained=+1")));
      }
      rules.add(first);
      if (id % 7 == 0) {
        rules.add(marker("END"));
      }
      id++;
    }
    rules.add(marker("END"));
    return rules.toArray(RuleDef[]::new);
  }

  private static RuleDef link(Link l, List<String> actions) {
    List<String> all = new ArrayList<>(actions);
    String t = TRANSFORMS.get(l.transform());
    if (!t.isEmpty()) {
      all.addAll(List.of(t.split(",")));
    }
    if (l.multiMatch()) {
      all.add("multiMatch");
    }
    return rule(
        VARIABLES.get(l.variable()), OPERATORS.get(l.operator()), all.toArray(String[]::new));
  }

  private static RequestState state(List<String> values) {
    ManualClock clock = new ManualClock();
    RequestState state = new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    state.setConnection("203.0.113.9", 40000, "10.0.0.1", 8080);
    String query =
        "a="
            + encode(values.get(0))
            + "&b="
            + encode(values.get(1))
            + "&"
            + encode(values.get(2))
            + "=1";
    state.setRequestLine("GET", "/notes/" + encode(values.get(3)) + "?" + query, "HTTP/1.1");
    state.addRequestHeader("Host", "example.com");
    state.addRequestHeader("X-Note", values.get(4));
    if (!values.get(2).isEmpty()) {
      state.addRequestHeader(
          "Cookie", "_utm=" + encode(values.get(1)) + "; k=" + encode(values.get(2)));
    }
    state.setUniqueId("u1");
    return state;
  }

  private static String encode(String s) {
    return s.replace(" ", "+").replace("&", "%26").replace("=", "%3D").replace(";", "%3B");
  }
}
