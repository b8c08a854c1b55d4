package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.seclang.RuleDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code TX} keys without which a rule cannot match, so that a transaction passes it over
 * unevaluated: CRS 3.3.4's phase-5 chains ending in {@code TX:MONITOR_ANOMALY_SCORE "@gt 1"} on a
 * transaction that never set that key, and, by value, its {@code TX:sql_error_match "@eq 1"}
 * response rules (951110 to 951260) on the {@code 0} its initialization sets.
 *
 * <p>A chain link whose every variable is a {@code TX:key} named literally (no key regex, not
 * counted) has no target while none of its keys is set, and a link without a target never matches,
 * negated or not: the operator runs per target. The chain then fails at that link. Passing the rule
 * over is what evaluating it would do when that link is the first, or when the links before it have
 * no effect of their own until the whole chain matched: no {@code setvar}, no {@code capture}, and
 * an operator that writes nothing and has no regex step budget to run out of (which writes {@code
 * TX:MSC_PCRE_LIMITS_EXCEEDED}). When such a link also has no transformation and a quiet operator
 * whose parameter reads nothing but {@code TX}, its operator is run on the keys that are set, as
 * evaluating the link would run it, and the rule is passed over when it matches none of them either
 * (CRS's 959061-959063, 949061-949063, 980130 and 980140 at paranoia level 1 with a score of 0). As
 * with {@link RuleGates}, a rule passed over leaves {@code MATCHED_VAR*} and {@code RULE} as the
 * last evaluated rule left them: only a rule's own evaluation reads them, after setting them. Built
 * once per rule set; immutable and thread-safe.
 */
final class TxNeeds {
  /**
   * Operators that write nothing and cannot exceed a step budget (also what {@link PolicyFold}
   * counts as pure, with the regex and phrase operators).
   */
  static final Set<String> QUIET_OPERATORS =
      Set.of(
          "eq",
          "ge",
          "gt",
          "le",
          "lt",
          "streq",
          "within",
          "beginsWith",
          "endsWith",
          "contains",
          "containsWord",
          "unconditionalMatch",
          "noMatch");

  /**
   * The needs of a rule: for each link that qualifies, the {@link TxKeys} numbers of its keys and
   * the keys (lower case) in two parallel arrays, the link's entries preceded by their count; the
   * rule may match only when each of its links has one key set. {@code valued} holds, at the index
   * of each count, the link when its operator is run on the keys' values (null: presence only).
   */
  record Need(int[] slots, String[] keys, CompiledRule[] valued) {}

  // By phase, by rule index: the rule's need, null when it has none.
  private final Need[][] needs;

  private TxNeeds(Need[][] needs) {
    this.needs = needs;
  }

  /**
   * The needs of the rules of each phase.
   *
   * @param phases the rules per phase (index 1 to 5), markers included
   * @return the needs
   */
  static TxNeeds of(CompiledRule[][] phases) {
    Need[][] needs = new Need[phases.length][];
    for (int p = 1; p < phases.length; p++) {
      needs[p] = new Need[phases[p].length];
      for (int i = 0; i < phases[p].length; i++) {
        CompiledRule r = phases[p][i];
        needs[p][i] = r.isMarker() ? null : need(r);
      }
    }
    return new TxNeeds(needs);
  }

  /** The rule's need; null when no link qualifies. */
  private static Need need(CompiledRule first) {
    List<Integer> slots = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<CompiledRule> valued = new ArrayList<>();
    for (CompiledRule link = first; link != null; link = link.next) {
      if (link.kind != RuleDef.Kind.ACTION && txOnly(link)) {
        slots.add(link.variables.length);
        keys.add("");
        valued.add(valued(link) ? link : null);
        for (CompiledRule.Variable v : link.variables) {
          slots.add(v.txSlot());
          keys.add(v.key().orElseThrow().toLowerCase(java.util.Locale.ROOT));
          valued.add(null);
        }
      }
      if (!quiet(link)) {
        break;
      }
    }
    if (slots.isEmpty()) {
      return null;
    }
    int[] s = new int[slots.size()];
    for (int k = 0; k < s.length; k++) {
      s[k] = slots.get(k);
    }
    return new Need(s, keys.toArray(new String[0]), valued.toArray(new CompiledRule[0]));
  }

  /** Whether every variable of a link is a numbered, uncounted {@code TX:key}. */
  private static boolean txOnly(CompiledRule link) {
    if (link.variables.length == 0) {
      return false;
    }
    for (CompiledRule.Variable v : link.variables) {
      if (v.txSlot() < 0 || v.count()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a link's operator may be run on its keys' values outside evaluation: quiet, on the raw
   * value (no transformation), with a parameter whose macros read {@code TX} keys only (a rule's
   * evaluation sets {@code MATCHED_VAR*} and {@code RULE} before its operator reads them).
   */
  private static boolean valued(CompiledRule link) {
    if (link.transforms.length() != 0
        || link.operatorRef == null
        || link.operator == null
        || !QUIET_OPERATORS.contains(link.operatorRef.name())) {
      return false;
    }
    String param = link.operatorRef.param();
    if (!param.contains("%{")) {
      return true;
    }
    boolean[] txOnly = {true};
    MacroTemplate.parse(param)
        .forEachMacro((variable, key) -> txOnly[0] &= variable.equals("TX") && !key.isEmpty());
    return txOnly[0];
  }

  /** Whether a link that matches, in a chain that does not, leaves no trace. */
  private static boolean quiet(CompiledRule link) {
    return link.kind != RuleDef.Kind.ACTION
        && link.setvars.length == 0
        && !link.capture
        && link.operatorRef != null
        && QUIET_OPERATORS.contains(link.operatorRef.name());
  }

  /**
   * The needs of a phase's rules.
   *
   * @param phase 1 to 5
   * @return by rule index, its need or null
   */
  Need[] phase(int phase) {
    return needs[phase];
  }

  /**
   * Whether a rule cannot match: one of its qualifying links has none of its keys set, or (when
   * valued) none whose value its operator matches.
   *
   * @param need the rule's need
   * @param txVars the transaction's {@code TX}
   * @param tx the transaction, for the operators
   * @return true when the rule would not match if evaluated
   */
  static boolean unmet(Need need, TxCollection txVars, EvaluatorTransaction tx) {
    int[] slots = need.slots;
    String[] keys = need.keys;
    int i = 0;
    while (i < slots.length) {
      int n = slots[i];
      CompiledRule link = need.valued[i];
      boolean may = false;
      for (int k = i + 1; k <= i + n && !may; k++) {
        Target t = txVars.get(slots[k], keys[k]);
        may = t != null && (link == null || link.operator.evaluate(tx, t.value()) != link.negated);
      }
      if (!may) {
        return true;
      }
      i += n + 1;
    }
    return false;
  }

  /**
   * How many rules of a phase have a need (for tests and diagnosis).
   *
   * @param phase 1 to 5
   * @return the count
   */
  int count(int phase) {
    int n = 0;
    for (Need need : needs[phase]) {
      n += need == null ? 0 : 1;
    }
    return n;
  }
}
