package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.LiteralScratch;
import dev.tdeveloper.security.waf.transform.Transformation;
import dev.tdeveloper.security.waf.transform.Transformations;
import java.util.Arrays;

/**
 * A transaction's cache of what rules work out from a raw value: its transformations, one per chain
 * prefix (a node of the {@link CompiledTransforms} trie), and the rule set's literals that the raw
 * value and each transformed value contain. One row per distinct raw value, shared by every rule
 * that transforms it.
 *
 * <p>A transformation given the raw value itself (every prefix before it left the value as it was)
 * answers as its head node ({@link CompiledTransforms.Chain#heads}), so it runs once per row
 * whichever chains reach it that way. Literals are kept per row and value instance, so a
 * transformed value is never hashed: a transformation that returned its input unchanged (the same
 * instance) shares the literals of its input, and so does one that only changes ASCII case when the
 * index folds case ({@link LiteralIndex#foldsAsciiCase}); the others are scanned once per distinct
 * instance, into one buffer of the transaction. Values longer than {@value #MAX_CACHED_VALUE} chars
 * are never cached.
 *
 * <p>Rows are found through an open-addressed table of the raw values (their {@code hashCode},
 * linear probing, at most half full) and kept, with their arrays, for the next transaction that
 * uses this cache: {@link #reset} forgets every value (nothing of one transaction is left for the
 * next to see) without giving the memory back. Confined to one transaction at a time.
 *
 * <p>A transaction of a tenant with a {@link ValueMemo} ({@link #use}) starts each new row from the
 * memo's entry for an equal text, when there is one, and {@link #reset} publishes to the memo what
 * a row learned beyond it: the memo only ever holds what this class would work out afresh.
 */
final class ValueCache {
  static final int MAX_CACHED_VALUE = 1 << 20;
  // A browser's request has 50-80 distinct values (CRS 3.3.4): room for 128 without a resize.
  private static final int TABLE = 256;
  // A cache that held more rows than this gives the extra ones up on reset.
  private static final int KEPT_ROWS = 512;
  // By raw value's hash, linear probing; null: free.
  private Row[] table = new Row[TABLE];
  // The rows in the order made ([0, used) in use, the rest kept for the next values).
  private Row[] made = new Row[TABLE / 2];
  private int used;
  private final int nodes;
  private final LiteralIndex index;
  private final boolean foldsCase;
  private final LiteralScratch scratch;
  private final boolean predicts;
  // The tenant's memo of the transaction holding this cache; null: none.
  private ValueMemo memo;

  /** The cached work of one raw value. */
  static final class Row {
    String raw;
    private int hash;
    int[] rawLiterals;
    // By node: the value after the node's chain prefix (null: not yet known). Made on the first
    // transformation: many values are only read as they are.
    private String[] values;
    // The literals of the few transformed values that differ from the raw one, by instance.
    private String[] scannedValues;
    private int[][] scanned;
    private int scans;
    // The raw value's chars (CharTriggers), worked out on the first chain asked for.
    private final long[] chars = new long[CharTriggers.WORDS];
    private boolean charsKnown;
    // The nodes with a value, in the order written.
    private int[] written = new int[8];
    private int writes;
    // Whether the row knows more than the memo entry it started from (or than nothing).
    private boolean learned;
    // Whether the row started from a memo entry (a value met before).
    private boolean seeded;

    Row(String raw) {
      this.raw = raw;
      this.hash = raw.hashCode();
    }

    /** Makes this row the empty row of another raw value, keeping its arrays. */
    private void reuse(String raw, int hash) {
      this.raw = raw;
      this.hash = hash;
    }

    /** Forgets the value and everything worked out from it. */
    private void clear() {
      raw = null;
      rawLiterals = null;
      learned = false;
      seeded = false;
      if (charsKnown) {
        Arrays.fill(chars, 0);
        charsKnown = false;
      }
      for (int i = 0; i < writes; i++) {
        values[written[i]] = null;
      }
      writes = 0;
      if (scans > 0) {
        Arrays.fill(scannedValues, 0, scans, null);
        Arrays.fill(scanned, 0, scans, null);
        scans = 0;
      }
    }

    /**
     * Whether the raw value holds none of the chars that may make the first {@code n}
     * transformations of a chain change it: they then give the raw value back.
     */
    boolean keeps(CompiledTransforms.Chain chain, int n) {
      return misses(chain.triggers(), n);
    }

    /**
     * Whether the raw value holds none of the chars that may make the first {@code n}
     * transformations of a chain change it other than in the case of ASCII letters.
     */
    boolean keepsUpToCase(CompiledTransforms.Chain chain, int n) {
      return misses(chain.caseTriggers(), n);
    }

    /** ORs the raw value's chars ({@link CharTriggers}) into {@code into}, from {@code at} on. */
    void addChars(long[] into, int at) {
      knowChars();
      for (int w = 0; w < CharTriggers.WORDS; w++) {
        into[at + w] |= chars[w];
      }
    }

    private void knowChars() {
      if (!charsKnown) {
        CharTriggers.addChars(raw, chars);
        charsKnown = true;
        learned = true;
      }
    }

    /** Whether the raw value holds none of the trigger chars of a chain's transformation i. */
    boolean missesStep(CompiledTransforms.Chain chain, int i) {
      return misses(chain.stepTriggers(), i + 1);
    }

    private boolean misses(long[] t, int n) {
      knowChars();
      int at = CharTriggers.WORDS * (n - 1);
      return ((chars[0] & t[at])
              | (chars[1] & t[at + 1])
              | (chars[2] & t[at + 2])
              | (chars[3] & t[at + 3])
              | (chars[4] & t[at + 4]))
          == 0;
    }

    /** The value after the chain prefix of a node; null when not computed. */
    String value(int node) {
      return values == null ? null : values[node];
    }

    /** The literals scanned in a transformed value; null when not scanned. */
    int[] scanned(String value) {
      for (int i = 0; i < scans; i++) {
        if (scannedValues[i] == value) {
          return scanned[i];
        }
      }
      return null;
    }

    void scanned(String value, int[] found) {
      if (scannedValues == null) {
        scannedValues = new String[4];
        scanned = new int[4][];
      } else if (scans == scannedValues.length) {
        scannedValues = Arrays.copyOf(scannedValues, scans * 2);
        scanned = Arrays.copyOf(scanned, scans * 2);
      }
      scannedValues[scans] = value;
      scanned[scans++] = found;
      learned = true;
    }

    /** Keeps the value after a node's chain prefix (the node has none yet). */
    private void put(int node, String value) {
      if (writes == written.length) {
        written = Arrays.copyOf(written, 2 * writes);
      }
      written[writes++] = node;
      values[node] = value;
      learned = true;
    }

    /**
     * Starts this empty row from what an earlier transaction published for an equal raw value: the
     * entry's raw instance stands for this row's wherever it appears.
     */
    private void seed(ValueMemo.Entry e, int nodes) {
      rawLiterals = e.rawLiterals;
      if (e.chars != null) {
        System.arraycopy(e.chars, 0, chars, 0, CharTriggers.WORDS);
        charsKnown = true;
      }
      int[] at = e.nodes;
      if (at.length > 0) {
        if (values == null) {
          values = new String[nodes];
        }
        for (int i = 0; i < at.length; i++) {
          String v = e.values[i];
          put(at[i], v == e.raw ? raw : v);
        }
      }
      for (int i = 0; i < e.scannedValues.length; i++) {
        scanned(e.scannedValues[i], e.scanned[i]);
      }
      learned = false;
      seeded = true;
    }

    /**
     * What this row knows, for the memo: transformed values kept while their chars stay within
     * {@code budget}, else only those that equal the raw value (and no scanned literals).
     */
    private ValueMemo.Entry entry(int budget) {
      if (!seeded) {
        // First met: only the text and its literals (no copy), so that a flood of values met once
        // costs a small object each; a value met again gets the whole entry.
        return new ValueMemo.Entry(
            raw, null, rawLiterals, NO_NODES, NO_VALUES, NO_VALUES, NO_LITERALS);
      }
      int kept = 0;
      for (int i = 0; i < writes; i++) {
        String v = values[written[i]];
        if (v != raw) {
          kept += v.length();
        }
      }
      boolean all = kept <= budget;
      int n = 0;
      for (int i = 0; i < writes; i++) {
        n += all || values[written[i]] == raw ? 1 : 0;
      }
      int[] nodes = new int[n];
      String[] vs = new String[n];
      n = 0;
      for (int i = 0; i < writes; i++) {
        String v = values[written[i]];
        if (all || v == raw) {
          nodes[n] = written[i];
          vs[n++] = v;
        }
      }
      int s = all ? scans : 0;
      return new ValueMemo.Entry(
          raw,
          charsKnown ? chars.clone() : null,
          rawLiterals,
          nodes,
          vs,
          s == 0 ? NO_VALUES : Arrays.copyOf(scannedValues, s),
          s == 0 ? NO_LITERALS : Arrays.copyOf(scanned, s));
    }
  }

  private static final int[] NO_NODES = new int[0];
  private static final String[] NO_VALUES = new String[0];
  private static final int[][] NO_LITERALS = new int[0][];

  ValueCache(int nodes, LiteralIndex index) {
    this(nodes, index, true);
  }

  /**
   * An empty cache.
   *
   * @param predicts whether a chain with no trigger in a raw value answers the raw value at once
   *     (else the transformations run, as on the plain path)
   */
  ValueCache(int nodes, LiteralIndex index, boolean predicts) {
    this.predicts = predicts;
    this.nodes = nodes;
    this.index = index;
    this.foldsCase = index.foldsAsciiCase();
    this.scratch = index.newScratch();
  }

  /**
   * The row of a raw value, made on first use.
   *
   * @return the row; null for a value too long to cache
   */
  Row row(String raw) {
    if (raw.length() > MAX_CACHED_VALUE) {
      return null;
    }
    int hash = raw.hashCode();
    Row[] t = table;
    int mask = t.length - 1;
    int i = spread(hash) & mask;
    for (Row r; (r = t[i]) != null; i = (i + 1) & mask) {
      if (r.raw == raw || (r.hash == hash && r.raw.equals(raw))) {
        return r;
      }
    }
    Row row;
    if (used < made.length && made[used] != null) {
      row = made[used];
      row.reuse(raw, hash);
    } else {
      if (used == made.length) {
        made = Arrays.copyOf(made, 2 * used);
      }
      row = new Row(raw);
      made[used] = row;
    }
    used++;
    ValueMemo m = memo;
    if (m != null && raw.length() <= m.longest()) {
      ValueMemo.Entry e = m.get(raw, hash);
      if (e != null) {
        row.seed(e, nodes);
      }
    }
    t[i] = row;
    if (2 * used > t.length) {
      rehash(2 * t.length);
    }
    return row;
  }

  /** A cached transformation result, without making a row; null when not computed. */
  String cached(int node, String raw) {
    int hash = raw.hashCode();
    Row[] t = table;
    int mask = t.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      Row r = t[i];
      if (r == null) {
        return null;
      }
      if (r.raw == raw || (r.hash == hash && r.raw.equals(raw))) {
        return r.value(node);
      }
    }
  }

  /**
   * Starts from, and publishes to, a tenant's memo until the next {@link #reset}.
   *
   * @param tenant the memo of the holding transaction's tenant
   */
  void use(ValueMemo tenant) {
    memo = tenant;
  }

  /**
   * Publishes what the transaction learned to its tenant's memo (if any), then forgets every raw
   * value and what was worked out from it, and the memo, keeping the rows and their arrays (up to
   * {@value #KEPT_ROWS} rows) for the values of the next transaction.
   */
  void reset() {
    ValueMemo m = memo;
    memo = null;
    for (int i = 0; i < used; i++) {
      Row row = made[i];
      if (m != null && row.learned && row.raw.length() <= m.longest()) {
        m.put(row.entry(2 * m.longest()));
      }
      row.clear();
    }
    if (table.length > 2 * KEPT_ROWS) {
      table = new Row[TABLE];
    } else {
      Arrays.fill(table, null);
    }
    if (made.length > KEPT_ROWS) {
      made = Arrays.copyOf(made, KEPT_ROWS);
    }
    used = 0;
  }

  /** Whether a value and its ASCII case changes hold the same literals. */
  boolean foldsCase() {
    return foldsCase;
  }

  /** The number of raw values with a row (tests). */
  int size() {
    return used;
  }

  private void rehash(int size) {
    Row[] t = new Row[size];
    int mask = size - 1;
    for (int r = 0; r < used; r++) {
      Row row = made[r];
      int i = spread(row.hash) & mask;
      while (t[i] != null) {
        i = (i + 1) & mask;
      }
      t[i] = row;
    }
    table = t;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  /**
   * The first {@code n} transformations of a chain applied to a raw value, through its row: the raw
   * value itself when it holds none of their trigger chars ({@link CharTriggers}).
   *
   * @param row the raw value's row; null when not cached
   * @param raw the raw value
   */
  String transform(Row row, CompiledTransforms.Chain chain, String raw, int n) {
    if (n == 0) {
      return raw;
    }
    Transformation[] functions = chain.functions();
    if (row == null) {
      String cur = raw;
      for (int i = 0; i < n; i++) {
        cur = functions[i].apply(cur);
      }
      return cur;
    }
    if (predicts && row.keeps(chain, n)) {
      return raw;
    }
    int[] nodes = chain.nodes();
    String hit = row.value(nodes[n - 1]);
    if (hit != null) {
      return hit;
    }
    String cur = raw;
    int start;
    for (start = n - 2; start >= 0; start--) {
      String c = row.value(nodes[start]);
      if (c != null) {
        cur = c;
        break;
      }
    }
    if (row.values == null) {
      row.values = new String[this.nodes];
    }
    String[] values = row.values;
    int[] heads = chain.heads();
    for (int i = start + 1; i < n; i++) {
      if (cur == raw) {
        String head = values[heads[i]];
        if (head == null) {
          // A step whose own triggers the raw value misses gives it back (the prefix's did not).
          head = predicts && row.missesStep(chain, i) ? raw : functions[i].apply(raw);
          row.put(heads[i], head);
        }
        cur = head;
      } else {
        cur = functions[i].apply(cur);
      }
      if (values[nodes[i]] == null) {
        row.put(nodes[i], cur);
      }
    }
    return cur;
  }

  /**
   * The rule set's literals in a raw value after the first {@code n} transformations of a chain:
   * exactly {@code index.scan(value)}, scanned at most once per row and value instance.
   *
   * @param row the raw value's row; null when not cached
   * @param value the transformed value, as {@link #transform} gave it
   */
  int[] literals(Row row, CompiledTransforms.Chain chain, int n, String value) {
    if (row == null) {
      return index.scan(value, scratch);
    }
    if (n == 0 || value == row.raw) {
      int[] found = row.rawLiterals;
      if (found == null) {
        found = index.scan(row.raw, scratch);
        row.rawLiterals = found;
        row.learned = true;
      }
      return found;
    }
    String before = n == 1 ? row.raw : row.value(chain.nodes()[n - 2]);
    if (value == before) {
      return literals(row, chain, n - 1, before);
    }
    if (row.value(chain.nodes()[n - 1]) != value) {
      return index.scan(value, scratch);
    }
    if (foldsCase && Transformations.changesOnlyAsciiCase(chain.functions()[n - 1])) {
      return literals(row, chain, n - 1, before);
    }
    int[] found = row.scanned(value);
    if (found == null) {
      found = index.scan(value, scratch);
      row.scanned(value, found);
    }
    return found;
  }
}
