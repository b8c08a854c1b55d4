package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.seclang.Location;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code setvar} as compiled: {@code tx.a=1}, {@code tx.a=+%{tx.b}}, {@code tx.a=-1}, {@code
 * !tx.a}, {@code tx.a} (sets 1). The key and value may hold macros, expanded when the action runs.
 * Arithmetic follows ModSecurity v3: each side's leading integer, anything else counting 0.
 * Immutable.
 *
 * @param collection the collection name, lower case ({@code tx}, {@code ip})
 * @param key the key template
 * @param operation what to do
 * @param value the value template ({@code ""} for unset and set-to-one)
 */
public record SetvarAction(String collection, String key, Operation operation, String value) {

  /** The forms of {@code setvar}. */
  public enum Operation {
    /** {@code c.k=v}. */
    SET,
    /** {@code c.k=+v}. */
    ADD,
    /** {@code c.k=-v}. */
    SUBTRACT,
    /** {@code c.k}: sets 1. */
    SET_ONE,
    /** {@code !c.k}. */
    UNSET
  }

  /** Validates. */
  public SetvarAction {
    java.util.Objects.requireNonNull(collection, "collection");
    java.util.Objects.requireNonNull(key, "key");
    java.util.Objects.requireNonNull(operation, "operation");
    java.util.Objects.requireNonNull(value, "value");
  }

  /**
   * Parses a {@code setvar} value.
   *
   * @param spec the action's value
   * @param location the rule, for errors
   * @return the action
   * @throws WafException when it has no {@code collection.key}
   */
  public static SetvarAction parse(String spec, Location location) {
    boolean unset = spec.startsWith("!");
    String s = unset ? spec.substring(1) : spec;
    int eq = s.indexOf('=');
    String target = eq < 0 ? s : s.substring(0, eq);
    int dot = target.indexOf('.');
    if (dot <= 0 || dot == target.length() - 1) {
      throw new WafException(
          location + ": setvar:" + spec + ": no collection.key; allowed: tx.name=value");
    }
    String coll = target.substring(0, dot).trim().toLowerCase(Locale.ROOT);
    String key = target.substring(dot + 1).trim();
    if (unset) {
      return new SetvarAction(coll, key, Operation.UNSET, "");
    }
    if (eq < 0) {
      return new SetvarAction(coll, key, Operation.SET_ONE, "");
    }
    String v = s.substring(eq + 1);
    if (v.startsWith("+")) {
      return new SetvarAction(coll, key, Operation.ADD, v.substring(1));
    }
    if (v.startsWith("-")) {
      return new SetvarAction(coll, key, Operation.SUBTRACT, v.substring(1));
    }
    return new SetvarAction(coll, key, Operation.SET, v);
  }

  /**
   * Runs the action; a collection not opened ({@code ip} before {@code initcol}) is left alone, as
   * ModSecurity does.
   *
   * @param store the transaction's variables
   */
  public void apply(VariableStore store) {
    apply(store, null, null);
  }

  /**
   * Runs the action with its key and value parsed ahead of time (each null when it holds no macro
   * or was not parsed): the same effect as {@link #apply(VariableStore)}.
   */
  void apply(VariableStore store, MacroTemplate keyTemplate, MacroTemplate valueTemplate) {
    Optional<MutableCollection> c = store.collection(collection);
    if (c.isEmpty()) {
      return;
    }
    MutableCollection col = c.get();
    String k = expand(store, key, keyTemplate);
    switch (operation) {
      case UNSET -> col.remove(k);
      case SET_ONE -> col.set(k, "1");
      case SET -> col.set(k, expand(store, value, valueTemplate));
      case ADD, SUBTRACT -> {
        long delta = leadingInteger(expand(store, value, valueTemplate));
        col.add(k, operation == Operation.ADD ? delta : -delta);
      }
    }
  }

  /**
   * Runs a set, set-to-one, add or subtract on a {@code TX} key whose number is known: the same
   * effect as {@link #apply(VariableStore, MacroTemplate, MacroTemplate)}.
   */
  void apply(
      VariableStore store,
      TxCollection tx,
      int slot,
      String lowerKey,
      MacroTemplate valueTemplate) {
    switch (operation) {
      case SET_ONE -> tx.set(slot, lowerKey, "1");
      case SET -> tx.set(slot, lowerKey, expand(store, value, valueTemplate));
      case ADD, SUBTRACT -> {
        long delta = leadingInteger(expand(store, value, valueTemplate));
        tx.add(slot, lowerKey, operation == Operation.ADD ? delta : -delta);
      }
      case UNSET -> tx.remove(lowerKey);
    }
  }

  private static String expand(VariableStore store, String text, MacroTemplate template) {
    return template == null ? store.expand(text) : store.expand(template);
  }

  /**
   * ModSecurity's integer reading of a value: optional spaces, sign and digits at the start; 0 when
   * there are none; saturating instead of overflowing.
   *
   * @param s a value
   * @return its leading integer
   */
  public static long leadingInteger(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long v = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      v = v * 10 + (s.charAt(i) - '0');
      if (v > Integer.MAX_VALUE) {
        v = Integer.MAX_VALUE;
      }
      i++;
    }
    return negative ? -v : v;
  }
}
