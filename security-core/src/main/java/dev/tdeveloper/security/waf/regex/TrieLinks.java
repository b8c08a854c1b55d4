package dev.tdeveloper.security.waf.regex;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The links of an Aho-Corasick trie over byte classes, worked out once at construction: the full
 * transition table (every state and class to the next state, failure links folded in) and each
 * state's failure state, with the non-root states in breadth-first order so a caller can merge each
 * state's outputs with its failure state's. Shared by {@link LiteralScanner} and {@link
 * LiteralIndex}, which differ only in what a state outputs. Not thread-safe; used while building.
 */
final class TrieLinks {
  /** Next state per {@code state * width + class}. */
  final int[] targets;

  /** Failure state per state (the root's is the root). */
  final int[] fail;

  /** The non-root states, breadth-first: a state comes after its failure state. */
  final int[] order;

  private final int width;

  /** Links the trie {@code go}: per state, a row of {@code width} child states, -1 for none. */
  TrieLinks(List<int[]> go, int width) {
    int states = go.size();
    this.width = width;
    this.targets = new int[states * width];
    this.fail = new int[states];
    this.order = new int[states - 1];
    int ordered = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int k = 0; k < width; k++) {
      int t = go.get(0)[k];
      targets[k] = Math.max(t, 0);
      if (t > 0) {
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      order[ordered++] = s;
      for (int k = 0; k < width; k++) {
        int t = go.get(s)[k];
        if (t < 0) {
          targets[s * width + k] = targets[fail[s] * width + k];
        } else {
          fail[t] = targets[fail[s] * width + k];
          targets[s * width + k] = t;
          queue.add(t);
        }
      }
    }
  }

  /**
   * Packs the transitions for scanning: each entry holds the target's row offset shifted left, with
   * bit 0 set when {@code hasOutput} says the target state completes something.
   */
  int[] delta(IntPredicate hasOutput) {
    return delta(hasOutput, identity());
  }

  /**
   * As {@link #delta(IntPredicate)}, with the states renumbered by {@code rank} (old number to new:
   * a state's row is at {@code rank[state] * width}); {@code hasOutput} takes old numbers.
   */
  int[] delta(IntPredicate hasOutput, int[] rank) {
    int states = targets.length / width;
    int[] delta = new int[targets.length];
    for (int s = 0; s < states; s++) {
      for (int k = 0; k < width; k++) {
        int t = targets[s * width + k];
        delta[rank[s] * width + k] = (rank[t] * width) << 1 | (hasOutput.test(t) ? 1 : 0);
      }
    }
    return delta;
  }

  /**
   * Packs the transitions into chars, a state's row {@code 2^shift} entries long (at least {@code
   * width}), the states renumbered by {@code rank} (old number to new): each entry holds the new
   * number of the target state shifted left, with bit 0 set when {@code hasOutput} (old numbers)
   * says it completes something. Only for fewer than 2^15 states.
   */
  char[] narrowDelta(IntPredicate hasOutput, int shift, int[] rank) {
    int states = targets.length / width;
    char[] delta = new char[states << shift];
    for (int s = 0; s < states; s++) {
      for (int k = 0; k < width; k++) {
        int t = targets[s * width + k];
        delta[(rank[s] << shift) + k] = (char) (rank[t] << 1 | (hasOutput.test(t) ? 1 : 0));
      }
    }
    return delta;
  }

  /**
   * A numbering of the states in breadth-first order (old number to new; the root stays 0): the
   * shallow states, where a scan of ordinary text spends nearly all its steps, get the first rows
   * of the table, so the rows a scan touches share cache lines and pages.
   */
  int[] breadthFirstRank() {
    int[] rank = new int[fail.length];
    for (int i = 0; i < order.length; i++) {
      rank[order[i]] = i + 1;
    }
    return rank;
  }

  private int[] identity() {
    int[] rank = new int[fail.length];
    for (int s = 0; s < rank.length; s++) {
      rank[s] = s;
    }
    return rank;
  }
}
