package dev.tdeveloper.security.waf.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The policy-constant part of a rule set, evaluated once per tenant policy: for each run of {@link
 * CompiledRule#foldable} chains a transaction reaches, the {@code TX} writes they make (in order)
 * and the index where evaluation goes on, so that a transaction replays them instead of evaluating
 * them (CRS's setup actions and paranoia-level skips are half of its rules).
 *
 * <p>The plan is built by running the phases 1 to 5 on a transaction with no request data: foldable
 * chains are evaluated, the others taken as not matching. A real transaction follows the same path
 * as long as no chain that is not foldable changes it: a match of a {@link
 * CompiledRule#divertsPlan} chain, an interruption, an {@code allow}, a phase skipped that the plan
 * wrote in, a phase run twice, or the engine off. From then on the transaction evaluates every rule
 * ({@link EvaluatorTransaction#plan()} is null); since foldable chains read only keys no other
 * chain writes, {@code TX} is the same either way at every rule. Immutable and thread-safe.
 */
public final class PolicyPlan {
  /**
   * A run of foldable chains: the writes to replay (each key with its {@link TxKeys} number, -1
   * when it has none), and the next index to evaluate.
   */
  record Segment(String[] keys, int[] slots, Target[] targets, int next) {}

  private final Segment[][] segments;
  private final boolean[] writes;

  private PolicyPlan(Segment[][] segments, boolean[] writes) {
    this.segments = segments;
    this.writes = writes;
  }

  /**
   * Builds the plan of a policy by running the foldable chains.
   *
   * @param rules the rules
   * @param evaluator their evaluator
   * @param tx a new transaction with the policy applied and no request data, used up here
   * @return the plan; empty when a foldable chain failed, so transactions evaluate every rule
   */
  public static java.util.Optional<PolicyPlan> build(
      CompiledRuleSet rules, Evaluator evaluator, EvaluatorTransaction tx) {
    TxCollection txVars = (TxCollection) tx.store().collection("tx").orElseThrow();
    List<String> keys = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    txVars.journal(
        (k, t) -> {
          keys.add(k);
          targets.add(t);
        });
    Segment[][] segments = new Segment[6][];
    boolean[] writes = new boolean[6];
    try {
      for (int phase = 1; phase <= 5; phase++) {
        CompiledRule[] list = rules.phase(phase);
        segments[phase] = new Segment[list.length];
        int i = 0;
        while (i < list.length) {
          if (!list[i].foldable || tx.isRemoved(list[i])) {
            i++;
            continue;
          }
          keys.clear();
          targets.clear();
          int j = i;
          while (j < list.length) {
            CompiledRule r = list[j];
            if (r.isMarker() || tx.isRemoved(r)) {
              j++;
              continue;
            }
            if (!r.foldable) {
              break;
            }
            int matches = tx.matchCount();
            j = evaluator.evaluateOne(tx, phase, j);
            if (j < 0 || tx.matchCount() != matches) {
              return java.util.Optional.empty();
            }
          }
          String[] written = keys.toArray(new String[0]);
          int[] slots = new int[written.length];
          for (int w = 0; w < written.length; w++) {
            slots[w] = TxKeys.slot(written[w]);
          }
          segments[phase][i] = new Segment(written, slots, targets.toArray(new Target[0]), j);
          writes[phase] |= !keys.isEmpty();
          i = j;
        }
      }
    } finally {
      txVars.journal(null);
    }
    return java.util.Optional.of(new PolicyPlan(segments, writes));
  }

  /** The run of foldable chains starting at an index, or null. */
  Segment segment(int phase, int index) {
    return segments[phase][index];
  }

  /** Whether the plan writes {@code TX} in a phase. */
  boolean writes(int phase) {
    return writes[phase];
  }

  /**
   * How many rule runs the plan folds over all phases (for tests and diagnosis).
   *
   * @return the number of segments
   */
  public int segmentCount() {
    int n = 0;
    for (int p = 1; p <= 5; p++) {
      for (Segment s : segments[p]) {
        n += s == null ? 0 : 1;
      }
    }
    return n;
  }
}
