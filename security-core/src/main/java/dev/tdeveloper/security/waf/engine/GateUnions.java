package dev.tdeveloper.security.waf.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Per {@link RuleGates} group, the literals that any target its first link reads holds, as one
 * phase run of a transaction works them out: the union of the group's views' unions ({@link
 * TargetViews#union}), worked out once per group and version of the request data, as soon as every
 * view's union is known. Taken for one phase run ({@link RuleGates#take}) and given back emptied,
 * so that a thread's runs reuse one copy; confined to one phase run at a time.
 */
final class GateUnions {
  private static final int[] NONE = new int[0];
  // A group that cannot be gated at a data version: a variable the views do not keep, or XML
  // targets.
  private static final int[] UNGATED = new int[0];

  private final RuleGates gates;
  private final int[][] unions;
  private final long[] versions;
  private final List<Target> collected = new ArrayList<>();
  private final LiteralUnion union = new LiteralUnion();
  private int[][] parts = new int[8][];
  // The groups worked out since the last reset, each once.
  private final int[] touched;
  private int touchedCount;

  GateUnions(RuleGates gates) {
    this.gates = gates;
    this.unions = new int[gates.groupCount()][];
    this.versions = new long[gates.groupCount()];
    this.touched = new int[gates.groupCount()];
    java.util.Arrays.fill(versions, -1);
  }

  /** Forgets every union worked out since the last reset, touching only those. */
  void reset() {
    for (int k = 0; k < touchedCount; k++) {
      int g = touched[k];
      versions[g] = -1;
      unions[g] = null;
    }
    touchedCount = 0;
  }

  /**
   * The literals any target of a group's variables holds (after the group's transformations), as
   * the transaction's data now stands.
   *
   * @param group the group
   * @param tx the transaction
   * @return the literal ids, ascending; null when not known (yet) or the group cannot be gated
   */
  int[] union(int group, EvaluatorTransaction tx) {
    EvaluatorStore store = tx.store();
    long version = store.dataVersion();
    if (version < 0) {
      return null;
    }
    if (versions[group] == version) {
      int[] known = unions[group];
      return known == UNGATED ? null : known;
    }
    CompiledRule link = gates.link(group);
    CompiledRule.Variable[] variables = link.variables;
    if (parts.length < variables.length) {
      parts = new int[variables.length][];
    }
    TargetViews views = tx.views();
    for (int vi = 0; vi < variables.length; vi++) {
      CompiledRule.Variable v = variables[vi];
      int selection = link.selectionIds[vi];
      Target[] selected = views.select(selection, store, v, link.exclusions);
      int[] found;
      if (selected == null) {
        if (v.kind() != VariableKind.XML || !collectsNothing(tx, v)) {
          return settle(group, version, UNGATED);
        }
        found = NONE;
      } else if (selected.length == 0) {
        found = NONE;
      } else {
        int view = link.viewIds[vi];
        views.view(view, selected);
        found = views.union(view);
        if (found == null) {
          CompiledTransforms.Chain chain = link.transforms;
          found = views.rawUnion(selection, view, chain, chain.length(), tx.values());
        }
        if (found == null) {
          // The next rule of the group that is evaluated works the view's union out.
          java.util.Arrays.fill(parts, 0, vi, null);
          return null;
        }
      }
      parts[vi] = found;
    }
    int[] all = union.of(parts, variables.length);
    java.util.Arrays.fill(parts, 0, variables.length, null);
    return settle(group, version, all);
  }

  private int[] settle(int group, long version, int[] union) {
    if (versions[group] < 0) {
      touched[touchedCount++] = group;
    }
    versions[group] = version;
    unions[group] = union;
    return union == UNGATED ? null : union;
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
