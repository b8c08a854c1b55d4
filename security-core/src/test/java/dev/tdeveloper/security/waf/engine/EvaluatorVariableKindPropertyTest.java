package dev.tdeveloper.security.waf.engine;

import static dev.tdeveloper.security.waf.engine.EvaluatorRules.action;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.rule;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.seclang.RuleDef;
import dev.tdeveloper.security.waf.seclang.SecLangNames;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The evaluator reads a variable that is not kept stable by its {@link VariableKind}, worked out
 * when the rule is compiled, when the store is a {@link RequestState}'s; it must match, record and
 * score exactly as reading it by name does, and every name must have the kind the name selects.
 */
class EvaluatorVariableKindPropertyTest {
  private static final List<String> VARIABLES =
      List.of(
          "TX",
          "TX:/^a/",
          "&TX",
          "MATCHED_VAR",
          "MATCHED_VARS",
          "MATCHED_VAR_NAME",
          "MATCHED_VARS_NAMES",
          "RULE:id",
          "RULE:msg",
          "UNIQUE_ID",
          "HIGHEST_SEVERITY",
          "DURATION",
          "TIME",
          "TIME_YEAR",
          "IP",
          "IP:/^h/",
          "ENV",
          "GEO",
          "XML:/*",
          "ARGS",
          "REQUEST_HEADERS:Host",
          "REQUEST_METHOD",
          "&ARGS");
  private static final List<String> OPERATORS = List.of("@rx ^[0-9a-z]", "@rx .", "@eq 1");

  /** A rule reading a variable with an operator, negated or not, with a severity or none. */
  private record Spec(int variable, int operator, boolean negated, int severity) {}

  @Provide
  Arbitrary<List<Spec>> specs() {
    Arbitrary<Spec> one =
        Combinators.combine(
                Arbitraries.integers().between(0, VARIABLES.size() - 1),
                Arbitraries.integers().between(0, OPERATORS.size() - 1),
                Arbitraries.of(false, true),
                Arbitraries.integers().between(-1, 5))
            .as(Spec::new);
    return one.list().ofMinSize(1).ofMaxSize(20);
  }

  @Property(tries = 300)
  void readsByKindAsByName(@ForAll("specs") List<Spec> specs) {
    List<RuleDef> rules = new ArrayList<>();
    rules.add(
        action(
            "id:1",
            "phase:2",
            "pass",
            "initcol:ip=%{REMOTE_ADDR}",
            "setvar:ip.hits=+1",
            "setvar:tx.a1=5",
            "setvar:tx.b=x",
            "setenv:mode=on"));
    int id = 2;
    for (Spec s : specs) {
      List<String> actions = new ArrayList<>(List.of("id:" + id, "phase:2", "pass", "log"));
      actions.add("msg:%{MATCHED_VAR_NAME}=%{MATCHED_VAR}");
      actions.add("setvar:tx.a" + id + "=" + id % 3);
      if (s.severity() >= 0) {
        actions.add("severity:" + s.severity());
      }
      String operator = (s.negated() ? "!" : "") + OPERATORS.get(s.operator());
      rules.add(rule(VARIABLES.get(s.variable()), operator, actions.toArray(String[]::new)));
      id++;
    }
    CompiledRuleSet compiled = CompiledRuleSet.compile(set(rules.toArray(RuleDef[]::new)));
    Evaluator evaluator = new Evaluator(compiled);
    RequestState byKind = state();
    RequestState byName = state();
    EvaluatorTransaction fast =
        new EvaluatorTransaction(compiled, new EvaluatorRequestStore(byKind), EngineMode.ON);
    EvaluatorTransaction plain =
        new EvaluatorTransaction(
            compiled, new NamedTxStore(new EvaluatorRequestStore(byName)), EngineMode.ON);
    assertThat(fast.requestState()).isSameAs(byKind);
    assertThat(plain.requestState()).isNull();
    evaluator.runPhase(fast, 2);
    evaluator.runPhase(plain, 2);
    assertThat(fast.matches()).isEqualTo(plain.matches());
    assertThat(NamedTxStore.tx(byKind)).isEqualTo(NamedTxStore.tx(byName));
  }

  @Example
  void everyNameHasTheKindItsNameSelects() {
    Map<String, VariableKind> named = new TreeMap<>();
    for (String n : List.of("IP", "GLOBAL", "SESSION", "USER", "RESOURCE")) {
      named.put(n, VariableKind.PERSISTENT);
    }
    for (String n :
        List.of("MATCHED_VAR", "MATCHED_VAR_NAME", "MATCHED_VARS", "MATCHED_VARS_NAMES")) {
      named.put(n, VariableKind.MATCHED);
    }
    for (VariableKind k :
        List.of(
            VariableKind.TX,
            VariableKind.GEO,
            VariableKind.ENV,
            VariableKind.RULE,
            VariableKind.XML,
            VariableKind.UNIQUE_ID,
            VariableKind.HIGHEST_SEVERITY,
            VariableKind.DURATION)) {
      named.put(k.name(), k);
    }
    TreeSet<String> names = new TreeSet<>(SecLangNames.COLLECTIONS);
    names.addAll(SecLangNames.VARIABLES);
    names.add("TIME_EPOCH_X"); // not a variable: still read as TIME* was
    for (String name : names) {
      VariableKind expected =
          named.getOrDefault(
              name, name.startsWith("TIME") ? VariableKind.TIME : VariableKind.DERIVED);
      assertThat(VariableKind.of(name)).as(name).isEqualTo(expected);
    }
    assertThat(names).containsAll(named.keySet());
  }

  private static RequestState state() {
    ManualClock clock = new ManualClock();
    RequestState state = new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    state.setConnection("203.0.113.9", 40000, "10.0.0.1", 8080);
    state.setRequestLine("GET", "/notes?a=1&b=two", "HTTP/1.1");
    state.addRequestHeader("Host", "example.com");
    state.setUniqueId("u1");
    state.setGeo("country_code", "NL");
    return state;
  }
}
