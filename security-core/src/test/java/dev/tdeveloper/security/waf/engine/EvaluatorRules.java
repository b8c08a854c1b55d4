package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.seclang.ActionRef;
import dev.tdeveloper.security.waf.seclang.EngineSettings;
import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import dev.tdeveloper.security.waf.seclang.RuleDef;
import dev.tdeveloper.security.waf.seclang.RuleSet;
import dev.tdeveloper.security.waf.seclang.VariableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds {@link RuleDef}s by hand for evaluator tests (independent of the parser). */
final class EvaluatorRules {
  private static int line = 1;

  private EvaluatorRules() {}

  /** A {@code SecRule}: variables as {@code A|!B:k|&C|D:/re/}, operator {@code [!]@name p}. */
  static RuleDef rule(String vars, String op, String... actions) {
    return link(vars, op, Optional.empty(), actions);
  }

  /** A chain: the first link's actions get {@code chain}. */
  static RuleDef chain(RuleDef first, RuleDef next) {
    List<ActionRef> actions = new ArrayList<>(first.actions());
    actions.add(new ActionRef("chain", ""));
    return new RuleDef(
        first.kind(),
        first.variables(),
        first.operator(),
        actions,
        first.marker(),
        Optional.of(next),
        first.location());
  }

  static RuleDef action(String... actions) {
    return new RuleDef(
        RuleDef.Kind.ACTION,
        List.of(),
        Optional.empty(),
        actions(actions),
        Optional.empty(),
        Optional.empty(),
        new Location("test.conf", line++));
  }

  static RuleDef marker(String name) {
    return new RuleDef(
        RuleDef.Kind.MARKER,
        List.of(),
        Optional.empty(),
        List.of(),
        Optional.of(name),
        Optional.empty(),
        new Location("test.conf", line++));
  }

  private static RuleDef link(String vars, String op, Optional<RuleDef> next, String... actions) {
    List<VariableRef> refs = new ArrayList<>();
    for (String v : vars.split("\\|")) {
      boolean excl = v.startsWith("!");
      if (excl) {
        v = v.substring(1);
      }
      boolean count = v.startsWith("&");
      if (count) {
        v = v.substring(1);
      }
      int colon = v.indexOf(':');
      String coll = colon < 0 ? v : v.substring(0, colon);
      Optional<String> key = colon < 0 ? Optional.empty() : Optional.of(v.substring(colon + 1));
      boolean regex = key.isPresent() && key.get().startsWith("/") && key.get().endsWith("/");
      if (regex) {
        key = Optional.of(key.get().substring(1, key.get().length() - 1));
      }
      refs.add(new VariableRef(coll, key, regex, excl, count));
    }
    boolean negated = op.startsWith("!");
    String o = negated ? op.substring(2) : op.substring(1);
    int sp = o.indexOf(' ');
    OperatorRef ref =
        new OperatorRef(
            sp < 0 ? o : o.substring(0, sp), sp < 0 ? "" : o.substring(sp + 1), negated);
    return new RuleDef(
        RuleDef.Kind.RULE,
        refs,
        Optional.of(ref),
        actions(actions),
        Optional.empty(),
        next,
        new Location("test.conf", line++));
  }

  static List<ActionRef> actions(String... actions) {
    List<ActionRef> out = new ArrayList<>();
    for (String a : actions) {
      int colon = a.indexOf(':');
      out.add(
          colon < 0
              ? new ActionRef(a, "")
              : new ActionRef(a.substring(0, colon), a.substring(colon + 1)));
    }
    return out;
  }

  static RuleSet set(Map<Integer, List<ActionRef>> defaults, RuleDef... rules) {
    return new RuleSet(
        List.of(rules), defaults, EngineSettings.defaults(), Map.of("test.conf", rules.length));
  }

  static RuleSet set(RuleDef... rules) {
    return set(new HashMap<>(), rules);
  }

  /** Runs phases 1 and 2 of a rule set on a store. */
  static EvaluatorTransaction run(RuleSet set, EvaluatorTestStore store, EngineMode mode) {
    CompiledRuleSet compiled = CompiledRuleSet.compile(set);
    EvaluatorTransaction tx = new EvaluatorTransaction(compiled, store, mode);
    Evaluator evaluator = new Evaluator(compiled);
    evaluator.runPhase(tx, 1);
    evaluator.runPhase(tx, 2);
    return tx;
  }

  static EvaluatorTransaction run(RuleSet set, EvaluatorTestStore store) {
    return run(set, store, EngineMode.ON);
  }
}
