package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.Interruption;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.operator.OperatorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluator's state for one transaction: the engine mode and the other {@code ctl} settings in
 * force, rules and targets removed at run time, the matches, the interruption, the {@code allow}
 * state and the transformation cache. Also the {@link OperatorContext} operators see. Confined to
 * one transaction (not thread-safe).
 */
public final class EvaluatorTransaction implements OperatorContext {
  // The TxKeys numbers of TX:0 to TX:9, which capture writes.
  private static final int[] CAPTURE_SLOTS = new int[10];

  static {
    for (int i = 0; i < CAPTURE_SLOTS.length; i++) {
      CAPTURE_SLOTS[i] = TxKeys.slot(Evaluator.decimal(i));
    }
  }

  private final EvaluatorStore store;
  private final CompiledRuleSet rules;
  // The transformation cache and target views; null once released (taken again if used after).
  private TransactionMemory memory;
  // The tenant's memo of per-value work (ValueMemo); null: none.
  private ValueMemo valueMemo;
  private final List<WafMatch> matches = new ArrayList<>();
  // Made on first use: most transactions remove nothing and no regex runs out of steps.
  private CtlRemovals removals;
  private List<Long> regexLimitRules;
  private final List<String> groups = new ArrayList<>();
  private EngineMode mode;
  private Interruption interruption;
  private Interruption suppressed;
  private boolean allowTransaction;
  private boolean allowRequest;
  private Optional<String> requestBodyProcessor = Optional.empty();
  private Optional<Boolean> requestBodyAccess = Optional.empty();
  private boolean forceRequestBodyVariable;
  private long requestBodyLimit = -1;
  private String auditEngine = "";
  private String auditLogParts = "";
  private CompiledRule current;
  private PolicyPlan plan;
  private TxCollection planTx;
  // The store's TX as a TxCollection (read by key number), resolved on first use; null when the
  // store keeps TX otherwise.
  private TxCollection numberedTx;
  private boolean numberedTxResolved;
  private int planPhase;
  // The last text expand(String) parsed, and its template.
  private String lastText;
  private MacroTemplate lastTemplate;

  /**
   * The state of a new transaction.
   *
   * @param rules the compiled rules (sizes the cache)
   * @param store the transaction's variables
   * @param mode the engine mode at the start (configuration or tenant policy)
   */
  public EvaluatorTransaction(CompiledRuleSet rules, EvaluatorStore store, EngineMode mode) {
    this.store = java.util.Objects.requireNonNull(store, "store");
    this.mode = java.util.Objects.requireNonNull(mode, "mode");
    this.rules = rules;
    this.memory = rules.takeMemory();
  }

  /**
   * Gives the transaction's working memory (its transformation cache and target views) back for the
   * next transaction on this thread, emptied: call it when the transaction is over (after logging).
   * A phase run afterwards works on fresh memory and answers as it would have; a transaction never
   * released only leaves its memory to the garbage collector.
   */
  public void release() {
    TransactionMemory m = memory;
    if (m != null) {
      memory = null;
      rules.giveBack(m);
    }
  }

  private TransactionMemory memory() {
    TransactionMemory m = memory;
    if (m == null) {
      m = rules.takeMemory();
      m.values.use(valueMemo);
      memory = m;
    }
    return m;
  }

  /**
   * Starts values this transaction has not met from, and publishes what it works out to, a tenant's
   * memo: call it before the first phase, with the memo of this transaction's tenant only.
   *
   * @param memo the tenant's memo
   */
  public void useValueMemo(ValueMemo memo) {
    valueMemo = java.util.Objects.requireNonNull(memo, "memo");
    memory().values.use(memo);
  }

  /**
   * The transaction's variables.
   *
   * @return the store
   */
  public EvaluatorStore store() {
    return store;
  }

  /**
   * The engine mode in force ({@code ctl:ruleEngine} may change it).
   *
   * @return the mode
   */
  public EngineMode mode() {
    return mode;
  }

  /**
   * Sets the engine mode ({@code ctl:ruleEngine}).
   *
   * @param mode the mode
   */
  public void mode(EngineMode mode) {
    this.mode = java.util.Objects.requireNonNull(mode, "mode");
  }

  /**
   * The matches so far, in order; rules with {@code nolog} are not listed.
   *
   * @return the matches
   */
  public List<WafMatch> matches() {
    return matches.isEmpty() ? List.of() : List.copyOf(matches);
  }

  /**
   * The interruption, once a rule denied, dropped or redirected in {@code On} mode.
   *
   * @return the interruption
   */
  public Optional<Interruption> interruption() {
    return Optional.ofNullable(interruption);
  }

  /**
   * In {@code DetectionOnly} mode, the first interruption that would have happened.
   *
   * @return the interruption not carried out
   */
  public Optional<Interruption> suppressedInterruption() {
    return Optional.ofNullable(suppressed);
  }

  /**
   * Interrupts the transaction (the connector's body limit, or a rule in {@code On} mode), or in
   * {@code DetectionOnly} records it as suppressed. The first interruption wins.
   *
   * @param i the interruption
   */
  public void interrupt(Interruption i) {
    plan = null;
    if (mode == EngineMode.ON) {
      if (interruption == null) {
        interruption = i;
      }
    } else if (suppressed == null) {
      suppressed = i;
    }
  }

  /**
   * Whether an {@code allow} (whole transaction) was executed.
   *
   * @return whether the remaining phases 1 to 4 are skipped
   */
  public boolean allowed() {
    return allowTransaction;
  }

  void allow(DisruptiveAction.AllowScope scope) {
    plan = null;
    if (scope == DisruptiveAction.AllowScope.TRANSACTION) {
      allowTransaction = true;
    } else if (scope == DisruptiveAction.AllowScope.REQUEST) {
      allowRequest = true;
    }
  }

  boolean skipsPhase(int phase) {
    if (phase == 5) {
      return false;
    }
    return interruption != null || allowTransaction || (allowRequest && phase <= 2);
  }

  /**
   * Records an engine fault outside rule evaluation (a body processor or state failure) and goes
   * on, as ModSecurity logs and continues.
   *
   * @param phase the phase, 1 to 5
   * @param reason what failed
   */
  public void recordFault(int phase, String reason) {
    matches.add(new WafMatch(0, phase, "", "", "", "", -1, List.of(), "error: " + reason));
  }

  void record(WafMatch match) {
    matches.add(match);
  }

  int matchCount() {
    return matches.size();
  }

  // ---- policy plan ----

  /**
   * Follows a plan of the policy this transaction started with: runs of policy-constant rules are
   * replayed instead of evaluated while the transaction stays on the plan's path.
   *
   * @param policyPlan the plan, built from a transaction started the same way
   */
  public void usePlan(PolicyPlan policyPlan) {
    this.plan = java.util.Objects.requireNonNull(policyPlan, "policyPlan");
    this.planTx = (TxCollection) store.collection("tx").orElseThrow();
    this.planPhase = 0;
  }

  /**
   * The store's {@code TX} collection when it is a {@link TxCollection}, whose keys the evaluator
   * reads by number; null when the store keeps {@code TX} some other way (read it by name then).
   */
  /**
   * The state behind the store when the store is a {@link RequestState}'s view (then a variable
   * whose kind the rule compiler worked out is read without its name being switched on).
   *
   * @return the state; null for any other store
   */
  RequestState requestState() {
    return store instanceof EvaluatorRequestStore view ? view.state() : null;
  }

  TxCollection numberedTx() {
    if (!numberedTxResolved) {
      numberedTx = store.collection("tx").orElse(null) instanceof TxCollection t ? t : null;
      numberedTxResolved = true;
    }
    return numberedTx;
  }

  /** The plan while the transaction is on its path; null once it left it. */
  PolicyPlan plan() {
    return plan;
  }

  /** Leaves the plan for good: every later rule is evaluated. */
  void leavePlan() {
    plan = null;
  }

  /**
   * Starts a phase on the plan: leaves it when the phase was run already, when a phase skipped
   * since the last one wrote {@code TX} on the plan, or when the engine is off.
   */
  void enterPhase(int phase) {
    if (plan == null) {
      return;
    }
    if (phase <= planPhase || mode == EngineMode.OFF) {
      plan = null;
      return;
    }
    for (int p = planPhase + 1; p < phase; p++) {
      if (plan.writes(p)) {
        plan = null;
        return;
      }
    }
    planPhase = phase;
  }

  /** Replays a run of foldable rules' {@code TX} writes. */
  void replay(PolicyPlan.Segment segment) {
    String[] keys = segment.keys();
    int[] slots = segment.slots();
    Target[] targets = segment.targets();
    for (int i = 0; i < keys.length; i++) {
      planTx.replay(slots[i], keys[i], targets[i]);
    }
  }

  void current(CompiledRule rule) {
    this.current = rule;
  }

  // ---- ctl effects ----

  /** The run-time removals ({@code ctl:ruleRemove*}), made by the first. */
  CtlRemovals removals() {
    if (removals == null) {
      removals = new CtlRemovals();
    }
    return removals;
  }

  boolean isRemoved(CompiledRule rule) {
    return removals != null && removals.removes(rule);
  }

  /**
   * Appends the run-time target removals that apply to a rule.
   *
   * @param rule the chain's first link
   * @param out where they go
   */
  void targetRemovals(CompiledRule rule, List<CtlTargetRemoval> out) {
    if (removals != null) {
      removals.targetsOf(rule, out);
    }
  }

  boolean hasTargetRemovals() {
    return removals != null && removals.removesTargets();
  }

  void requestBodyProcessor(String name) {
    requestBodyProcessor = Optional.of(name);
  }

  void requestBodyAccess(boolean on) {
    requestBodyAccess = Optional.of(on);
  }

  void forceRequestBodyVariable(boolean on) {
    forceRequestBodyVariable = on;
  }

  void requestBodyLimit(long limit) {
    requestBodyLimit = limit;
  }

  void auditEngine(String value) {
    auditEngine = value;
  }

  void auditLogParts(String value) {
    auditLogParts = value;
  }

  /**
   * The body processor a rule chose ({@code ctl:requestBodyProcessor}).
   *
   * @return {@code URLENCODED}, {@code MULTIPART}, {@code JSON} or {@code XML}; empty when none
   */
  public Optional<String> requestBodyProcessor() {
    return requestBodyProcessor;
  }

  /**
   * Whether a rule turned body access on or off ({@code ctl:requestBodyAccess}).
   *
   * @return the choice; empty when no rule made one
   */
  public Optional<Boolean> requestBodyAccess() {
    return requestBodyAccess;
  }

  /**
   * Whether {@code REQUEST_BODY} is filled whatever the processor ({@code
   * ctl:forceRequestBodyVariable}).
   *
   * @return whether forced
   */
  public boolean forceRequestBodyVariable() {
    return forceRequestBodyVariable;
  }

  /**
   * The body limit a rule set ({@code ctl:requestBodyLimit}).
   *
   * @return the limit in bytes; -1 when none
   */
  public long requestBodyLimit() {
    return requestBodyLimit;
  }

  /**
   * The audit settings rules chose ({@code ctl:auditEngine}, {@code ctl:auditLogParts}), recorded
   * for the audit log.
   *
   * @return engine and parts; each {@code ""} when unchanged
   */
  public List<String> auditSettings() {
    return List.of(auditEngine, auditLogParts);
  }

  /**
   * The ids of the rules whose regex ran out of its step budget.
   *
   * @return the rule ids, in order
   */
  public List<Long> regexLimitRules() {
    return regexLimitRules == null ? List.of() : List.copyOf(regexLimitRules);
  }

  // ---- transformation and literal cache ----

  /** The transformations of each raw value and the literals they hold, shared by every rule. */
  ValueCache values() {
    return memory().values;
  }

  /** A cached transformation result, without making a row; null when not computed. */
  String cached(int node, String input) {
    return memory().values.cached(node, input);
  }

  TargetViews views() {
    return memory().views;
  }

  // ---- OperatorContext ----

  /**
   * Expands a rule text's macros; the template of the last text expanded is kept, so that an
   * operator's argument expanded for each target of a rule ({@code @within %{tx.allowed_methods}})
   * is looked up in {@link MacroTemplate}'s shared cache once.
   */
  @Override
  public String expand(String text) {
    if (text.indexOf("%{") < 0) {
      return text;
    }
    if (text != lastText) {
      lastTemplate = MacroTemplate.of(text);
      lastText = text;
    }
    return store.expand(lastTemplate);
  }

  @Override
  public List<String> groupBuffer() {
    groups.clear();
    return groups;
  }

  @Override
  public boolean capturing() {
    return current != null && current.capture;
  }

  @Override
  public void capture(int index, String value) {
    Optional<MutableCollection> tx = store.collection("tx");
    if (tx.isPresent()) {
      String key = Evaluator.decimal(index);
      if (index < CAPTURE_SLOTS.length && tx.get() instanceof TxCollection numbered) {
        numbered.set(CAPTURE_SLOTS[index], key, value);
      } else {
        tx.get().set(key, value);
      }
    }
  }

  @Override
  public void geo(Map<String, String> fields) {
    store.collection("geo").ifPresent(g -> fields.forEach(g::set));
  }

  @Override
  public void regexLimitExceeded(String pattern) {
    store.collection("tx").ifPresent(tx -> tx.set("MSC_PCRE_LIMITS_EXCEEDED", "1"));
    if (current != null) {
      if (regexLimitRules == null) {
        regexLimitRules = new ArrayList<>();
      }
      regexLimitRules.add(current.id);
    }
  }
}
