package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * What the union gate of the evaluator's per-variable path would see for each {@link RuleGates}
 * group, as one phase run of a transaction works it out: for each variable that selects targets,
 * its view's union ({@link TargetViews#union}: every literal any of its targets' transformed values
 * holds). Worked out once per <em>slot</em> (a view some group reads; groups that share a view
 * share its slot) and per <em>epoch</em> (a phase run at one version of the request data), each
 * union with its literals hashed to 128 bits as {@link LiteralIndex.Formula#mask} hashes a
 * formula's; an {@code XML} variable's emptiness once per epoch, whatever the number of groups that
 * read it. A formula that rejects each of a group's unions rejects every target the link reads,
 * which is exactly when the evaluator's per-variable path finds the link not matching without
 * testing a target; a union that shares no bit with a formula needing a literal is rejected without
 * reading the formula.
 *
 * <p>What an older epoch worked out is never read (the epoch of each slot, variable and group is
 * kept next to it), so that a new run only moves the epoch on and nothing is cleared slot by slot.
 * Taken for one phase run ({@link RuleGates#take}) and given back with the unions it holds dropped,
 * so that a thread's runs reuse one copy; confined to one phase run at a time.
 */
final class GateUnions {
  // A group's answer, or a slot's state, not known yet at this epoch (worked out again when asked).
  private static final byte UNKNOWN = 0;
  // The group's rules are tested against its slots' unions.
  private static final byte GATED = 1;
  // The group cannot be gated at this epoch: a variable the views do not keep, or XML targets.
  private static final byte UNGATED = 2;
  // A slot whose selection picks no target (it adds nothing to the group).
  private static final byte EMPTY = 3;
  // A slot whose union and mask are known.
  private static final byte KNOWN = 4;
  // A slot whose variable the views do not keep.
  private static final byte UNSTABLE = 5;

  private final RuleGates gates;
  private long epoch;
  private long version = -1;
  private final long[] groupEpochs;
  private final byte[] groupStates;
  private final long[] slotEpochs;
  private final byte[] slotStates;
  private final int[][] slotUnions;
  // Two words per slot: its union's literals hashed as Formula.mask hashes a formula's.
  private final long[] slotMasks;
  private final long[] xmlEpochs;
  private final boolean[] xmlNone;
  private final List<Target> collected = new ArrayList<>();
  private boolean holding;

  GateUnions(RuleGates gates) {
    this.gates = gates;
    int groups = gates.groupCount();
    int slots = gates.slotCount();
    this.groupEpochs = new long[groups];
    this.groupStates = new byte[groups];
    this.slotEpochs = new long[slots];
    this.slotStates = new byte[slots];
    this.slotUnions = new int[slots][];
    this.slotMasks = new long[2 * slots];
    this.xmlEpochs = new long[gates.xmlCount()];
    this.xmlNone = new boolean[gates.xmlCount()];
  }

  /** Starts a phase run: nothing worked out before is read again. */
  void begin() {
    epoch++;
    version = -1;
  }

  /** Drops the unions the last run held (an older epoch's are never read anyway). */
  void reset() {
    if (holding) {
      java.util.Arrays.fill(slotUnions, null);
      holding = false;
    }
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
    long now = tx.store().dataVersion();
    if (now < 0) {
      return false;
    }
    if (now != version) {
      version = now;
      epoch++;
    }
    byte state = groupEpochs[group] == epoch ? groupStates[group] : settle(group, tx);
    if (state != GATED) {
      return false;
    }
    long m0 = gates.mask0(index);
    long m1 = gates.mask1(index);
    boolean masked = (m0 | m1) != 0;
    LiteralIndex.Formula formula = null;
    int end = gates.start(group + 1);
    for (int k = gates.start(group); k < end; k++) {
      int slot = gates.entry(k);
      if (slot < 0 || slotStates[slot] != KNOWN) {
        continue; // an XML variable or a selection with no target: nothing to test
      }
      // A union sharing no literal with a formula that needs one is rejected by it.
      if (masked && (slotMasks[2 * slot] & m0) == 0 && (slotMasks[2 * slot + 1] & m1) == 0) {
        continue;
      }
      if (formula == null) {
        formula = gates.formula(index);
      }
      if (formula.mayMatch(slotUnions[slot])) {
        return false;
      }
    }
    return true;
  }

  /** Works a group's answer out from its slots: GATED, UNGATED, or UNKNOWN (not kept). */
  private byte settle(int group, EvaluatorTransaction tx) {
    int end = gates.start(group + 1);
    for (int k = gates.start(group); k < end; k++) {
      int entry = gates.entry(k);
      byte state;
      if (entry < 0) {
        state = xmlNone(-1 - entry, tx) ? EMPTY : UNSTABLE;
      } else {
        state = slotEpochs[entry] == epoch ? slotStates[entry] : slot(entry, tx);
      }
      if (state == UNSTABLE) {
        return keep(group, UNGATED);
      }
      if (state == UNKNOWN) {
        // The next rule of the group that is evaluated works the view's union out.
        return UNKNOWN;
      }
    }
    return keep(group, GATED);
  }

  private byte keep(int group, byte state) {
    groupEpochs[group] = epoch;
    groupStates[group] = state;
    return state;
  }

  /** Works a slot's union out, as the evaluator's per-variable path would; its state. */
  private byte slot(int slot, EvaluatorTransaction tx) {
    CompiledRule link = gates.slotLink(slot);
    int vi = gates.slotVariable(slot);
    TargetViews views = tx.views();
    int selection = link.selectionIds[vi];
    Target[] selected = views.select(selection, tx.store(), link.variables[vi], link.exclusions);
    byte state;
    if (selected == null) {
      state = UNSTABLE;
    } else if (selected.length == 0) {
      state = EMPTY;
    } else {
      int view = link.viewIds[vi];
      views.view(view, selected);
      int[] found = views.union(view);
      if (found == null) {
        CompiledTransforms.Chain chain = link.transforms;
        found = views.rawUnion(selection, view, chain, chain.length(), tx.values());
      }
      if (found == null) {
        return UNKNOWN;
      }
      long w0 = 0;
      long w1 = 0;
      for (int id : found) {
        if ((id & 64) == 0) {
          w0 |= 1L << id;
        } else {
          w1 |= 1L << id;
        }
      }
      slotMasks[2 * slot] = w0;
      slotMasks[2 * slot + 1] = w1;
      slotUnions[slot] = found;
      holding = true;
      state = KNOWN;
    }
    slotEpochs[slot] = epoch;
    slotStates[slot] = state;
    return state;
  }

  /** Whether an {@code XML} variable has no target now, read as the evaluator reads it. */
  private boolean xmlNone(int number, EvaluatorTransaction tx) {
    if (xmlEpochs[number] == epoch) {
      return xmlNone[number];
    }
    CompiledRule.Variable v = gates.xmlVariable(number);
    collected.clear();
    RequestState state = tx.requestState();
    if (state != null) {
      state.collect(v.kind(), v.collection(), v.key(), v.keyPattern(), collected);
    } else {
      tx.store().collect(v.collection(), v.key(), v.keyPattern(), collected);
    }
    boolean none = collected.isEmpty();
    collected.clear();
    xmlEpochs[number] = epoch;
    xmlNone[number] = none;
    return none;
  }
}
