package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.Interruption;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.seclang.RuleDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the rules of a phase against one transaction, with ModSecurity v3's semantics:
 *
 * <ul>
 *   <li>per rule: targets collected, rule exclusions and {@code ctl:ruleRemoveTarget*} applied,
 *       {@code &} counts, the transformation chain applied (cached per value and prefix within the
 *       transaction), the operator run (negated by {@code !}) on every target — with {@code
 *       multiMatch} on the raw value and after every transformation that changed it;
 *   <li>a matching target sets {@code MATCHED_VAR*} and runs the link's {@code setvar}s at once
 *       (per matching target, and for a chain's earlier links even when a later link fails, as v3's
 *       "independent of chained rule result" actions do);
 *   <li>when every link matched: {@code ctl}, {@code initcol}, {@code expirevar}, {@code setenv} of
 *       each link (last link first), the match recorded (unless {@code nolog}) with {@code
 *       msg}/{@code logdata} expanded now, then the disruptive action ({@code block} is the phase's
 *       {@code SecDefaultAction} action) and {@code skip}/{@code skipAfter};
 *   <li>{@code DetectionOnly} never interrupts nor allows: the first interruption is kept as
 *       suppressed; {@code ctl:ruleEngine=Off} stops at the next rule.
 * </ul>
 *
 * <p>An exception or stack overflow while evaluating a rule (an engine fault, or a regex too deep
 * for the JDK engine) skips that rule only: it is recorded as a {@link WafMatch} whose {@code
 * reason} names the fault, and the request goes on, as ModSecurity logs and continues. Stateless
 * and thread-safe.
 */
public final class Evaluator {
  private final CompiledRuleSet rules;
  // Whether rules a RuleGates gate shows cannot match are passed over (off: each one evaluated).
  private final boolean gating;

  /**
   * An evaluator of compiled rules.
   *
   * @param rules the rules
   */
  public Evaluator(CompiledRuleSet rules) {
    this(rules, true);
  }

  private Evaluator(CompiledRuleSet rules, boolean gating) {
    this.rules = java.util.Objects.requireNonNull(rules, "rules");
    this.gating = gating;
  }

  /**
   * An evaluator of the same rules that evaluates every rule it reaches, also those whose gate
   * ({@link RuleGates}) shows they cannot match: for comparisons.
   *
   * @return the evaluator
   */
  public Evaluator ungated() {
    return new Evaluator(rules, false);
  }

  private static final String[] SMALL = new String[64];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = Integer.toString(i);
    }
  }

  /** {@code Integer.toString(n)}, without allocating for the small counts rules see most. */
  static String decimal(int n) {
    return n >= 0 && n < SMALL.length ? SMALL[n] : Integer.toString(n);
  }

  /** Scratch lists of one phase run, reused from rule to rule. */
  private static final class Scratch {
    final List<Target> targets = new ArrayList<>();
    final List<CtlTargetRemoval> removals = new ArrayList<>();
    String matchedName = "";
    String matchedData = "";
    // The phase's gate unions, taken when the first gated rule is reached.
    GateUnions gates;
  }

  /**
   * Runs a phase. Never throws: a rule that fails is recorded and skipped.
   *
   * @param tx the transaction's evaluation state
   * @param phase 1 to 5
   */
  public void runPhase(EvaluatorTransaction tx, int phase) {
    if (phase < 1 || phase > 5) {
      return;
    }
    tx.enterPhase(phase);
    if (tx.skipsPhase(phase)) {
      return;
    }
    RuleGates gates = rules.gates(phase);
    Scratch s = new Scratch();
    try {
      run(tx, phase, gates, s);
    } finally {
      if (s.gates != null) {
        gates.giveBack(s.gates);
      }
    }
  }

  private void run(EvaluatorTransaction tx, int phase, RuleGates gates, Scratch s) {
    CompiledRule[] list = rules.phase(phase);
    boolean gating = this.gating && rules.predicts();
    TxNeeds.Need[] needs = rules.txNeeds().phase(phase);
    TxCollection numbered = gating ? tx.numberedTx() : null;
    int i = 0;
    while (i < list.length && tx.mode() != EngineMode.OFF) {
      byte flags = gates.flags(i);
      if ((flags & RuleGates.MARKER) != 0) {
        i++;
        continue;
      }
      CompiledRule r = list[i];
      if (tx.isRemoved(r)) {
        i++;
        continue;
      }
      PolicyPlan plan = tx.plan();
      if (plan != null && (flags & RuleGates.FOLDABLE) != 0) {
        PolicyPlan.Segment segment = plan.segment(phase, i);
        if (segment != null) {
          tx.replay(segment);
          i = segment.next();
          continue;
        }
      }
      try {
        TxNeeds.Need need = needs[i];
        if (need != null && numbered != null && TxNeeds.unmet(need, numbered, tx)) {
          // No target (or none the operator matches) for a link the chain must match.
          i++;
          continue;
        }
        int group = gates.group(i);
        if (group >= 0 && gating && !tx.hasTargetRemovals()) {
          // As a replayed plan segment, a rule passed over here leaves MATCHED_VAR* and RULE as
          // the last evaluated rule left them: only a rule's own evaluation reads them, after
          // setting them.
          if (s.gates == null) {
            s.gates = gates.take();
          }
          if (s.gates.rejects(group, i, tx)) {
            i++;
            continue;
          }
        }
        i = evaluate(tx, r, phase, i, s);
      } catch (RuntimeException | StackOverflowError e) {
        tx.record(new WafMatch(r.id, phase, "", "", "", "", -1, List.of(), "error: " + e));
        i++;
      }
      if (i < 0) {
        return;
      }
    }
  }

  /**
   * Evaluates the rule at an index as {@link #runPhase} would, for a {@link PolicyPlan} being
   * built.
   *
   * @return the next index; -1 when the phase stops
   */
  int evaluateOne(EvaluatorTransaction tx, int phase, int index) {
    CompiledRule r = rules.phase(phase)[index];
    try {
      return evaluate(tx, r, phase, index, new Scratch());
    } catch (RuntimeException | StackOverflowError e) {
      tx.record(new WafMatch(r.id, phase, "", "", "", "", -1, List.of(), "error: " + e));
      return index + 1;
    }
  }

  private int evaluate(EvaluatorTransaction tx, CompiledRule r, int phase, int index, Scratch s) {
    EvaluatorStore store = tx.store();
    store.clearMatchedVars();
    store.rule(r.fields);
    if (!s.removals.isEmpty()) {
      s.removals.clear();
    }
    if (tx.hasTargetRemovals()) {
      tx.targetRemovals(r, s.removals);
    }
    s.matchedName = "";
    s.matchedData = "";
    for (CompiledRule link = r; link != null; link = link.next) {
      tx.current(link);
      if (!matchLink(tx, link, s)) {
        tx.current(null);
        return index + 1;
      }
    }
    tx.current(r);
    if (r.divertsPlan) {
      tx.leavePlan();
    }
    afterMatch(tx, r);
    if (r.severity >= 0) {
      store.severity(r.severity);
    }
    if (r.log) {
      List<String> tags = new ArrayList<>(r.tags.size());
      for (int t = 0; t < r.tagTemplates.length; t++) {
        tags.add(MacroTemplate.expand(store, r.tags.get(t), r.tagTemplates[t]));
      }
      tx.record(
          new WafMatch(
              r.id,
              phase,
              MacroTemplate.expand(store, r.msg, r.msgTemplate),
              s.matchedName,
              s.matchedData,
              MacroTemplate.expand(store, r.logData, r.logDataTemplate),
              r.severity,
              tags,
              "match"));
    }
    tx.current(null);
    if (disrupt(tx, r, phase)) {
      return -1;
    }
    for (CompiledRule link = r; link != null; link = link.next) {
      if (link.skip > 0) {
        return index + 1 + link.skip;
      }
    }
    if (!CompiledRuleSet.skipAfterOf(r).isEmpty()) {
      return rules.skipAfterTarget(phase, index) + 1;
    }
    return index + 1;
  }

  private static void afterMatch(EvaluatorTransaction tx, CompiledRule first) {
    for (CompiledRule link = first; link != null; link = link.next) {
      for (ActionStep step : link.afterMatch) {
        step.run(tx);
      }
    }
  }

  /** Runs the disruptive action; true when the phase stops here. */
  private boolean disrupt(EvaluatorTransaction tx, CompiledRule r, int phase) {
    DisruptiveAction d = r.disruptive;
    int status = r.status;
    if (d.kind() == DisruptiveAction.Kind.BLOCK) {
      d = rules.blockAction(phase);
      if (status < 0) {
        status = rules.blockStatus(phase);
      }
    }
    switch (d.kind()) {
      case ALLOW -> {
        if (tx.mode() == EngineMode.ON) {
          tx.allow(d.allowScope());
          return true;
        }
        return false;
      }
      case DENY, DROP, REDIRECT -> {
        Interruption.Action action =
            switch (d.kind()) {
              case DROP -> Interruption.Action.DROP;
              case REDIRECT -> Interruption.Action.REDIRECT;
              default -> Interruption.Action.DENY;
            };
        Optional<String> url = Optional.empty();
        if (action == Interruption.Action.REDIRECT) {
          url = Optional.of(tx.expand(d.redirectUrl()));
          status = status == 301 || status == 302 || status == 303 || status == 307 ? status : 302;
        } else if (status < 0) {
          status = 403;
        }
        tx.interrupt(new Interruption(r.id, action, status, url, phase));
        return tx.mode() == EngineMode.ON;
      }
      default -> {
        return false;
      }
    }
  }

  private boolean matchLink(EvaluatorTransaction tx, CompiledRule link, Scratch s) {
    if (link.kind == RuleDef.Kind.ACTION) {
      for (PreparedSetvar sv : link.setvars) {
        sv.apply(tx.store());
      }
      return true;
    }
    boolean matched = false;
    List<Target> targets = s.targets;
    CompiledRule.Variable[] variables = link.variables;
    for (int vi = 0; vi < variables.length; vi++) {
      CompiledRule.Variable v = variables[vi];
      Target[] selected =
          s.removals.isEmpty()
              ? tx.views().select(link.selectionIds[vi], tx.store(), v, link.exclusions)
              : null;
      if (selected != null) {
        matched |= matchSelected(tx, link, vi, selected, s);
        continue;
      }
      if (v.txSlot() >= 0 && s.removals.isEmpty() && link.exclusions.isEmpty()) {
        TxCollection numbered = tx.numberedTx();
        if (numbered != null) {
          matched |= matchTx(tx, link, vi, numbered.get(v.txSlot(), v.key().get()), s);
          continue;
        }
      }
      targets.clear();
      TxKeyMatches keyMatches = link.txKeyMatches[vi];
      TxCollection numbered = keyMatches == null ? null : tx.numberedTx();
      RequestState state;
      if (numbered != null) {
        numbered.collect(v.key(), keyMatches, targets);
      } else if ((state = tx.requestState()) != null) {
        state.collect(v.kind(), v.collection(), v.key(), v.keyPattern(), targets);
      } else {
        tx.store().collect(v.collection(), v.key(), v.keyPattern(), targets);
      }
      if (!link.exclusions.isEmpty() || !s.removals.isEmpty()) {
        exclude(v.collection(), targets, link.exclusions, s.removals);
      }
      if (v.count()) {
        String name = link.countNames[vi];
        matched |= matchTarget(tx, link, new Target(name, name, decimal(targets.size())), s);
        continue;
      }
      for (int t = 0; t < targets.size(); t++) {
        matched |= matchTarget(tx, link, targets.get(t), s);
      }
    }
    return matched;
  }

  /**
   * Matches {@code TX:key} read by the key's number ({@code found} is the key's target, null when
   * absent): what collecting it by name and matching what was collected does.
   */
  private boolean matchTx(
      EvaluatorTransaction tx, CompiledRule link, int vi, Target found, Scratch s) {
    if (link.variables[vi].count()) {
      String name = link.countNames[vi];
      return matchTarget(tx, link, new Target(name, name, decimal(found == null ? 0 : 1)), s);
    }
    return found != null && matchTarget(tx, link, found, s);
  }

  /** Matches a variable through the transaction's shared selection and view of it. */
  private boolean matchSelected(
      EvaluatorTransaction tx, CompiledRule link, int vi, Target[] selected, Scratch s) {
    TargetViews views = tx.views();
    if (link.variables[vi].count()) {
      String name = link.countNames[vi];
      return matchTarget(tx, link, new Target(name, name, decimal(selected.length)), s);
    }
    int view = link.viewIds[vi];
    boolean matched = false;
    if (view < 0) {
      for (Target t : selected) {
        matched |= matchTarget(tx, link, t, s);
      }
      return matched;
    }
    views.view(view, selected);
    int selection = link.selectionIds[vi];
    CompiledTransforms.Chain chain = link.transforms;
    int n = chain.length();
    ValueCache cache = tx.values();
    LiteralIndex.Formula formula = link.literals;
    if (formula != null && !link.negated) {
      // No target can pass the literal test when all of them together do not (see union).
      int[] union = views.union(view);
      if (union == null && rules.predicts()) {
        union = views.rawUnion(selection, view, chain, n, cache);
      }
      if (union != null && !formula.mayMatch(union)) {
        return false;
      }
    }
    for (int i = 0; i < selected.length; i++) {
      String raw = selected[i].value();
      // A view without transformations reads the raw values: nothing to keep for them.
      String value = n == 0 ? raw : views.value(view, i);
      ValueCache.Row row = null;
      if (value == null) {
        row = views.row(selection, i, cache, raw);
        value = cache.transform(row, chain, raw, n);
        views.value(view, i, value);
      }
      int[] found = null;
      if (link.literals != null) {
        found = views.literals(view, i);
        if (found == null) {
          found =
              cache.literals(
                  row != null ? row : views.row(selection, i, cache, raw), chain, n, value);
          views.literals(view, i, found);
        }
      }
      matched |= test(tx, link, selected[i], value, found, s);
    }
    if (formula != null && views.union(view) == null) {
      views.unite(view);
    }
    return matched;
  }

  private static void exclude(
      String collection,
      List<Target> targets,
      List<CtlTargetRemoval> exclusions,
      List<CtlTargetRemoval> removals) {
    int kept = 0;
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      if (!removes(collection, t, exclusions) && !removes(collection, t, removals)) {
        targets.set(kept++, t);
      }
    }
    for (int last = targets.size() - 1; last >= kept; last--) {
      targets.remove(last);
    }
  }

  private static boolean removes(String collection, Target t, List<CtlTargetRemoval> removals) {
    for (int i = 0; i < removals.size(); i++) {
      if (removals.get(i).removes(collection, t)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchTarget(
      EvaluatorTransaction tx, CompiledRule link, Target target, Scratch s) {
    CompiledTransforms.Chain chain = link.transforms;
    String raw = target.value();
    ValueCache cache = tx.values();
    ValueCache.Row row = chain.length() == 0 && link.literals == null ? null : cache.row(raw);
    if (!link.multiMatch || chain.length() == 0) {
      int n = chain.length();
      String v = cache.transform(row, chain, raw, n);
      return test(tx, link, target, v, found(cache, row, link, n, v), s);
    }
    boolean matched = test(tx, link, target, raw, found(cache, row, link, 0, raw), s);
    String previous = raw;
    for (int i = 1; i <= chain.length(); i++) {
      String v = cache.transform(row, chain, raw, i);
      if (!v.equals(previous)) {
        matched |= test(tx, link, target, v, found(cache, row, link, i, v), s);
      }
      previous = v;
    }
    return matched;
  }

  /** The literals of a transformed value when the link's operator has a literal formula. */
  private static int[] found(
      ValueCache cache, ValueCache.Row row, CompiledRule link, int n, String value) {
    return link.literals == null ? null : cache.literals(row, link.transforms, n, value);
  }

  /**
   * Runs the operator on a value (skipped when the rule set's literal index shows that its regex
   * cannot match: {@code found} are the value's literals, null when the link has no formula).
   */
  private static boolean test(
      EvaluatorTransaction tx,
      CompiledRule link,
      Target target,
      String value,
      int[] found,
      Scratch s) {
    LiteralIndex.Formula literals = link.literals;
    boolean result =
        literals == null
            ? link.operator.evaluate(tx, value)
            : literals.mayMatch(found) && link.operator.evaluateMeetingLiterals(tx, value);
    if (result == link.negated) {
      return false;
    }
    tx.store().matched(target, value);
    s.matchedName = target.name();
    s.matchedData = value;
    for (PreparedSetvar sv : link.setvars) {
      sv.apply(tx.store());
    }
    return true;
  }
}
