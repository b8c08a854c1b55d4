package dev.tdeveloper.security.waf.engine;

/**
 * One tenant's memo of the work a {@link ValueCache} does on a raw value that is a pure function of
 * the value's text and the compiled rule set: its chars ({@link CharTriggers}), the rule set's
 * literals in it, its transformations by chain prefix and the literals of those. A transaction of
 * the tenant starts each value it has not met yet from the entry an earlier transaction of the
 * tenant published for an equal text, and publishes what it learned when it ends: header values
 * that repeat from request to request (Host, User-Agent, Accept, cookies of a session) are scanned
 * and transformed once, not once per request. An entry holds only what computing afresh would give,
 * so answers are the same with or without it.
 *
 * <p>A value met for the first time leaves an entry of its text and literals only; one met again
 * leaves all it learned. Bounded: a {@value #WAYS}-way set-associative table of a fixed number of
 * entries, values longer than {@link #longest} chars never kept, and an entry keeps transformed
 * values of at most {@code 2 * longest} chars in all (beyond that, only its chars, literals and
 * unchanged transformations). In each set, the first {@value #PROBATION} ways take new values (a
 * new one displaces the oldest of them); a value found there again moves to the other ways, where
 * only values seen twice displace each other: a flood of distinct values churns the probation ways
 * and leaves the values that repeat in place. One memo per tenant ({@code Waf} keeps them by
 * namespace), so no tenant can displace another's entries or learn by timing what another sent.
 *
 * <p>Thread-safe without locks: entries are immutable (final fields, arrays never written after
 * construction) and published by plain array writes, so a reader sees a whole entry, another one or
 * none, and checks its text before using it; racing writers may lose an entry, never corrupt one.
 */
public final class ValueMemo {
  static final int WAYS = 8;
  static final int PROBATION = 4;

  private final int longest;
  private final int setBits;
  private final Entry[] table;

  /** What an earlier transaction worked out from a raw value. Immutable. */
  static final class Entry {
    final String raw;
    final int hash;
    // The raw value's chars; null when not worked out.
    final long[] chars;
    // The rule set's literals in the raw value; null when not scanned.
    final int[] rawLiterals;
    // Trie nodes and the value after each node's chain prefix (raw itself when unchanged).
    final int[] nodes;
    final String[] values;
    // Transformed values (instances of values) and their literals.
    final String[] scannedValues;
    final int[][] scanned;

    Entry(
        String raw,
        long[] chars,
        int[] rawLiterals,
        int[] nodes,
        String[] values,
        String[] scannedValues,
        int[][] scanned) {
      this.raw = raw;
      this.hash = raw.hashCode();
      this.chars = chars;
      this.rawLiterals = rawLiterals;
      this.nodes = nodes;
      this.values = values;
      this.scannedValues = scannedValues;
      this.scanned = scanned;
    }
  }

  /**
   * An empty memo.
   *
   * @param entries the number of entries, at least {@value #WAYS} (rounded up to a power of two)
   * @param longest the longest value kept, in chars, at least 1
   * @throws IllegalArgumentException when a bound is out of range
   */
  public ValueMemo(int entries, int longest) {
    if (entries < WAYS || entries > 1 << 20) {
      throw new IllegalArgumentException(
          "entries: " + entries + "; allowed: " + WAYS + " to " + (1 << 20));
    }
    if (longest < 1 || longest > 1 << 16) {
      throw new IllegalArgumentException("longest: " + longest + "; allowed: 1 to " + (1 << 16));
    }
    int sets = Integer.highestOneBit((entries + WAYS - 1) / WAYS - 1) << 1;
    this.setBits = Integer.numberOfTrailingZeros(Math.max(sets, 1));
    this.table = new Entry[WAYS << setBits];
    this.longest = longest;
  }

  /** The longest value kept, in chars. */
  int longest() {
    return longest;
  }

  /** The number of entries the table holds at most. */
  int capacity() {
    return table.length;
  }

  /** The entries held now (tests; racy under concurrent use). */
  int size() {
    int n = 0;
    for (Entry e : table) {
      n += e == null ? 0 : 1;
    }
    return n;
  }

  private int set(int hash) {
    // Fibonacci hashing: the product's top bits mix every bit of the hash.
    return setBits == 0 ? 0 : ((hash * 0x9E3779B9) >>> (32 - setBits)) * WAYS;
  }

  /**
   * The entry of a value's text, moved out of probation when found there.
   *
   * @param raw the value
   * @param hash its {@code hashCode}
   * @return the entry; null when none is kept
   */
  Entry get(String raw, int hash) {
    Entry[] t = table;
    int at = set(hash);
    for (int w = at; w < at + WAYS; w++) {
      Entry e = t[w];
      if (e != null && e.hash == hash && e.raw.equals(raw)) {
        if (w < at + PROBATION) {
          promote(t, at, w, e);
        }
        return e;
      }
    }
    return null;
  }

  /** Moves a probation entry to the front of the kept ways; the oldest kept one drops out. */
  private static void promote(Entry[] t, int at, int w, Entry e) {
    System.arraycopy(t, w + 1, t, w, at + PROBATION - 1 - w);
    t[at + PROBATION - 1] = null;
    System.arraycopy(t, at + PROBATION, t, at + PROBATION + 1, WAYS - PROBATION - 1);
    t[at + PROBATION] = e;
  }

  /**
   * Keeps an entry: in place of the entry of an equal text, else as the newest of its set's
   * probation ways.
   */
  void put(Entry e) {
    if (e.raw.length() > longest) {
      return;
    }
    Entry[] t = table;
    int at = set(e.hash);
    for (int w = at; w < at + WAYS; w++) {
      Entry old = t[w];
      if (old != null && old.hash == e.hash && old.raw.equals(e.raw)) {
        t[w] = e;
        return;
      }
    }
    System.arraycopy(t, at, t, at + 1, PROBATION - 1);
    t[at] = e;
  }

  /** A copy of the table, way by way (tests). */
  Entry[] entries() {
    return table.clone();
  }
}
