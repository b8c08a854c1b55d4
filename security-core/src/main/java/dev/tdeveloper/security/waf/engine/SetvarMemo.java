package dev.tdeveloper.security.waf.engine;

import java.util.Locale;

/**
 * What a {@code TX} setvar whose key has macros that all read one source (CRS 920450's {@code
 * setvar:'tx.header_name_%{tx.0}=/%{tx.0}/'}, run for every request header) makes of each value of
 * that source: the key in lower case and, for a set whose value reads the same source or none, the
 * target it writes. Rules see the same few header names in request after request, so the key and
 * value are built, folded and named once per distinct name instead of once per header.
 *
 * <p>Kept in a bounded {@link StringMemo}. Thread-safe: entries are immutable.
 */
final class SetvarMemo {
  private final MacroTemplate key;
  // The value's template when a set's target is kept (null: a value without macros, valueText).
  private final MacroTemplate value;
  private final String valueText;
  private final boolean keepsTarget;
  private final StringMemo<Entry> entries = new StringMemo<>(this::make);

  /** A source's key, lower case, and the target a set writes (null when not kept). */
  record Entry(String lowerKey, Target target) {}

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
    return entries.get(key.source(state));
  }

  private Entry make(String source) {
    String lower = key.expandWith(source).toLowerCase(Locale.ROOT);
    if (!keepsTarget) {
      return new Entry(lower, null);
    }
    String v = value == null ? valueText : value.expandWith(source);
    return new Entry(lower, new Target("TX:" + lower, lower, v));
  }
}
