package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.operator.Operator;
import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import dev.tdeveloper.security.waf.seclang.RuleDef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One link of a rule, compiled once at load time: its targets and exclusions, operator,
 * transformation chain (the phase's default transformations merged in), and its actions sorted by
 * when ModSecurity runs them. A chain is the first link with {@link #next()} links. Immutable and
 * thread-safe (its late fields are written before the rule set is published).
 */
public final class CompiledRule {
  /**
   * A target to collect: the variable, its key or key pattern, whether it is counted, its number
   * among the derived variables (-1 when it has none, {@link DerivedVariables#NEVER} when it is
   * never derived), and for {@code TX:key} (a key, no key regex) the key's {@link TxKeys} number
   * (-1 for any other variable), so that the evaluator reads it without hashing the key, and how
   * the transaction's state reads it ({@link VariableKind}), so that no read switches on the name.
   */
  record Variable(
      String collection,
      Optional<String> key,
      Optional<WafPattern> keyPattern,
      boolean count,
      int derivedId,
      int txSlot,
      VariableKind kind) {
    /** A variable, numbered when it is one {@link DerivedVariables} or {@link TxKeys} knows. */
    Variable(
        String collection, Optional<String> key, Optional<WafPattern> keyPattern, boolean count) {
      this(
          collection,
          key,
          keyPattern,
          count,
          DerivedVariables.number(collection),
          "TX".equals(collection) && key.isPresent() && keyPattern.isEmpty()
              ? TxKeys.slot(key.get())
              : -1,
          VariableKind.of(collection));
    }
  }

  final RuleDef.Kind kind;
  final long id;
  final int phase;
  final Location location;
  final String marker;
  // Arrays rather than lists: read for every rule of every transaction.
  final Variable[] variables;
  // The name of each {@code &} (count) variable's target, null for the others.
  final String[] countNames;
  // Per variable, the answers of a TX key regex ({@code TX:/^header_name_/}), kept across
  // transactions; null for the other variables.
  final TxKeyMatches[] txKeyMatches;
  final List<CtlTargetRemoval> exclusions;
  final Operator operator;
  // The operator as written (for the policy-constant analysis of {@link PolicyFold}); null on
  // SecAction and SecMarker.
  final OperatorRef operatorRef;
  final boolean negated;
  final CompiledTransforms.Chain transforms;
  final boolean multiMatch;
  final boolean capture;
  // Whether a ctl action removes rules or targets or changes the engine mode.
  final boolean ruleCtl;
  final List<SetvarAction> setvarActions;
  final PreparedSetvar[] setvars;
  final ActionStep[] afterMatch;
  final DisruptiveAction disruptive;
  final int status;
  final int skip;
  final String skipAfter;
  final boolean log;
  final String msg;
  final String logData;
  final List<String> tags;
  // The prepared templates of msg, logdata and each tag (null: no macro), expanded per logged
  // match.
  final MacroTemplate msgTemplate;
  final MacroTemplate logDataTemplate;
  final MacroTemplate[] tagTemplates;
  final Set<String> tagSet;
  final int severity;
  final Map<String, String> fields;
  final CompiledRule next;

  /**
   * The literal test of the operator's regex over the rule set's {@link LiteralIndex}: when it
   * rejects a value the operator is known not to match it. Null when there is none. Set once by
   * {@link CompiledRuleSet} before the rules are published, never changed after.
   */
  LiteralIndex.Formula literals;

  /**
   * Per variable, the number of its selection and of its view in a transaction's {@link
   * TargetViews} (-1: no view, for counts and {@code multiMatch}). Set once by {@link
   * CompiledRuleSet} before the rules are published, never changed after.
   */
  int[] selectionIds;

  int[] viewIds;

  /**
   * Whether this chain (first link only) reads nothing but {@code TX} values that the tenant policy
   * fixes, and only writes {@code TX}, without logging or disrupting: its effect is the same for
   * every request, so a {@link PolicyPlan} replays it. Set once by {@link CompiledRuleSet} before
   * the rules are published, never changed after.
   */
  boolean foldable;

  /**
   * Whether a match of this chain (first link only) may change which rules run next (skip, a
   * disruptive action other than pass, ctl on rules or the engine mode): the transaction then
   * leaves its {@link PolicyPlan}. Set once by {@link CompiledRuleSet}, never changed after.
   */
  boolean divertsPlan;

  CompiledRule(ActionCompiler.Parts p, CompiledRule next) {
    this.kind = p.kind;
    this.id = p.id;
    this.phase = p.phase;
    this.location = p.location;
    this.marker = p.marker;
    this.variables = p.variables.toArray(new Variable[0]);
    this.countNames = new String[variables.length];
    this.txKeyMatches = new TxKeyMatches[variables.length];
    for (int i = 0; i < variables.length; i++) {
      Variable v = variables[i];
      if (v.count()) {
        countNames[i] = v.collection() + v.key().map(k -> ":" + k).orElse("");
      }
      if ("TX".equals(v.collection()) && v.keyPattern().isPresent()) {
        txKeyMatches[i] = new TxKeyMatches(v.keyPattern().get());
      }
    }
    this.exclusions = List.copyOf(p.exclusions);
    this.operator = p.operator;
    this.operatorRef = p.operatorRef;
    this.negated = p.negated;
    this.transforms = p.transforms;
    this.multiMatch = p.multiMatch;
    this.capture = p.capture;
    this.ruleCtl = p.ruleCtl;
    this.setvarActions = List.copyOf(p.setvars);
    this.setvars = new PreparedSetvar[p.setvars.size()];
    for (int i = 0; i < setvars.length; i++) {
      setvars[i] = new PreparedSetvar(p.setvars.get(i));
    }
    this.afterMatch = p.afterMatch.toArray(new ActionStep[0]);
    this.disruptive = p.disruptive;
    this.status = p.status;
    this.skip = p.skip;
    this.skipAfter = p.skipAfter;
    this.log = p.log;
    this.msg = p.msg;
    this.logData = p.logData;
    this.tags = List.copyOf(p.tags);
    this.msgTemplate = MacroTemplate.prepared(msg);
    this.logDataTemplate = MacroTemplate.prepared(logData);
    this.tagTemplates = new MacroTemplate[tags.size()];
    for (int i = 0; i < tagTemplates.length; i++) {
      tagTemplates[i] = MacroTemplate.prepared(tags.get(i));
    }
    this.tagSet = Set.copyOf(p.tags);
    this.severity = p.severity;
    this.fields = Map.copyOf(p.fields);
    this.next = next;
  }

  /**
   * The rule's id.
   *
   * @return the id; 0 for markers and chain links after the first
   */
  public long id() {
    return id;
  }

  /**
   * The phase the rule runs in.
   *
   * @return 1 to 5
   */
  public int phase() {
    return phase;
  }

  /**
   * Where the rule was written.
   *
   * @return the file and line
   */
  public Location location() {
    return location;
  }

  /**
   * Whether this is a {@code SecMarker}.
   *
   * @return whether it is a marker
   */
  public boolean isMarker() {
    return kind == RuleDef.Kind.MARKER;
  }

  /**
   * The next link of the chain.
   *
   * @return the link; empty for the last
   */
  public Optional<CompiledRule> next() {
    return Optional.ofNullable(next);
  }

  @Override
  public String toString() {
    return isMarker() ? "SecMarker " + marker : "rule " + id + " at " + location;
  }
}
