package dev.tdeveloper.security.waf.engine;

import java.util.Locale;

/**
 * What a {@code TX} setvar whose key has macros that all read one source (CRS 920450's {@code
 * setvar:'tx.header_name_%{tx.0}=/%{tx.0}/'}, run for every request header) makes of each value of
 * that source: the key in lower case and, for a set whose value reads the same source or none, the
 * target it writes. Rules see the same few header names in request after request, so the key and
 * value are built, folded and named once per distinct name instead of once per header.
 *
 * <p>A {@value #WAYS}-way set-associative table of {@value #SIZE} entries (a new entry displaces
 * the oldest of its set); sources longer than {@value #LONGEST} chars are not kept, so the table
 * holds at most a few KiB whatever requests send. Thread-safe: entries are immutable (final fields)
 * and published by plain array writes, so a reader sees a whole entry, another one or none, and
 * checks its source before using it.
 */
final class SetvarMemo {
  static final int SET_BITS = 6;
  static final int WAYS = 4;
  static final int SIZE = WAYS << SET_BITS;
  static final int LONGEST = 128;

  private final MacroTemplate key;
  // The value's template when a set's target is kept (null: a value without macros, valueText).
  private final MacroTemplate value;
  private final String valueText;
  private final boolean keepsTarget;
  private final Entry[] table = new Entry[SIZE];

  /** A source's key, lower case, and the target a set writes (null when not kept). */
  record Entry(String source, String lowerKey, Target target) {}

  private SetvarMemo(MacroTemplate key, MacroTemplate value, String valueText, boolean target) {
    this.key = key;
    this.value = value;
    this.valueText = valueText;
    this.keepsTarget = target;
  }

  /**
   * The memo of a setvar, when one applies.
   *
   * @param action the setvar
   * @param key its key template (null: no macro)
   * @param value its value template (null: no macro)
   * @return the memo; null when the action is not a {@code TX} one whose key reads one source
   */
  static SetvarMemo of(SetvarAction action, MacroTemplate key, MacroTemplate value) {
    if (!action.collection().equals("tx") || key == null || !key.hasOneSource()) {
      return null;
    }
    boolean target =
        action.operation() == SetvarAction.Operation.SET
            && (value == null || (value.hasOneSource() && value.sameSource(key)));
    return new SetvarMemo(key, value, action.value(), target);
  }

  /**
   * The entry of the key's source in a transaction.
   *
   * @param state the transaction's variables
   * @return the entry: what the key and (when kept) the set's target expand to there
   */
  Entry entry(RequestState state) {
    String source = key.source(state);
    // Fibonacci hashing: the product's top bits mix every bit of the hash.
    int at = ((source.hashCode() * 0x9E3779B9) >>> (32 - SET_BITS)) * WAYS;
    for (int w = at; w < at + WAYS; w++) {
      Entry e = table[w];
      if (e == null) {
        break;
      }
      if (e.source().equals(source)) {
        return e;
      }
    }
    Entry e = make(source);
    if (source.length() <= LONGEST) {
      // The newest first: the set's entries move down one way, the oldest drops out.
      System.arraycopy(table, at, table, at + 1, WAYS - 1);
      table[at] = e;
    }
    return e;
  }

  private Entry make(String source) {
    String lower = key.expandWith(source).toLowerCase(Locale.ROOT);
    if (!keepsTarget) {
      return new Entry(source, lower, null);
    }
    String v = value == null ? valueText : value.expandWith(source);
    return new Entry(source, lower, new Target("TX:" + lower, lower, v));
  }
}
