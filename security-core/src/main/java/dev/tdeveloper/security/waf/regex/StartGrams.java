package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
    List<ByteSet[]> paths = extend(root, java.util.Collections.singletonList(new ByteSet[0]));
    if (paths == null || paths.isEmpty()) {
      return null;
    }
    long[] pairs = new long[1024];
    long tripleCount = 0;
    for (ByteSet[] p : paths) {
      ByteSet[] full = pad(p);
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
        pairs, pairCount, tripleCount <= MAX_TRIPLES ? triples(paths, (int) tripleCount) : null);
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

  private static int[] triples(List<ByteSet[]> paths, int bound) {
    int[] out = new int[bound];
    int size = 0;
    for (ByteSet[] p : paths) {
      ByteSet[] full = pad(p);
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

  /** A path shorter than K (a match that may end early) continues with any bytes. */
  private static ByteSet[] pad(ByteSet[] p) {
    ByteSet[] full = Arrays.copyOf(p, K);
    for (int i = p.length; i < K; i++) {
      full[i] = ANY;
    }
    return full;
  }

  /**
   * The prefixes, up to K sets long, that the open paths become after n: those already K long are
   * complete, the others may still grow. Null when there are too many or n cannot be followed.
   */
  private static List<ByteSet[]> extend(Node n, List<ByteSet[]> open) {
    if (n instanceof Node.Chars c) {
      List<ByteSet[]> out = new ArrayList<>(open.size());
      for (ByteSet[] p : open) {
        ByteSet[] q = Arrays.copyOf(p, p.length + 1);
        q[p.length] = c.set();
        out.add(q);
      }
      return out;
    } else if (n instanceof Node.Assert || n instanceof Node.Look) {
      return open;
    } else if (n instanceof Node.Group g) {
      return extend(g.body(), open);
    } else if (n instanceof Node.Atomic a) {
      return extend(a.body(), open);
    } else if (n instanceof Node.Seq s) {
      return sequence(s.items(), open);
    } else if (n instanceof Node.Alt a) {
      Map<String, ByteSet[]> out = new LinkedHashMap<>();
      for (Node b : a.branches()) {
        List<ByteSet[]> r = extend(b, open);
        if (r == null || !addAll(out, r)) {
          return null;
        }
      }
      return new ArrayList<>(out.values());
    } else if (n instanceof Node.Repeat r) {
      return repeat(r, open);
    }
    return null; // Backref: its bytes are unknown
  }

  private static List<ByteSet[]> sequence(List<Node> items, List<ByteSet[]> open) {
    Map<String, ByteSet[]> done = new LinkedHashMap<>();
    List<ByteSet[]> cur = open;
    for (Node item : items) {
      List<ByteSet[]> r = extend(item, cur);
      if (r == null) {
        return null;
      }
      cur = new ArrayList<>();
      for (ByteSet[] p : r) {
        if (p.length == K) {
          done.put(key(p), p);
        } else {
          cur.add(p);
        }
      }
      if (done.size() > MAX_PATHS || cur.size() > MAX_PATHS) {
        return null;
      }
      if (cur.isEmpty()) {
        break;
      }
    }
    return addAll(done, cur) ? new ArrayList<>(done.values()) : null;
  }

  private static List<ByteSet[]> repeat(Node.Repeat r, List<ByteSet[]> open) {
    Map<String, ByteSet[]> out = new LinkedHashMap<>();
    List<ByteSet[]> cur = open;
    for (int i = 0; ; i++) {
      // Past K + 1 rounds only empty iterations can add nothing new: stop, keeping what is open.
      if (i >= r.min() || i > K + 1) {
        if (!addAll(out, cur)) {
          return null;
        }
      }
      if (cur.isEmpty() || i == r.max() || i > K + 1) {
        return new ArrayList<>(out.values());
      }
      List<ByteSet[]> next = extend(r.body(), cur);
      if (next == null) {
        return null;
      }
      cur = new ArrayList<>();
      for (ByteSet[] p : next) {
        if (p.length == K) {
          out.put(key(p), p);
        } else {
          cur.add(p);
        }
      }
      if (out.size() > MAX_PATHS || cur.size() > MAX_PATHS) {
        return null;
      }
    }
  }

  /** Adds paths without repeats; false when that makes too many. */
  private static boolean addAll(Map<String, ByteSet[]> out, List<ByteSet[]> paths) {
    for (ByteSet[] p : paths) {
      out.putIfAbsent(key(p), p);
    }
    return out.size() <= MAX_PATHS;
  }

  private static String key(ByteSet[] p) {
    StringBuilder sb = new StringBuilder(p.length * 80);
    for (ByteSet s : p) {
      for (int i = 0; i < 4; i++) {
        sb.append(s.word(i)).append(',');
      }
    }
    return sb.toString();
  }
}
