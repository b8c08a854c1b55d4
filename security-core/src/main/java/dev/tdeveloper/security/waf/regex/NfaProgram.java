package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed linear pattern as a Thompson NFA for {@link LazyDfa}: instructions that read one byte of
 * a set, split, assert (an anchor, or "the next byte is not in a set" after a possessive repeat of
 * one byte set), move on or match, built back to front from the {@link Node} tree (counted
 * repetitions unrolled), and the pattern's byte classes (bytes that every set, the word set and the
 * newline treat alike), so that the DFA's tables have a slot per class rather than per byte.
 * Immutable and thread-safe.
 */
final class NfaProgram {
  static final byte CHAR = 0;
  static final byte SPLIT = 1;
  static final byte EMPTY = 2;
  static final byte MATCH = 3;
  static final byte ASSERT = 4;

  /** Assertion context: at offset 0. */
  static final int AT_START = 1;

  /** Assertion context: the byte before is a word byte. */
  static final int PREV_WORD = 2;

  private static final Node.Anchor[] ANCHORS = Node.Anchor.values();

  /** The largest program built; a larger one is left to RE2/J. */
  static final int MAX_SIZE = 10_000;

  final byte[] op;
  final int[] out;
  final int[] alt;
  final int start;
  final boolean anchored;
  final byte[] classOf;
  final int classCount;
  private final int[] arg;
  private final long[][] sets;
  private final boolean[] wordClass;
  private final int newlineClass;

  private NfaProgram(Builder b, int start, boolean anchored) {
    int n = b.size;
    this.op = Arrays.copyOf(b.op, n);
    this.out = Arrays.copyOf(b.out, n);
    this.alt = Arrays.copyOf(b.alt, n);
    this.arg = Arrays.copyOf(b.arg, n);
    this.start = start;
    this.anchored = anchored;
    // Byte classes: refine one class by every distinct set, the word bytes and the newline.
    List<ByteSet> distinct = b.distinctSets();
    int[] cls = new int[256];
    int count = 1;
    for (ByteSet s : distinct) {
      count = refine(cls, count, s);
    }
    count = refine(cls, count, ByteSet.word());
    count = refine(cls, count, ByteSet.of('\n'));
    this.classCount = count;
    this.classOf = new byte[256];
    int[] sample = new int[count];
    for (int c = 0; c < 256; c++) {
      classOf[c] = (byte) cls[c];
      sample[cls[c]] = c;
    }
    this.sets = new long[distinct.size()][];
    for (int i = 0; i < sets.length; i++) {
      long[] bits = new long[(count + 63) >>> 6];
      for (int k = 0; k < count; k++) {
        if (distinct.get(i).contains(sample[k])) {
          bits[k >>> 6] |= 1L << k;
        }
      }
      sets[i] = bits;
    }
    this.wordClass = new boolean[count];
    for (int k = 0; k < count; k++) {
      wordClass[k] = ByteSet.word().contains(sample[k]);
    }
    this.newlineClass = cls['\n'];
  }

  /** Splits every class into its bytes inside and outside s; returns the new class count. */
  private static int refine(int[] cls, int count, ByteSet s) {
    int[] inside = new int[count];
    int[] outside = new int[count];
    Arrays.fill(inside, -1);
    Arrays.fill(outside, -1);
    int next = 0;
    for (int c = 0; c < 256; c++) {
      int[] side = s.contains(c) ? inside : outside;
      if (side[cls[c]] < 0) {
        side[cls[c]] = next++;
      }
      cls[c] = side[cls[c]];
    }
    return next;
  }

  /** The program of a parsed pattern; null when it needs more than {@value #MAX_SIZE} steps. */
  static NfaProgram of(Node root) {
    Builder b = new Builder();
    int match = b.add(MATCH, -1, -1, 0);
    int start = b.compile(root, match);
    return start < 0 ? null : new NfaProgram(b, start, Anchoring.startAnchored(root));
  }

  int size() {
    return op.length;
  }

  boolean isWord(int k) {
    return wordClass[k];
  }

  /** Whether the assertion at pc holds between the context's byte and a byte of class k. */
  boolean holds(int pc, int flags, int k) {
    boolean atEnd = k < 0;
    if (arg[pc] >= ANCHORS.length) {
      return atEnd || (sets[arg[pc] - ANCHORS.length][k >>> 6] & (1L << k)) == 0;
    }
    boolean prevWord = (flags & PREV_WORD) != 0;
    boolean nextWord = !atEnd && wordClass[k];
    return switch (ANCHORS[arg[pc]]) {
      case START -> (flags & AT_START) != 0;
      case END -> atEnd;
      case LINE_END -> atEnd || k == newlineClass;
      case WORD_BOUNDARY -> prevWord != nextWord;
      case NOT_WORD_BOUNDARY -> prevWord == nextWord;
      default -> throw new IllegalStateException("anchor not built: " + arg[pc]);
    };
  }

  /**
   * The threads after a byte of class k: the successors of the byte-reading instructions {@code
   * found[0..count)} whose set holds k, ascending without repeats.
   */
  int[] advance(int[] found, int count, int k) {
    int[] next = new int[count];
    int n = 0;
    int word = k >>> 6;
    long bit = 1L << k;
    for (int i = 0; i < count; i++) {
      int pc = found[i];
      if ((sets[arg[pc]][word] & bit) != 0) {
        next[n++] = out[pc];
      }
    }
    Arrays.sort(next, 0, n);
    int unique = 0;
    for (int i = 0; i < n; i++) {
      if (unique == 0 || next[unique - 1] != next[i]) {
        next[unique++] = next[i];
      }
    }
    return Arrays.copyOf(next, unique);
  }

  /** Emits instructions back to front; -1 from {@link #compile} once the program is too large. */
  private static final class Builder {
    byte[] op = new byte[64];
    int[] out = new int[64];
    int[] alt = new int[64];
    int[] arg = new int[64];
    int size;
    private final Map<List<Long>, Integer> setIds = new HashMap<>();
    private final List<ByteSet> sets = new ArrayList<>();

    int add(byte code, int next, int other, int argument) {
      if (size == op.length) {
        int n = size * 2;
        op = Arrays.copyOf(op, n);
        out = Arrays.copyOf(out, n);
        alt = Arrays.copyOf(alt, n);
        arg = Arrays.copyOf(arg, n);
      }
      op[size] = code;
      out[size] = next;
      alt[size] = other;
      arg[size] = argument;
      return size++;
    }

    List<ByteSet> distinctSets() {
      return sets;
    }

    private int setId(ByteSet s) {
      List<Long> key = List.of(s.word(0), s.word(1), s.word(2), s.word(3));
      return setIds.computeIfAbsent(
          key,
          k -> {
            sets.add(s);
            return sets.size() - 1;
          });
    }

    /**
     * The entry of n followed by next, or -1 when the program grew too large or n is not linear.
     */
    int compile(Node n, int next) {
      if (next < 0 || size > MAX_SIZE) {
        return -1;
      }
      if (n instanceof Node.Chars c) {
        return add(CHAR, next, -1, setId(c.set()));
      } else if (n instanceof Node.Assert a) {
        return switch (a.anchor()) {
          case START, END, LINE_END, WORD_BOUNDARY, NOT_WORD_BOUNDARY ->
              add(ASSERT, next, -1, a.anchor().ordinal());
          default -> -1;
        };
      } else if (n instanceof Node.Group g) {
        return compile(g.body(), next);
      } else if (n instanceof Node.Seq s) {
        int at = next;
        for (int i = s.items().size() - 1; i >= 0 && at >= 0; i--) {
          at = compile(s.items().get(i), at);
        }
        return at;
      } else if (n instanceof Node.Alt a) {
        int at = compile(a.branches().get(a.branches().size() - 1), next);
        for (int i = a.branches().size() - 2; i >= 0 && at >= 0; i--) {
          int branch = compile(a.branches().get(i), next);
          at = branch < 0 ? -1 : add(SPLIT, branch, at, 0);
        }
        return at;
      } else if (n instanceof Node.Repeat r && r.greed() != Node.Greed.POSSESSIVE) {
        return repeat(r, next);
      } else if (n instanceof Node.Repeat r && r.max() < 0 && single(r.body()) != null) {
        // X{n,}+ of one byte set X keeps the longest run of X, exactly X{n,} then "the next byte
        // is not in X (or the input ends)".
        int guard = add(ASSERT, next, -1, ANCHORS.length + setId(single(r.body())));
        return repeat(new Node.Repeat(r.body(), r.min(), -1, Node.Greed.GREEDY), guard);
      }
      return -1;
    }

    /** The byte set n reads when it is one byte of a set (maybe grouped), else null. */
    private static ByteSet single(Node n) {
      if (n instanceof Node.Group g) {
        return single(g.body());
      }
      return n instanceof Node.Chars c ? c.set() : null;
    }

    private int repeat(Node.Repeat r, int next) {
      int at = next;
      if (r.max() < 0) {
        int loop = add(SPLIT, -1, next, 0);
        int body = compile(r.body(), loop);
        if (body < 0) {
          return -1;
        }
        out[loop] = body;
        at = loop;
      } else {
        for (int i = r.min(); i < r.max() && at >= 0; i++) {
          int body = compile(r.body(), at);
          at = body < 0 ? -1 : add(SPLIT, body, at, 0);
        }
      }
      for (int i = 0; i < r.min() && at >= 0; i++) {
        at = compile(r.body(), at);
      }
      return at;
    }
  }
}
