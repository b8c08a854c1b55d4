package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The literal prefilters of many patterns decided together: one Aho-Corasick automaton over the
 * literals of every pattern's condition (case-folded, as {@link LiteralScanner} compares them)
 * finds, in one pass over a value, the set of literals it contains ({@link #scan}); each pattern's
 * condition is then a test of that set ({@link Formula#mayMatch}). A rule set scans each distinct
 * value once and tests every pattern that inspects it, instead of one automaton pass per pattern
 * and value.
 *
 * <p>A formula is the very condition the pattern's own prefilter checks ({@link
 * WafPattern#prefiltered()}), so {@code mayMatch} is false exactly when {@link WafPattern#find}
 * would answer NOT_MATCHED on its literal test: it never rejects an input the pattern matches.
 * Immutable and thread-safe.
 */
public final class LiteralIndex {
  /** The literals found in a value that contains none (shared, never written). */
  private static final int[] NONE = new int[0];

  /**
   * A pattern's literal condition over the index's literal ids. Its own literals are also kept as a
   * bit set, so that a value with few literals is decided by a bit test per literal it holds rather
   * than a search per literal of the formula. Immutable.
   */
  public static final class Formula {
    private final boolean and;
    private final int[] literals;
    private final long[] bits;
    private final Formula[] parts;
    private final boolean whenNone;

    private Formula(boolean and, int[] literals, Formula[] parts) {
      this.and = and;
      this.literals = Arrays.stream(literals).sorted().distinct().toArray();
      this.bits =
          new long
              [this.literals.length == 0 ? 0 : (this.literals[this.literals.length - 1] >>> 6) + 1];
      for (int id : this.literals) {
        bits[id >>> 6] |= 1L << id;
      }
      this.parts = parts;
      this.whenNone = decide(NONE);
    }

    /**
     * Whether the formula may hold over a set of literals none of which it names: {@link #mayMatch}
     * of an empty set. When false, a set that shares no literal with {@link #mask}'s bits cannot
     * satisfy it (formulas only ask for literals to be held).
     *
     * @return the answer on no literal
     */
    public boolean whenNone() {
      return whenNone;
    }

    /**
     * The literals this formula and its parts name, hashed to {@code 2 * 64} bits (literal id
     * {@code i} sets bit {@code i & 127}) in {@code out[at]} and {@code out[at + 1]}.
     *
     * @param out where the two words are OR-ed in
     * @param at the index of the first word
     */
    public void mask(long[] out, int at) {
      for (int id : literals) {
        out[at + ((id >>> 6) & 1)] |= 1L << id;
      }
      for (Formula p : parts) {
        p.mask(out, at);
      }
    }

    /**
     * Whether a value with these literals may match the pattern.
     *
     * @param found what {@link #scan} returned for the value
     * @return false only when the pattern cannot match the value
     */
    public boolean mayMatch(int[] found) {
      return found.length == 0 ? whenNone : decide(found);
    }

    private boolean decide(int[] found) {
      if (and) {
        if (literals.length > 0 && !holdsAll(found)) {
          return false;
        }
        for (Formula p : parts) {
          if (!p.decide(found)) {
            return false;
          }
        }
        return true;
      }
      if (literals.length > 0 && holdsAny(found)) {
        return true;
      }
      for (Formula p : parts) {
        if (p.decide(found)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether found (ascending, without repeats) holds every literal of this formula: a search in
     * found per literal, stopping at the first missing, when that costs fewer steps than a bit test
     * per literal found.
     */
    private boolean holdsAll(int[] found) {
      int need = literals.length;
      if (found.length < need) {
        return false;
      }
      if (need * log2(found.length) < found.length) {
        for (int id : literals) {
          if (Arrays.binarySearch(found, id) < 0) {
            return false;
          }
        }
        return true;
      }
      int held = 0;
      for (int i = 0; i < found.length; i++) {
        if (mine(found[i]) && ++held == need) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether found holds a literal of this formula: a bit test per literal found, or a search in
     * found per literal of the formula when that costs fewer steps.
     */
    private boolean holdsAny(int[] found) {
      if (found.length <= literals.length * log2(found.length)) {
        for (int id : found) {
          if (mine(id)) {
            return true;
          }
        }
        return false;
      }
      for (int id : literals) {
        if (Arrays.binarySearch(found, id) >= 0) {
          return true;
        }
      }
      return false;
    }

    /** The steps of a binary search over n: the bit length of n, at least 1. */
    private static int log2(int n) {
      return Math.max(1, 32 - Integer.numberOfLeadingZeros(n));
    }

    private boolean mine(int id) {
      int w = id >>> 6;
      return w < bits.length && (bits[w] & (1L << id)) != 0;
    }
  }

  /** Above this many states the transitions do not fit a {@code char} table and stay ints. */
  static final int MAX_NARROW_STATES = 1 << 15;

  // Per pattern or phrase set (by identity), its formula.
  private final Map<Object, Formula> formulas = new IdentityHashMap<>();
  private final char[] classes = new char[256];
  private final int width;
  // Rows of the narrow table are 2^shift chars apart (width rounded up): a shift, not a multiply.
  private final int shift;
  // The transitions, one of the two set: per state and class the next state shifted left, with bit
  // 0 set when it ends literals (narrow, half the bytes of the wide form and so fewer cache
  // misses);
  // or, for more states than a char holds, the next state's row offset, shifted and flagged alike.
  private final char[] narrow;
  private final int[] wide;
  // The literals each state ends (its own and its failure chain's) as one chain per state: the
  // first literal by state in the tables' numbering (-1 for none), then the next by literal. A
  // literal's successor is the same whichever state's chain it is met on, so a scan that meets a
  // literal it already found has found the rest of that chain too and stops there.
  private final int[] firstLiteral;
  private final int[] nextLiteral;
  private final int literalCount;
  private final String[] literalTexts;
  private final boolean foldsAsciiCase;

  private LiteralIndex(
      List<WafPattern> patterns, List<PhraseLiterals> phraseSets, int maxNarrowStates) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    Map<Object, Cond> conds = new IdentityHashMap<>();
    for (WafPattern p : patterns) {
      Cond c = p.literalCondition();
      if (!(c instanceof Cond.True)) {
        conds.put(p, c);
        collect(c, ids);
      }
    }
    for (PhraseLiterals p : phraseSets) {
      if (p.indexed()) {
        conds.put(p, p.condition());
        collect(p.condition(), ids);
      }
    }
    for (Map.Entry<Object, Cond> e : conds.entrySet()) {
      formulas.put(e.getKey(), formula(e.getValue(), ids));
    }
    int next = 1;
    for (String lit : ids.keySet()) {
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
    this.literalCount = ids.size();
    this.literalTexts = ids.keySet().toArray(new String[0]);
    List<int[]> go = new ArrayList<>();
    List<int[]> ends = new ArrayList<>();
    go.add(row(width));
    ends.add(new int[0]);
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      int s = 0;
      for (int i = 0; i < e.getKey().length(); i++) {
        int k = classes[e.getKey().charAt(i)];
        if (go.get(s)[k] < 0) {
          go.get(s)[k] = go.size();
          go.add(row(width));
          ends.add(new int[0]);
        }
        s = go.get(s)[k];
      }
      ends.set(s, append(ends.get(s), e.getValue()));
    }
    TrieLinks links = new TrieLinks(go, width);
    int[][] out = new int[go.size()][];
    out[0] = ends.get(0);
    for (int s : links.order) {
      out[s] = concat(ends.get(s), out[links.fail[s]]);
    }
    this.shift = 32 - Integer.numberOfLeadingZeros(width - 1);
    int[] rank = links.breadthFirstRank();
    if (go.size() <= maxNarrowStates) {
      this.narrow = links.narrowDelta(t -> out[t].length != 0, shift, rank);
      this.wide = null;
    } else {
      this.narrow = null;
      this.wide = links.delta(t -> out[t].length != 0, rank);
    }
    this.firstLiteral = new int[out.length];
    this.nextLiteral = new int[literalCount];
    for (int s = 0; s < out.length; s++) {
      int[] chain = out[s];
      firstLiteral[rank[s]] = chain.length == 0 ? -1 : chain[0];
      // A state's chain is its own literals, then its failure state's chain: successors agree.
      for (int i = 0; i < chain.length; i++) {
        nextLiteral[chain[i]] = i + 1 < chain.length ? chain[i + 1] : -1;
      }
    }
    boolean folds = true;
    for (char c = 'A'; c <= 'Z'; c++) {
      folds &= classes[c] == classes[c + 32];
    }
    this.foldsAsciiCase = folds;
  }

  /**
   * The index of the literal conditions of some patterns.
   *
   * @param patterns the patterns (duplicates and patterns without a literal condition allowed)
   * @return the index
   */
  public static LiteralIndex of(List<WafPattern> patterns) {
    return new LiteralIndex(patterns, List.of(), MAX_NARROW_STATES);
  }

  /**
   * The index of the literal conditions of some patterns and of some phrase operators' phrases.
   *
   * @param patterns the patterns (duplicates and patterns without a literal condition allowed)
   * @param phraseSets the phrase sets (duplicates and sets without a condition allowed)
   * @return the index
   */
  public static LiteralIndex of(List<WafPattern> patterns, List<PhraseLiterals> phraseSets) {
    return new LiteralIndex(patterns, phraseSets, MAX_NARROW_STATES);
  }

  /**
   * As {@link #of}, with the int table above {@code maxNarrowStates} states (tests: 0 forces it).
   */
  static LiteralIndex of(List<WafPattern> patterns, int maxNarrowStates) {
    return new LiteralIndex(patterns, List.of(), maxNarrowStates);
  }

  /**
   * A pattern's condition over this index.
   *
   * @param pattern one of the patterns the index was built from
   * @return its formula; null when the pattern has no literal condition (every value may match) or
   *     was not indexed
   */
  public Formula formula(WafPattern pattern) {
    return formulas.get(pattern);
  }

  /**
   * A phrase set's condition over this index: false from {@link Formula#mayMatch} only for a value
   * holding none of the set's phrases.
   *
   * @param phrases one of the phrase sets the index was built from
   * @return its formula; null when the set has no condition or was not indexed
   */
  public Formula formula(PhraseLiterals phrases) {
    return formulas.get(phrases);
  }

  /** The automaton's states (tests and measurements). */
  int stateCount() {
    return narrow != null ? narrow.length >>> shift : wide.length / width;
  }

  /**
   * The number of distinct literals indexed.
   *
   * @return the count
   */
  public int literalCount() {
    return literalCount;
  }

  /** The text of literal {@code id} (lower case where it folds case; tests). */
  String literal(int id) {
    return literalTexts[id];
  }

  /**
   * Whether the index folds ASCII case: every letter {@code A-Z} steps the automaton as its {@code
   * a-z}, so a value and its {@code lowercase} or {@code uppercase} hold the same literals.
   *
   * @return true when no literal tells the cases of a letter apart
   */
  public boolean foldsAsciiCase() {
    return foldsAsciiCase;
  }

  /**
   * The literals a value contains, for {@link Formula#mayMatch}: one pass over the value.
   *
   * @param input a byte string (chars above 0xFF never match a literal)
   * @return the ids of the literals found, ascending without repeats; an empty array when none
   */
  public int[] scan(CharSequence input) {
    return scan(input, newScratch());
  }

  /**
   * Working memory for {@link #scan(CharSequence, LiteralScratch)}, to reuse for every value a
   * thread scans.
   *
   * @return a new scratch for this index
   */
  public LiteralScratch newScratch() {
    return new LiteralScratch(literalCount, 16);
  }

  /** As {@link #newScratch()}, with room for {@code capacity} literals before it grows (tests). */
  LiteralScratch newScratch(int capacity) {
    return new LiteralScratch(literalCount, capacity);
  }

  /**
   * As {@link #scan(CharSequence)}, collecting the literals in a caller's scratch (a transaction's,
   * reused for every value it scans) so that only the answer is allocated, and nothing when none is
   * found.
   *
   * @param input a byte string (chars above 0xFF never match a literal)
   * @param scratch a scratch of this index, confined to the caller's thread
   * @return the ids of the literals found, ascending without repeats
   */
  public int[] scan(CharSequence input, LiteralScratch scratch) {
    try {
      if (narrow != null) {
        fillNarrow(input, scratch);
      } else {
        fillWide(input, scratch);
      }
    } catch (RuntimeException | Error e) {
      scratch.abandon();
      throw e;
    }
    return scratch.finish(NONE);
  }

  private void fillNarrow(CharSequence input, LiteralScratch found) {
    char[] delta = narrow;
    int row = 0;
    int n = input.length();
    for (int i = 0; i < n; i++) {
      char c = input.charAt(i);
      int e = delta[row + (c < 256 ? classes[c] : 0)];
      int state = e >>> 1;
      row = state << shift;
      if ((e & 1) != 0) {
        found.addChain(firstLiteral[state], nextLiteral);
      }
    }
  }

  private void fillWide(CharSequence input, LiteralScratch found) {
    int[] delta = wide;
    int row = 0;
    int n = input.length();
    for (int i = 0; i < n; i++) {
      char c = input.charAt(i);
      int e = delta[row + (c < 256 ? classes[c] : 0)];
      row = e >>> 1;
      if ((e & 1) != 0) {
        found.addChain(firstLiteral[row / width], nextLiteral);
      }
    }
  }

  private static void collect(Cond c, Map<String, Integer> ids) {
    if (c instanceof Cond.Lit l) {
      ids.putIfAbsent(l.text(), ids.size());
    } else if (c instanceof Cond.And a) {
      a.parts().forEach(p -> collect(p, ids));
    } else if (c instanceof Cond.Or o) {
      o.parts().forEach(p -> collect(p, ids));
    }
  }

  private static Formula formula(Cond c, Map<String, Integer> ids) {
    if (c instanceof Cond.Lit l) {
      return new Formula(false, new int[] {ids.get(l.text())}, new Formula[0]);
    }
    List<Cond> parts = c instanceof Cond.And a ? a.parts() : ((Cond.Or) c).parts();
    List<Integer> lits = new ArrayList<>();
    List<Formula> kids = new ArrayList<>();
    for (Cond p : parts) {
      if (p instanceof Cond.Lit l) {
        lits.add(ids.get(l.text()));
      } else {
        kids.add(formula(p, ids));
      }
    }
    return new Formula(
        c instanceof Cond.And,
        lits.stream().mapToInt(Integer::intValue).toArray(),
        kids.toArray(new Formula[0]));
  }

  private static int[] row(int width) {
    int[] r = new int[width];
    Arrays.fill(r, -1);
    return r;
  }

  private static int[] append(int[] a, int v) {
    int[] r = Arrays.copyOf(a, a.length + 1);
    r[a.length] = v;
    return r;
  }

  private static int[] concat(int[] a, int[] b) {
    if (b.length == 0) {
      return a;
    }
    int[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
