package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.PhraseLiterals;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.security.waf.seclang.ActionRef;
import dev.tdeveloper.security.waf.seclang.EngineSettings;
import dev.tdeveloper.security.waf.seclang.RuleDef;
import dev.tdeveloper.security.waf.seclang.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link RuleSet} compiled once for evaluation: rules grouped per phase in load order, markers
 * present in every phase (as ModSecurity v3 inserts them), {@code skipAfter} resolved to the index
 * of the next marker of that name in the phase, and the disruptive action and status each phase's
 * {@code SecDefaultAction} gives to {@code block}. Immutable and thread-safe.
 */
public final class CompiledRuleSet {
  private final CompiledRule[][] phases;
  private final int[][] skipAfterTargets;
  private final RuleGates[] gates;
  private final TxNeeds txNeeds;
  private final DisruptiveAction[] blockAction;
  private final int[] blockStatus;
  private final int cacheNodes;
  private final LiteralIndex literalIndex;
  private final int selections;
  private final int views;
  private final EngineSettings settings;
  private final Map<String, Integer> rulesPerFile;
  private final int ruleCount;
  // Whether transactions skip work that CharTriggers shows changes nothing (off: the plain path).
  private final boolean predicts;
  // Per thread, the working memory the last transaction that ended on it gave back (none while a
  // transaction of the thread holds it).
  private final ThreadLocal<TransactionMemory> idle = new ThreadLocal<>();

  private CompiledRuleSet(RuleSet set) {
    this.phases = new CompiledRule[6][];
    this.skipAfterTargets = new int[6][];
    this.blockAction = new DisruptiveAction[6];
    this.blockStatus = new int[6];
    this.predicts = true;
    CompiledTransforms transforms = new CompiledTransforms();
    ActionCompiler compiler = new ActionCompiler(transforms);
    List<List<CompiledRule>> lists = new ArrayList<>();
    for (int p = 0; p <= 5; p++) {
      lists.add(new ArrayList<>());
    }
    int count = 0;
    for (int p = 1; p <= 5; p++) {
      List<ActionRef> defaults = set.defaultActions().getOrDefault(p, List.of());
      blockAction[p] = DisruptiveAction.NONE;
      blockStatus[p] = -1;
      for (ActionRef a : defaults) {
        switch (a.name()) {
          case "deny", "drop", "pass", "redirect" -> blockAction[p] = defaultDisruptive(a);
          case "status" -> blockStatus[p] = Integer.parseInt(a.value().trim());
          default -> {}
        }
      }
    }
    for (RuleDef def : set.rules()) {
      if (def.kind() == RuleDef.Kind.MARKER) {
        CompiledRule marker = compiler.compile(def, List.of(), 1);
        for (int p = 1; p <= 5; p++) {
          lists.get(p).add(marker);
        }
        continue;
      }
      int phase = phaseOf(def);
      lists
          .get(phase)
          .add(compiler.compile(def, set.defaultActions().getOrDefault(phase, List.of()), phase));
      count++;
    }
    for (int p = 1; p <= 5; p++) {
      phases[p] = lists.get(p).toArray(new CompiledRule[0]);
      skipAfterTargets[p] = resolveSkipAfter(phases[p]);
    }
    PolicyFold.mark(phases, blockAction);
    this.txNeeds = TxNeeds.of(phases);
    this.literalIndex = indexLiterals(phases);
    TargetViewIds ids = new TargetViewIds();
    for (int p = 1; p <= 5; p++) {
      for (CompiledRule r : phases[p]) {
        ids.number(r);
      }
    }
    this.selections = ids.selectionCount();
    this.views = ids.viewCount();
    this.gates = new RuleGates[6];
    for (int p = 1; p <= 5; p++) {
      gates[p] = RuleGates.of(phases[p]);
    }
    this.cacheNodes = transforms.nodeCount();
    this.settings = set.settings();
    this.rulesPerFile = set.rulesPerFile();
    this.ruleCount = count;
  }

  /**
   * The same compiled rules (shared) with {@link #predicts} off and working memory of their own.
   */
  private CompiledRuleSet(CompiledRuleSet of) {
    this.phases = of.phases;
    this.skipAfterTargets = of.skipAfterTargets;
    this.gates = of.gates;
    this.txNeeds = of.txNeeds;
    this.blockAction = of.blockAction;
    this.blockStatus = of.blockStatus;
    this.cacheNodes = of.cacheNodes;
    this.literalIndex = of.literalIndex;
    this.selections = of.selections;
    this.views = of.views;
    this.settings = of.settings;
    this.rulesPerFile = of.rulesPerFile;
    this.ruleCount = of.ruleCount;
    this.predicts = false;
  }

  /**
   * These rules on the plain path: every transformation run and every view's union made from its
   * values, whatever {@link CharTriggers} shows. For comparisons with the fast path.
   *
   * @return rules sharing these, with working memory of their own
   */
  public CompiledRuleSet plain() {
    return new CompiledRuleSet(this);
  }

  /**
   * Whether transactions answer a transformation chain that {@link CharTriggers} shows leaves a
   * value as it is with the value, and a view of such values with its selection's raw literals.
   */
  boolean predicts() {
    return predicts;
  }

  /**
   * Compiles a rule set.
   *
   * @param set the parsed rules
   * @return the compiled rules
   * @throws WafException naming file:line and the token when an operator, transformation or action
   *     cannot be compiled
   */
  public static CompiledRuleSet compile(RuleSet set) {
    return new CompiledRuleSet(set);
  }

  /**
   * One literal index over every fixed regex and every phrase operator's phrases of the rule set;
   * each link gets its formula.
   */
  private static LiteralIndex indexLiterals(CompiledRule[][] phases) {
    List<CompiledRule> links = new ArrayList<>();
    List<WafPattern> patterns = new ArrayList<>();
    List<PhraseLiterals> phrases = new ArrayList<>();
    for (int p = 1; p <= 5; p++) {
      for (CompiledRule r : phases[p]) {
        for (CompiledRule link = r; link != null; link = link.next) {
          if (link.operator != null) {
            link.operator.prefilteredPattern().ifPresent(patterns::add);
            link.operator.phraseLiterals().ifPresent(phrases::add);
            links.add(link);
          }
        }
      }
    }
    LiteralIndex index = LiteralIndex.of(patterns, phrases);
    for (CompiledRule link : links) {
      link.literals =
          link.operator
              .prefilteredPattern()
              .map(index::formula)
              .or(() -> link.operator.phraseLiterals().map(index::formula))
              .orElse(null);
    }
    return index;
  }

  private static int phaseOf(RuleDef def) {
    try {
      int phase = def.phase();
      if (phase >= 1 && phase <= 5) {
        return phase;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new WafException(
        def.location() + ": phase:" + def.action("phase").orElse("") + ": allowed: 1 to 5");
  }

  private static DisruptiveAction defaultDisruptive(ActionRef a) {
    return switch (a.name()) {
      case "deny" ->
          new DisruptiveAction(
              DisruptiveAction.Kind.DENY, DisruptiveAction.AllowScope.TRANSACTION, "");
      case "drop" ->
          new DisruptiveAction(
              DisruptiveAction.Kind.DROP, DisruptiveAction.AllowScope.TRANSACTION, "");
      case "redirect" ->
          new DisruptiveAction(
              DisruptiveAction.Kind.REDIRECT, DisruptiveAction.AllowScope.TRANSACTION, a.value());
      default ->
          new DisruptiveAction(
              DisruptiveAction.Kind.PASS, DisruptiveAction.AllowScope.TRANSACTION, "");
    };
  }

  private static int[] resolveSkipAfter(CompiledRule[] rules) {
    int[] out = new int[rules.length];
    for (int i = 0; i < rules.length; i++) {
      String target = skipAfterOf(rules[i]);
      out[i] = rules.length;
      if (target.isEmpty()) {
        continue;
      }
      for (int j = i + 1; j < rules.length; j++) {
        if (rules[j].isMarker() && rules[j].marker.equals(target)) {
          out[i] = j;
          break;
        }
      }
    }
    return out;
  }

  static String skipAfterOf(CompiledRule rule) {
    for (CompiledRule r = rule; r != null; r = r.next) {
      if (!r.skipAfter.isEmpty()) {
        return r.skipAfter;
      }
    }
    return "";
  }

  CompiledRule[] phase(int phase) {
    return phases[phase];
  }

  /** What the evaluator's loop reads of a phase's rules before it touches one. */
  RuleGates gates(int phase) {
    return gates[phase];
  }

  /** The {@code TX} keys without which each rule cannot match. */
  TxNeeds txNeeds() {
    return txNeeds;
  }

  int skipAfterTarget(int phase, int index) {
    return skipAfterTargets[phase][index];
  }

  DisruptiveAction blockAction(int phase) {
    return blockAction[phase];
  }

  int blockStatus(int phase) {
    return blockStatus[phase];
  }

  LiteralIndex literalIndex() {
    return literalIndex;
  }

  /** A new transaction's empty {@link TargetViews}. */
  TargetViews newTargetViews() {
    return new TargetViews(selections, views);
  }

  /**
   * Empty working memory for a transaction: what the last transaction that ended on this thread
   * gave back, taken from the thread so no other transaction gets it while this one holds it, else
   * new.
   */
  TransactionMemory takeMemory() {
    TransactionMemory m = idle.get();
    if (m == null) {
      return new TransactionMemory(
          newTargetViews(), new ValueCache(cacheNodes, literalIndex, predicts));
    }
    idle.set(null);
    return m;
  }

  /**
   * Takes back the memory of a transaction that no longer uses it: emptied, and kept for the
   * thread's next transaction unless the thread already keeps one.
   */
  void giveBack(TransactionMemory m) {
    m.reset();
    if (idle.get() == null) {
      idle.set(m);
    }
  }

  int cacheNodes() {
    return cacheNodes;
  }

  /**
   * The engine directives of the rule set.
   *
   * @return the settings
   */
  public EngineSettings settings() {
    return settings;
  }

  /**
   * The rules each file gave, as the parser counted them.
   *
   * @return file to count, in load order
   */
  public Map<String, Integer> rulesPerFile() {
    return rulesPerFile;
  }

  /**
   * The number of rules and actions compiled (chains once, markers not counted).
   *
   * @return the count
   */
  public int ruleCount() {
    return ruleCount;
  }

  /**
   * The rules of a phase in evaluation order, markers included.
   *
   * @param phase 1 to 5
   * @return the rules
   */
  public List<CompiledRule> rules(int phase) {
    if (phase < 1 || phase > 5) {
      throw new IllegalArgumentException("phase: " + phase + "; allowed: 1 to 5");
    }
    return List.of(phases[phase]);
  }
}
