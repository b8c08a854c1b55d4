package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Per {@link RuleGates} group, what the union gate of the evaluator's per-variable path would see,
 * as one phase run of a transaction works it out: for each variable that selects targets, its
 * view's union ({@link TargetViews#union}: every literal any of its targets' transformed values
 * holds). Worked out once per group and version of the request data, as soon as every view's union
 * is known, each with its literals hashed to 128 bits as {@link LiteralIndex.Formula#mask} hashes a
 * formula's. A formula that rejects each of these unions rejects every target the link reads, which
 * is exactly when the evaluator's per-variable path finds the link not matching without testing a
 * target; a union that shares no bit with a formula needing a literal is rejected without reading
 * the formula. Taken for one phase run ({@link RuleGates#take}) and given back emptied, so that a
 * thread's runs reuse one copy; confined to one phase run at a time.
 */
final class GateUnions {
  private static final int UNKNOWN = -1;
  // The group cannot be gated at this data version: a variable the views do not keep, or XML
  // targets.
  private static final int UNGATED = -2;

  private final RuleGates gates;
  // By group: the unions of its variables that select targets (the first count entries).
  private final int[][][] unions;
  // By group: how many unions it has, or UNKNOWN, or UNGATED.
  private final int[] counts;
  private final long[] versions;
  // By group, two words per union: its literals hashed as Formula.mask hashes a formula's.
  private final long[][] masks;
  private final List<Target> collected = new ArrayList<>();
  // The groups worked out since the last reset, each once.
  private final int[] touched;
  private int touchedCount;

  GateUnions(RuleGates gates) {
    this.gates = gates;
    int groups = gates.groupCount();
    this.unions = new int[groups][][];
    this.masks = new long[groups][];
    for (int g = 0; g < groups; g++) {
      unions[g] = new int[gates.link(g).variables.length][];
      masks[g] = new long[2 * unions[g].length];
    }
    this.counts = new int[groups];
    this.versions = new long[groups];
    this.touched = new int[groups];
    java.util.Arrays.fill(versions, -1);
  }

  /** Forgets everything worked out since the last reset, touching only that. */
  void reset() {
    for (int k = 0; k < touchedCount; k++) {
      int g = touched[k];
      versions[g] = -1;
      java.util.Arrays.fill(unions[g], 0, Math.max(0, counts[g]), null);
    }
    touchedCount = 0;
  }

  /**
   * Whether the formula of a gated rule rejects every target its group's variables read, as the
   * transaction's data now stands (after the group's transformations).
   *
   * @param group the group
   * @param index the index of a gated rule of the group
   * @param tx the transaction
   * @return true only when the link cannot match; false also when that is not known (yet)
   */
  boolean rejects(int group, int index, EvaluatorTransaction tx) {
    EvaluatorStore store = tx.store();
    long version = store.dataVersion();
    if (version < 0) {
      return false;
    }
    int count = versions[group] == version ? counts[group] : work(group, version, tx);
    if (count < 0) {
      return false;
    }
    long m0 = gates.mask0(index);
    long m1 = gates.mask1(index);
    boolean masked = (m0 | m1) != 0;
    long[] held = masks[group];
    int[][] known = unions[group];
    LiteralIndex.Formula formula = null;
    for (int k = 0; k < count; k++) {
      // A union sharing no literal with a formula that needs one is rejected by it.
      if (masked && (held[2 * k] & m0) == 0 && (held[2 * k + 1] & m1) == 0) {
        continue;
      }
      if (formula == null) {
        formula = gates.formula(index);
      }
      if (formula.mayMatch(known[k])) {
        return false;
      }
    }
    return true;
  }

  /** Works a group's unions out; their count, or UNKNOWN, or UNGATED. */
  private int work(int group, long version, EvaluatorTransaction tx) {
    EvaluatorStore store = tx.store();
    CompiledRule link = gates.link(group);
    CompiledRule.Variable[] variables = link.variables;
    int[][] out = unions[group];
    java.util.Arrays.fill(out, null);
    int count = 0;
    TargetViews views = tx.views();
    for (int vi = 0; vi < variables.length; vi++) {
      CompiledRule.Variable v = variables[vi];
      int selection = link.selectionIds[vi];
      Target[] selected = views.select(selection, store, v, link.exclusions);
      if (selected == null) {
        if (v.kind() != VariableKind.XML || !collectsNothing(tx, v)) {
          java.util.Arrays.fill(out, 0, count, null);
          return settle(group, version, UNGATED);
        }
      } else if (selected.length > 0) {
        int view = link.viewIds[vi];
        views.view(view, selected);
        int[] found = views.union(view);
        if (found == null) {
          CompiledTransforms.Chain chain = link.transforms;
          found = views.rawUnion(selection, view, chain, chain.length(), tx.values());
        }
        if (found == null) {
          // The next rule of the group that is evaluated works the view's union out.
          java.util.Arrays.fill(out, 0, count, null);
          return UNKNOWN;
        }
        long[] held = masks[group];
        held[2 * count] = 0;
        held[2 * count + 1] = 0;
        for (int id : found) {
          held[2 * count + ((id >>> 6) & 1)] |= 1L << id;
        }
        out[count++] = found;
      }
    }
    return settle(group, version, count);
  }

  private int settle(int group, long version, int count) {
    if (versions[group] < 0) {
      touched[touchedCount++] = group;
    }
    versions[group] = version;
    counts[group] = count;
    return count;
  }

  /** Whether an {@code XML} variable has no target now, read as the evaluator reads it. */
  private boolean collectsNothing(EvaluatorTransaction tx, CompiledRule.Variable v) {
    collected.clear();
    RequestState state = tx.requestState();
    if (state != null) {
      state.collect(v.kind(), v.collection(), v.key(), v.keyPattern(), collected);
    } else {
      tx.store().collect(v.collection(), v.key(), v.keyPattern(), collected);
    }
    boolean none = collected.isEmpty();
    collected.clear();
    return none;
  }
}
