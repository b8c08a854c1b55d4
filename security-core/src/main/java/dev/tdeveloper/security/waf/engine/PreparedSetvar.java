package dev.tdeveloper.security.waf.engine;

/**
 * A {@code setvar} with its key and value templates parsed at load time, so that running it does
 * not look them up in {@link MacroTemplate}'s shared cache (a hash and the cache's bookkeeping per
 * setvar of every matching rule), and a {@code TX} key without macros numbered by {@link TxKeys},
 * so that running it does not hash the key either. Immutable.
 */
final class PreparedSetvar {
  private final SetvarAction action;
  private final MacroTemplate key;
  private final MacroTemplate value;
  // A TX key without macros: lower case, and its TxKeys number (-1 for any other key).
  private final String txKey;
  private final int txSlot;

  PreparedSetvar(SetvarAction action) {
    this.action = action;
    this.key = template(action.key());
    this.value = template(action.value());
    boolean tx = action.collection().equals("tx") && key == null;
    this.txKey = tx ? action.key().toLowerCase(java.util.Locale.ROOT) : null;
    this.txSlot = tx ? TxKeys.slot(txKey) : -1;
  }

  private static MacroTemplate template(String text) {
    return MacroTemplate.prepared(text);
  }

  /** Runs the action, as {@link SetvarAction#apply(VariableStore)} does. */
  void apply(VariableStore store) {
    if (txSlot >= 0 && store.collection("tx").orElse(null) instanceof TxCollection tx) {
      action.apply(store, tx, txSlot, txKey, value);
      return;
    }
    action.apply(store, key, value);
  }
}
