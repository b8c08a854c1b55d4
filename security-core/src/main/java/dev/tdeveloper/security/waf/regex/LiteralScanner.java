package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a {@link Cond} in one pass over the input: an Aho-Corasick automaton of all the
 * condition's literals, unrolled into a DFA over a compressed, case-folded alphabet, whose states
 * carry the bits of the "atoms" (OR-sets of literals) they complete. The condition is a formula
 * over at most 64 atoms, so the pass keeps one {@code long} of atoms seen and stops as soon as the
 * formula holds. Built once per pattern; immutable and thread-safe, and a test allocates nothing.
 */
final class LiteralScanner {
  /** One node of the formula over atom bits. */
  private record Eval(boolean and, long mask, Eval[] kids) {
    boolean test(long seen) {
      if (and) {
        if ((seen & mask) != mask) {
          return false;
        }
        for (Eval k : kids) {
          if (!k.test(seen)) {
            return false;
          }
        }
        return true;
      }
      if ((seen & mask) != 0) {
        return true;
      }
      for (Eval k : kids) {
        if (k.test(seen)) {
          return true;
        }
      }
      return false;
    }
  }

  private final Cond condition;
  private final Eval root;
  private final char[] classes = new char[256];
  private final int width;
  private final int[] delta;
  private final long[] out;

  private LiteralScanner(Cond condition, Eval root, Map<String, Long> atomsOf) {
    this.condition = condition;
    this.root = root;
    int next = 1;
    for (String lit : atomsOf.keySet()) {
      for (int i = 0; i < lit.length(); i++) {
        char c = lit.charAt(i);
        if (classes[c] == 0) {
          classes[c] = (char) next++;
          if (c >= 'a' && c <= 'z') {
            classes[c - 32] = classes[c];
          }
        }
      }
    }
    this.width = next;
    List<int[]> go = new ArrayList<>();
    List<Long> outs = new ArrayList<>();
    go.add(newRow());
    outs.add(0L);
    for (Map.Entry<String, Long> e : atomsOf.entrySet()) {
      int s = 0;
      for (int i = 0; i < e.getKey().length(); i++) {
        int k = classes[e.getKey().charAt(i)];
        if (go.get(s)[k] < 0) {
          go.get(s)[k] = go.size();
          go.add(newRow());
          outs.add(0L);
        }
        s = go.get(s)[k];
      }
      outs.set(s, outs.get(s) | e.getValue());
    }
    TrieLinks links = new TrieLinks(go, width);
    long[] outputs = new long[go.size()];
    for (int s : links.order) {
      outputs[s] = outs.get(s) | outputs[links.fail[s]];
    }
    // Entries hold the target's row offset, shifted left, with bit 0 set when it completes atoms.
    this.delta = links.delta(t -> outputs[t] != 0);
    this.out = outputs;
  }

  private int[] newRow() {
    int[] row = new int[width];
    Arrays.fill(row, -1);
    return row;
  }

  /**
   * The scanner of a condition, or null when the condition is TRUE (nothing to scan for). A
   * condition of more than 64 atoms is weakened (each AND keeps its part with fewest atoms) first.
   */
  static LiteralScanner of(Cond cond) {
    Cond c = cond;
    if (atoms(c) > Long.SIZE) {
      c = weaken(c);
    }
    if (c instanceof Cond.True || atoms(c) > Long.SIZE) {
      return null;
    }
    Map<String, Long> atomsOf = new LinkedHashMap<>();
    Eval root = eval(c, atomsOf, new int[1]);
    return new LiteralScanner(c, root, atomsOf);
  }

  /** The condition tested: the one given, or its weakened form. */
  Cond condition() {
    return condition;
  }

  /** Whether the input (a byte string; other chars never match a literal) meets the condition. */
  boolean test(CharSequence input) {
    int row = 0;
    long seen = 0;
    int n = input.length();
    for (int i = 0; i < n; i++) {
      char c = input.charAt(i);
      int e = delta[row + (c < 256 ? classes[c] : 0)];
      row = e >>> 1;
      if ((e & 1) != 0) {
        long o = out[row / width];
        if ((o & ~seen) != 0) {
          seen |= o;
          if (root.test(seen)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Atoms: a lone literal, or the literal parts of one OR, share one bit. */
  private static int atoms(Cond c) {
    if (c instanceof Cond.Lit) {
      return 1;
    }
    int n = 0;
    boolean lits = false;
    for (Cond p : parts(c)) {
      if (c instanceof Cond.Or && p instanceof Cond.Lit) {
        lits = true;
      } else {
        n += atoms(p);
      }
    }
    return n + (lits ? 1 : 0);
  }

  private static List<Cond> parts(Cond c) {
    return c instanceof Cond.And a ? a.parts() : c instanceof Cond.Or o ? o.parts() : List.of();
  }

  private static Cond weaken(Cond c) {
    if (c instanceof Cond.And a) {
      Cond best = Cond.TRUE;
      int fewest = Integer.MAX_VALUE;
      for (Cond p : a.parts()) {
        Cond w = weaken(p);
        int n = atoms(w);
        if (!(w instanceof Cond.True) && n < fewest) {
          best = w;
          fewest = n;
        }
      }
      return best;
    }
    if (c instanceof Cond.Or o) {
      List<Cond> ws = new ArrayList<>();
      for (Cond p : o.parts()) {
        ws.add(weaken(p));
      }
      return Cond.or(ws);
    }
    return c;
  }

  private static Eval eval(Cond c, Map<String, Long> atomsOf, int[] nextBit) {
    if (c instanceof Cond.Lit l) {
      return new Eval(false, bit(l, atomsOf, nextBit[0]++), new Eval[0]);
    }
    boolean and = c instanceof Cond.And;
    long mask = 0;
    int orBit = -1;
    List<Eval> kids = new ArrayList<>();
    for (Cond p : parts(c)) {
      if (p instanceof Cond.Lit l) {
        if (and) {
          mask |= bit(l, atomsOf, nextBit[0]++);
        } else {
          orBit = orBit < 0 ? nextBit[0]++ : orBit;
          mask |= bit(l, atomsOf, orBit);
        }
      } else {
        kids.add(eval(p, atomsOf, nextBit));
      }
    }
    return new Eval(and, mask, kids.toArray(new Eval[0]));
  }

  private static long bit(Cond.Lit l, Map<String, Long> atomsOf, int bit) {
    long b = 1L << bit;
    atomsOf.merge(l.text(), b, (x, y) -> x | y);
    return b;
  }
}
