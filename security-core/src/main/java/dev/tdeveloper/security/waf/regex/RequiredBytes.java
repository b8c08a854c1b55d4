package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A necessary condition on bytes, for patterns without a usable literal (CRS 932150 and its kin):
 * classes of bytes such that every match contains at least one byte of each class, derived from the
 * parse tree as RE2 derives its prefilter. A sequence needs every class its items need; an
 * alternation needs the union of one class per branch (the rarest of each); a node that may match
 * the empty string (optional repetition, anchors, lookaround, backreferences) needs nothing. Tested
 * in one pass with a 256-entry table of class bits. Exact in the safe direction only: it may pass
 * inputs that do not match, never reject one that does. Immutable and thread-safe.
 */
final class RequiredBytes {
  /** At most this many classes (one bit each in a {@code long}). */
  static final int MAX_CLASSES = 64;

  private final long[] bits = new long[256];
  private final long all;
  private final int count;

  private RequiredBytes(List<BitSet> classes) {
    long every = 0;
    for (int i = 0; i < classes.size(); i++) {
      BitSet c = classes.get(i);
      for (int b = c.nextSetBit(0); b >= 0; b = c.nextSetBit(b + 1)) {
        bits[b] |= 1L << i;
      }
      every |= 1L << i;
    }
    this.all = every;
    this.count = classes.size();
  }

  /** The required classes of a pattern, or null when it requires none that excludes a byte. */
  static RequiredBytes of(Node root) {
    List<BitSet> sorted = new ArrayList<>(required(root));
    sorted.sort(Comparator.comparingInt(BitSet::cardinality));
    List<BitSet> useful = new ArrayList<>();
    for (BitSet c : sorted) {
      if (c.cardinality() < 256 && useful.size() < MAX_CLASSES && !impliedByKept(c, useful)) {
        useful.add(c);
      }
    }
    return useful.isEmpty() ? null : new RequiredBytes(useful);
  }

  /** Whether the input holds a byte of every class (a char above 0xFF counts as any byte). */
  boolean test(CharSequence input) {
    long seen = 0;
    for (int i = 0, n = input.length(); i < n; i++) {
      char c = input.charAt(i);
      seen |= c < 256 ? bits[c] : all;
      if (seen == all) {
        return true;
      }
    }
    return false;
  }

  int classCount() {
    return count;
  }

  /** A kept subset of c makes c redundant: a byte of the subset is a byte of c. */
  private static boolean impliedByKept(BitSet c, List<BitSet> kept) {
    for (BitSet k : kept) {
      BitSet outside = (BitSet) k.clone();
      outside.andNot(c);
      if (outside.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Classes every match of n contains a byte of (an empty set: n may match without bytes). */
  private static Set<BitSet> required(Node n) {
    if (n instanceof Node.Chars c) {
      return Set.of(bits(c.set()));
    } else if (n instanceof Node.Group g) {
      return required(g.body());
    } else if (n instanceof Node.Atomic a) {
      return required(a.body());
    } else if (n instanceof Node.Repeat r) {
      return r.min() == 0 ? Set.of() : required(r.body());
    } else if (n instanceof Node.Seq s) {
      Set<BitSet> all = new LinkedHashSet<>();
      for (Node item : s.items()) {
        all.addAll(required(item));
      }
      return all;
    } else if (n instanceof Node.Alt a) {
      BitSet union = new BitSet(256);
      for (Node b : a.branches()) {
        BitSet rarest = null;
        for (BitSet c : required(b)) {
          if (rarest == null || rarity(c) < rarity(rarest)) {
            rarest = c;
          }
        }
        if (rarest == null) {
          return Set.of();
        }
        union.or(rarest);
      }
      return Set.of(union);
    }
    return Set.of(); // Assert, Look, Backref
  }

  /** Lower is rarer in ordinary text: letters, digits and space weigh more than other bytes. */
  private static int rarity(BitSet c) {
    int score = 0;
    for (int b = c.nextSetBit(0); b >= 0; b = c.nextSetBit(b + 1)) {
      boolean common =
          (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == ' ';
      score += common ? 8 : 1;
    }
    return score;
  }

  private static BitSet bits(ByteSet set) {
    BitSet b = new BitSet(256);
    for (int c = 0; c < 256; c++) {
      if (set.contains(c)) {
        b.set(c);
      }
    }
    return b;
  }
}
