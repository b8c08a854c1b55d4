package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A necessary condition on the first bytes of a match, for patterns whose literals say little (CRS
 * 930100 needs only one of {@code \ / %} and then a dot or an escape): the pairs, and where few
 * enough the triples, of bytes that can begin a match, derived from the parse tree. An input in
 * which no position starts a possible pair (and triple) cannot match. Zero-width items (anchors,
 * lookaround) are read as matching anywhere, which only lets more inputs through; a backreference
 * near the start gives up. Tested in one pass with a 65,536-bit table of pairs and a sorted array
 * of triples. Exact in the safe direction only: it may pass inputs that do not match, never reject
 * one that does. Immutable and thread-safe.
 */
final class StartGrams {
  /** Prefix paths kept while walking the tree before giving up. */
  static final int MAX_PATHS = 512;

  /** At most this many possible pairs: beyond, the test rejects too little to pay for itself. */
  static final int MAX_PAIRS = 1024;

  /** At most this many possible triples; beyond, only pairs are tested. */
  static final int MAX_TRIPLES = 4096;

  private static final int K = 3;
  private static final ByteSet ANY = ByteSet.range(0, 255);

  private final long[] pairs;
  private final int[] triples;
  private final int pairCount;

  private StartGrams(long[] pairs, int pairCount, int[] triples) {
    this.pairs = pairs;
    this.pairCount = pairCount;
    this.triples = triples;
  }

  /**
   * The condition of a pattern whose every match is at least two bytes long, or null when it would
   * reject too little (or cannot be derived).
   */
  static StartGrams of(Node root) {
    if (PrefilterBuilder.minLength(root) < 2) {
      return null;
    }
    Paths walk = new Paths();
    long[] paths = walk.extend(root, new long[] {0L});
    if (paths == null || paths.length == 0) {
      return null;
    }
    long[] pairs = new long[1024];
    long tripleCount = 0;
    for (long p : paths) {
      ByteSet[] full = walk.sets(p);
      if (full[0].size() * full[1].size() > MAX_PAIRS) {
        return null;
      }
      for (int a : members(full[0])) {
        for (int b : members(full[1])) {
          pairs[(a << 2) | (b >>> 6)] |= 1L << (b & 63);
        }
      }
      tripleCount += (long) full[0].size() * full[1].size() * full[2].size();
    }
    int pairCount = 0;
    for (long w : pairs) {
      pairCount += Long.bitCount(w);
    }
    if (pairCount > MAX_PAIRS) {
      return null;
    }
    return new StartGrams(
        pairs,
        pairCount,
        tripleCount <= MAX_TRIPLES ? triples(walk, paths, (int) tripleCount) : null);
  }

  /** Whether some position of the input may start a match (a char above 0xFF: conservatively). */
  boolean test(CharSequence input) {
    int n = input.length();
    for (int i = 0; i + 1 < n; i++) {
      char a = input.charAt(i);
      char b = input.charAt(i + 1);
      if (a > 0xFF || b > 0xFF) {
        return true;
      }
      if ((pairs[(a << 2) | (b >>> 6)] & (1L << (b & 63))) != 0) {
        if (triples == null || i + 2 >= n) {
          return true;
        }
        char c = input.charAt(i + 2);
        if (c > 0xFF || Arrays.binarySearch(triples, (a << 16) | (b << 8) | c) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  int pairCount() {
    return pairCount;
  }

  boolean testsTriples() {
    return triples != null;
  }

  private static int[] triples(Paths walk, long[] paths, int bound) {
    int[] out = new int[bound];
    int size = 0;
    for (long p : paths) {
      ByteSet[] full = walk.sets(p);
      for (int a : members(full[0])) {
        for (int b : members(full[1])) {
          for (int c : members(full[2])) {
            out[size++] = (a << 16) | (b << 8) | c;
          }
        }
      }
    }
    return Arrays.stream(out, 0, size).sorted().distinct().toArray();
  }

  private static int[] members(ByteSet set) {
    int[] out = new int[set.size()];
    int size = 0;
    for (int c = 0; c < 256; c++) {
      if (set.contains(c)) {
        out[size++] = c;
      }
    }
    return out;
  }

  /**
   * The walk of the tree: a prefix path is up to K byte sets, each interned to a number, packed in
   * a long (the length in bits 0-1, then 20 bits per set), so that paths are compared and
   * deduplicated as numbers.
   */
  private static final class Paths {
    private final List<ByteSet> sets = new ArrayList<>();
    private final Map<List<Long>, Integer> ids = new HashMap<>();

    private int id(ByteSet set) {
      List<Long> key = List.of(set.word(0), set.word(1), set.word(2), set.word(3));
      return ids.computeIfAbsent(
          key,
          k -> {
            sets.add(set);
            return sets.size() - 1;
          });
    }

    /** Whether a path's first two sets allow more pairs than the condition may have. */
    private boolean tooWide(long path) {
      return (long) sets.get((int) (path >>> 2) & 0xFFFFF).size()
              * sets.get((int) (path >>> 22) & 0xFFFFF).size()
          > MAX_PAIRS;
    }

    private static int length(long path) {
      return (int) (path & 3);
    }

    private static long append(long path, int id) {
      int n = length(path);
      return (path & ~3L) | ((long) id << (2 + 20 * n)) | (n + 1);
    }

    /** The sets of a path, padded with any byte: a match that may end early continues anyhow. */
    ByteSet[] sets(long path) {
      ByteSet[] full = new ByteSet[K];
      for (int i = 0; i < K; i++) {
        full[i] = i < length(path) ? sets.get((int) (path >>> (2 + 20 * i)) & 0xFFFFF) : ANY;
      }
      return full;
    }

    /**
     * The paths the open ones (all shorter than K) become after n: some complete (K long), some
     * still open. Null when there are too many or n cannot be followed (a backreference).
     */
    long[] extend(Node n, long[] open) {
      if (n instanceof Node.Chars c) {
        int id = id(c.set());
        long[] out = new long[open.length];
        for (int i = 0; i < open.length; i++) {
          out[i] = append(open[i], id);
          if (length(out[i]) == 2 && tooWide(out[i])) {
            return null; // the condition would be dropped anyway: stop walking
          }
        }
        return out;
      } else if (n instanceof Node.Assert || n instanceof Node.Look) {
        return open;
      } else if (n instanceof Node.Group g) {
        return extend(g.body(), open);
      } else if (n instanceof Node.Atomic a) {
        return extend(a.body(), open);
      } else if (n instanceof Node.Seq s) {
        long[] cur = open;
        long[] done = new long[0];
        for (Node item : s.items()) {
          long[] r = extend(item, cur);
          if (r == null) {
            return null;
          }
          done = union(done, complete(r, true));
          cur = complete(r, false);
          if (done == null || cur.length > MAX_PATHS) {
            return null;
          }
          if (cur.length == 0) {
            break;
          }
        }
        return union(done, cur);
      } else if (n instanceof Node.Alt a) {
        long[] out = new long[64];
        int size = 0;
        for (Node b : a.branches()) {
          long[] r = extend(b, open);
          if (r == null) {
            return null;
          }
          if (size + r.length > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + r.length));
          }
          System.arraycopy(r, 0, out, size, r.length);
          size += r.length;
          if (size > 4 * MAX_PATHS) {
            out = union(Arrays.copyOf(out, size), new long[0]);
            if (out == null) {
              return null;
            }
            size = out.length;
          }
        }
        return union(Arrays.copyOf(out, size), new long[0]);
      } else if (n instanceof Node.Repeat r) {
        return repeat(r, open);
      }
      return null; // Backref: its bytes are unknown
    }

    private long[] repeat(Node.Repeat r, long[] open) {
      long[] out = new long[0];
      long[] cur = open;
      for (int i = 0; ; i++) {
        // Past K + 1 rounds only empty iterations remain, which add nothing: stop, keeping the
        // open paths (more paths only let more inputs through).
        if (i >= r.min() || i > K + 1) {
          out = union(out, cur);
          if (out == null) {
            return null;
          }
        }
        if (cur.length == 0 || i == r.max() || i > K + 1) {
          return out;
        }
        long[] next = extend(r.body(), cur);
        if (next == null) {
          return null;
        }
        out = union(out, complete(next, true));
        cur = complete(next, false);
        if (out == null || cur.length > MAX_PATHS) {
          return null;
        }
      }
    }

    private static long[] complete(long[] paths, boolean complete) {
      return Arrays.stream(paths).filter(p -> (length(p) == K) == complete).distinct().toArray();
    }

    /** The union without repeats; null when it holds too many paths. */
    private static long[] union(long[] a, long[] b) {
      if (a == null || b == null) {
        return null;
      }
      long[] all = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      long[] out = Arrays.stream(all).sorted().distinct().toArray();
      return out.length > MAX_PATHS ? null : out;
    }
  }
}
