package dev.tdeveloper.security.waf.engine;

/**
 * A {@code setvar} with its key and value templates parsed at load time, so that running it does
 * not look them up in {@link MacroTemplate}'s shared cache (a hash and the cache's bookkeeping per
 * setvar of every matching rule). Immutable.
 */
final class PreparedSetvar {
  private final SetvarAction action;
  private final MacroTemplate key;
  private final MacroTemplate value;

  PreparedSetvar(SetvarAction action) {
    this.action = action;
    this.key = template(action.key());
    this.value = template(action.value());
  }

  private static MacroTemplate template(String text) {
    return text.indexOf("%{") < 0 ? null : MacroTemplate.of(text);
  }

  /** Runs the action, as {@link SetvarAction#apply(VariableStore)} does. */
  void apply(VariableStore store) {
    action.apply(store, key, value);
  }
}
