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
  // A TX key with macros of one source: its keys (and targets) by source value; null for others.
  private final SetvarMemo memo;

  PreparedSetvar(SetvarAction action) {
    this.action = action;
    this.key = template(action.key());
    this.value = template(action.value());
    boolean tx = action.collection().equals("tx") && key == null;
    this.txKey = tx ? action.key().toLowerCase(java.util.Locale.ROOT) : null;
    this.txSlot = tx ? TxKeys.slot(txKey) : -1;
    this.memo = SetvarMemo.of(action, key, value);
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
    if (memo != null && applyMemo(store)) {
      return;
    }
    action.apply(store, key, value);
  }

  /** Runs the action through its memo: false when the store is not a transaction's state. */
  private boolean applyMemo(VariableStore store) {
    RequestState state =
        store instanceof EvaluatorRequestStore view
            ? view.state()
            : store instanceof RequestState s ? s : null;
    if (state == null || !(state.collection("tx").orElse(null) instanceof TxCollection tx)) {
      return false;
    }
    SetvarMemo.Entry e = memo.entry(state);
    String k = e.lowerKey();
    if (e.target() != null) {
      tx.set(TxKeys.find(k), k, e.target());
    } else {
      action.apply(state, tx, TxKeys.find(k), k, value);
    }
    return true;
  }
}
