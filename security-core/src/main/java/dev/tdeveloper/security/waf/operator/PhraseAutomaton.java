package dev.tdeveloper.security.waf.operator;

import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over bytes that finds, case-insensitively (ASCII letters only, as C's
 * {@code tolower} in ModSecurity's {@code acmp}), the first phrase occurring anywhere in a byte
 * string. Immutable and thread-safe; a search allocates nothing.
 *
 * <p>Layout, chosen for memory (CRS's largest phrase file has 1,264 phrases): the trie's states are
 * numbered breadth-first; the root has a dense 256-entry transition table (most bytes of benign
 * input are read at the root), every other state keeps its children as a sorted run of (label,
 * target) pairs in shared arrays (compressed sparse rows), scanned linearly for small fan-outs and
 * by binary search above {@value #LINEAR_SCAN_MAX}. Each state has a failure link and a precomputed
 * output: the phrase ending there, or else the longest phrase that is a suffix of it, so a search
 * stops at the first byte where any phrase ends and reports the longest phrase ending there. About
 * 17 bytes per state plus the phrases themselves.
 *
 * <p>The first states (breadth-first, so the shallow ones a search spends most bytes in) also get a
 * dense row over the phrases' byte classes with the failure links folded in, at most {@value
 * #DENSE_CELLS} cells in all: a byte read there is one table read. A deeper state that has no child
 * for a byte follows its failure links to a state with a row, so every search visits the very
 * states the sparse walk alone would visit. A cell that leads to a state with an output holds the
 * state's complement, so a byte read in a dense row costs two table reads (class, cell); any other
 * cell holds where the next state's row starts (or, for a state without a row, its number past the
 * rows), so the walk adds the class to it without a multiplication.
 */
final class PhraseAutomaton {
  /** Children runs up to this length are scanned linearly; longer ones are binary-searched. */
  static final int LINEAR_SCAN_MAX = 8;

  /** The dense rows' total cells (states with a row times byte classes): {@value} ints. */
  static final int DENSE_CELLS = 1 << 14;

  private static final int ROOT = 0;
  private static final byte[] LOWER = new byte[256];

  static {
    for (int b = 0; b < 256; b++) {
      LOWER[b] = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
    }
  }

  private final String[] phrases;
  private final int[] rootNext;
  private final int[] edgeStart;
  private final byte[] edgeLabel;
  private final int[] edgeTarget;
  private final int[] fail;
  private final int[] output;
  // Byte (lower-cased) -> class; class 0 for the bytes no phrase holds. dense[s * width + class]
  // is the state after s reads a byte of that class, for s < denseStates.
  private final byte[] classOf = new byte[256];
  private final int width;
  private final int denseStates;
  // dense.length: a cell below it is the start of a row, one at or above it a state without a row
  // plus sparseOffset (denseLimit - denseStates).
  private final int denseLimit;
  private final int sparseOffset;
  private final int[] dense;

  private PhraseAutomaton(
      String[] phrases,
      int[] rootNext,
      int[] edgeStart,
      byte[] edgeLabel,
      int[] edgeTarget,
      int[] fail,
      int[] output,
      int denseCells) {
    this.phrases = phrases;
    this.rootNext = rootNext;
    this.edgeStart = edgeStart;
    this.edgeLabel = edgeLabel;
    this.edgeTarget = edgeTarget;
    this.fail = fail;
    this.output = output;
    int classes = 1;
    for (byte l : edgeLabel) {
      if (classOf[l & 0xff] == 0) {
        classOf[l & 0xff] = (byte) classes++;
      }
    }
    for (int b = 0; b < 256; b++) {
      classOf[b] = classOf[LOWER[b] & 0xff];
    }
    this.width = classes;
    this.denseStates = Math.max(1, Math.min(fail.length, denseCells / classes));
    this.denseLimit = denseStates * classes;
    this.sparseOffset = denseLimit - denseStates;
    this.dense = denseRows(edgeLabel);
  }

  /** The dense rows, in breadth-first order: a state's failure state has its row already. */
  private int[] denseRows(byte[] labels) {
    int[] label = new int[width];
    for (byte l : labels) {
      label[classOf[l & 0xff] & 0xff] = l;
    }
    int[] rows = new int[denseStates * width];
    for (int s = 0; s < denseStates; s++) {
      for (int k = 1; k < width; k++) {
        int next = s == ROOT ? rootNext[label[k] & 0xff] : child(s, (byte) label[k]);
        rows[s * width + k] = next >= 0 ? next : rows[fail[s] * width + k];
      }
    }
    // A cell leading to a state with an output holds its complement: the search stops there
    // without reading the output table for every byte. Any other cell holds the next state's
    // position (encode).
    for (int i = 0; i < rows.length; i++) {
      rows[i] = output[rows[i]] >= 0 ? ~rows[i] : encode(rows[i]);
    }
    return rows;
  }

  /** A state as the walk keeps it: the start of its dense row, or its number past the rows. */
  private int encode(int state) {
    return state < denseStates ? state * width : state + sparseOffset;
  }

  /**
   * Builds the automaton.
   *
   * @param phrases byte strings, none empty, each char 0 to 255; duplicates (ignoring ASCII case)
   *     are kept once, the first spelling winning
   * @return the automaton
   * @throws IllegalArgumentException when a phrase is empty or has a char above 255
   */
  static PhraseAutomaton build(List<String> phrases) {
    return build(phrases, DENSE_CELLS);
  }

  /**
   * As {@link #build(List)}, with dense rows of at most {@code denseCells} cells (the root's row
   * always): for tests comparing the dense and the sparse walks.
   */
  static PhraseAutomaton build(List<String> phrases, int denseCells) {
    String[] all = phrases.toArray(new String[0]);
    int capacity = 1;
    for (String p : all) {
      if (p.isEmpty()) {
        throw new IllegalArgumentException("empty phrase");
      }
      capacity += p.length();
    }
    Trie trie = new Trie(capacity);
    for (int i = 0; i < all.length; i++) {
      trie.add(all[i], i);
    }
    return trie.compile(all, denseCells);
  }

  /**
   * Finds the first phrase ending in the input.
   *
   * @param input a byte string (a char above 255 matches no phrase)
   * @return the index of the phrase (as given to {@link #build}), or -1
   */
  int find(CharSequence input) {
    int at = encode(ROOT);
    for (int i = 0, n = input.length(); i < n; i++) {
      int c = input.charAt(i);
      if (c > 0xff) {
        at = encode(ROOT);
        continue;
      }
      while (true) {
        if (at < denseLimit) {
          int cell = dense[at + (classOf[c] & 0xff)];
          if (cell < 0) {
            return output[~cell];
          }
          at = cell;
          break;
        }
        int state = at - sparseOffset;
        int next = child(state, LOWER[c]);
        if (next >= 0) {
          if (output[next] >= 0) {
            return output[next];
          }
          at = encode(next);
          break;
        }
        at = encode(fail[state]);
      }
    }
    return -1;
  }

  /**
   * The phrase at an index, as spelled when the automaton was built.
   *
   * @param index an index {@link #find} returned
   * @return the phrase
   */
  String phrase(int index) {
    return phrases[index];
  }

  /** The number of states (trie nodes, the root included). */
  int stateCount() {
    return fail.length;
  }

  /** The bytes the transition tables take (arrays and headers, not the phrase strings). */
  long tableBytes() {
    long arrays = 4L * (rootNext.length + edgeStart.length + edgeTarget.length + dense.length);
    arrays += classOf.length + 16;
    arrays += 4L * (fail.length + output.length) + edgeLabel.length + 4L * phrases.length;
    return arrays + 7 * 16;
  }

  private int child(int state, byte label) {
    int lo = edgeStart[state];
    int hi = edgeStart[state + 1];
    if (hi - lo <= LINEAR_SCAN_MAX) {
      for (int e = lo; e < hi; e++) {
        if (edgeLabel[e] == label) {
          return edgeTarget[e];
        }
      }
      return -1;
    }
    int key = label & 0xff;
    hi--;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int l = edgeLabel[mid] & 0xff;
      if (l < key) {
        lo = mid + 1;
      } else if (l > key) {
        hi = mid - 1;
      } else {
        return edgeTarget[mid];
      }
    }
    return -1;
  }

  /** The trie while building: first-child / next-sibling lists in flat arrays. */
  private static final class Trie {
    private final int[] firstChild;
    private final int[] nextSibling;
    private final byte[] label;
    private final int[] phraseAt;
    private int size = 1;

    Trie(int capacity) {
      firstChild = new int[capacity];
      nextSibling = new int[capacity];
      label = new byte[capacity];
      phraseAt = new int[capacity];
      Arrays.fill(firstChild, -1);
      Arrays.fill(nextSibling, -1);
      Arrays.fill(phraseAt, -1);
    }

    void add(String phrase, int index) {
      int node = ROOT;
      for (int i = 0; i < phrase.length(); i++) {
        int c = phrase.charAt(i);
        if (c > 0xff) {
          throw new IllegalArgumentException("phrase has a char above 255 at " + i);
        }
        byte l = LOWER[c];
        int next = find(node, l);
        if (next < 0) {
          next = size++;
          label[next] = l;
          nextSibling[next] = firstChild[node];
          firstChild[node] = next;
        }
        node = next;
      }
      if (phraseAt[node] < 0) {
        phraseAt[node] = index;
      }
    }

    int find(int node, byte l) {
      for (int c = firstChild[node]; c >= 0; c = nextSibling[c]) {
        if (label[c] == l) {
          return c;
        }
      }
      return -1;
    }

    /** Numbers states breadth-first, links failures and outputs, lays out the tables. */
    PhraseAutomaton compile(String[] phrases, int denseCells) {
      int[] order = new int[size];
      int[] newId = new int[size];
      int[] oldFail = new int[size];
      int[] oldOutput = new int[size];
      int head = 0;
      int tail = 0;
      order[tail++] = ROOT;
      oldOutput[ROOT] = -1;
      while (head < tail) {
        int node = order[head];
        newId[node] = head++;
        for (int c = firstChild[node]; c >= 0; c = nextSibling[c]) {
          int f = ROOT;
          if (node != ROOT) {
            f = oldFail[node];
            int target = find(f, label[c]);
            while (target < 0 && f != ROOT) {
              f = oldFail[f];
              target = find(f, label[c]);
            }
            f = target < 0 ? ROOT : target;
          }
          oldFail[c] = f;
          oldOutput[c] = phraseAt[c] >= 0 ? phraseAt[c] : oldOutput[f];
          order[tail++] = c;
        }
      }
      int[] edgeStart = new int[size + 1];
      byte[] edgeLabel = new byte[size - 1];
      int[] edgeTarget = new int[size - 1];
      int[] fail = new int[size];
      int[] output = new int[size];
      int[] rootNext = new int[256];
      int edges = 0;
      long[] run = new long[256];
      for (int id = 0; id < size; id++) {
        int node = order[id];
        fail[id] = newId[oldFail[node]];
        output[id] = oldOutput[node];
        edgeStart[id] = edges;
        int n = 0;
        for (int c = firstChild[node]; c >= 0; c = nextSibling[c]) {
          run[n++] = ((long) (label[c] & 0xff) << 32) | newId[c];
        }
        Arrays.sort(run, 0, n);
        for (int k = 0; k < n; k++) {
          edgeLabel[edges] = (byte) (run[k] >>> 32);
          edgeTarget[edges++] = (int) run[k];
          if (id == ROOT) {
            rootNext[(int) (run[k] >>> 32)] = (int) run[k];
          }
        }
      }
      edgeStart[size] = edges;
      return new PhraseAutomaton(
          phrases, rootNext, edgeStart, edgeLabel, edgeTarget, fail, output, denseCells);
    }
  }
}
