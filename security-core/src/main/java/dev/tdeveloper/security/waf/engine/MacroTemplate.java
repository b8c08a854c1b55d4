package dev.tdeveloper.security.waf.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Text with ModSecurity macros, parsed once: {@code %{tx.anomaly_score}}, {@code %{TX.0}}, {@code
 * %{REQUEST_HEADERS.host}}, {@code %{MATCHED_VAR}}, {@code %{rule.id}}. Inside the braces a
 * variable name, optionally followed by {@code .} (or {@code :}) and a key; the name is matched
 * case-insensitively. A macro expands to the first value its variable selects, or to the empty
 * string when it selects none (as libmodsecurity3's {@code RunTimeString}); a {@code %{} without
 * its closing brace is literal text. Immutable and thread-safe.
 */
public final class MacroTemplate {
  private static final Cache<String, MacroTemplate> CACHE =
      Caffeine.newBuilder().maximumSize(16_384).executor(Runnable::run).build();

  private final String text;
  // Parallel arrays: literal[i] != null for text, else variable[i] (+ key[i], possibly "").
  private final String[] literal;
  private final String[] variable;
  private final String[] key;
  // The TxKeys number of each TX macro's key; -1 for the other parts.
  private final int[] txSlot;
  // The index of the first macro; -1 when there is none.
  private final int firstMacro;

  private MacroTemplate(String text, List<String[]> parts) {
    this.text = text;
    int n = parts.size();
    literal = new String[n];
    variable = new String[n];
    key = new String[n];
    txSlot = new int[n];
    int firstAt = -1;
    for (int i = 0; i < n; i++) {
      String[] p = parts.get(i);
      literal[i] = p[0];
      variable[i] = p[1];
      key[i] = p[2];
      txSlot[i] = "TX".equals(p[1]) && !p[2].isEmpty() ? TxKeys.slot(p[2]) : -1;
      if (firstAt < 0 && p[0] == null) {
        firstAt = i;
      }
    }
    firstMacro = firstAt;
  }

  /**
   * Parses a text.
   *
   * @param text text that may hold macros
   * @return the template
   * @throws NullPointerException when {@code text} is null
   */
  public static MacroTemplate parse(String text) {
    List<String[]> parts = new ArrayList<>();
    int start = 0;
    int open = text.indexOf("%{");
    while (open >= 0) {
      int close = text.indexOf('}', open + 2);
      if (close < 0) {
        break;
      }
      if (open > start) {
        parts.add(new String[] {text.substring(start, open), null, null});
      }
      String inner = text.substring(open + 2, close);
      int sep = separator(inner);
      String name = (sep < 0 ? inner : inner.substring(0, sep)).trim().toUpperCase(Locale.ROOT);
      parts.add(new String[] {null, name, sep < 0 ? "" : inner.substring(sep + 1)});
      start = close + 1;
      open = text.indexOf("%{", start);
    }
    if (start < text.length()) {
      parts.add(new String[] {text.substring(start), null, null});
    }
    return new MacroTemplate(text, parts);
  }

  /**
   * Passes each macro's variable (upper case) and key (as written, {@code ""} when none) to a
   * consumer, in order; literal text is left out.
   *
   * @param consumer receives variable and key
   */
  void forEachMacro(java.util.function.BiConsumer<String, String> consumer) {
    for (int i = 0; i < literal.length; i++) {
      if (literal[i] == null) {
        consumer.accept(variable[i], key[i]);
      }
    }
  }

  /**
   * The template of a text from a shared bounded cache: rule texts are few and expanded per match,
   * so each is parsed once.
   *
   * @param text text that may hold macros
   * @return the template
   */
  public static MacroTemplate of(String text) {
    return CACHE.get(Objects.requireNonNull(text, "text"), MacroTemplate::parse);
  }

  /**
   * The template of a rule text, looked up at load time so that expanding it at run time needs no
   * cache lookup.
   *
   * @param text text that may hold macros
   * @return its template; null when the text holds no macro (it expands to itself)
   */
  static MacroTemplate prepared(String text) {
    return text.indexOf("%{") < 0 ? null : of(text);
  }

  /**
   * Expands a text with its {@link #prepared} template: what {@code store.expand(text)} gives.
   *
   * @param store the variables
   * @param text the text
   * @param template its prepared template; null when it holds no macro
   * @return the expanded text
   */
  static String expand(VariableStore store, String text, MacroTemplate template) {
    return template == null ? text : store.expand(template);
  }

  /**
   * Whether the text holds a macro.
   *
   * @return true when expansion may change it
   */
  public boolean hasMacros() {
    for (String l : literal) {
      if (l == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text the template was parsed from.
   *
   * @return the text as written
   */
  public String text() {
    return text;
  }

  /**
   * Expands the macros against a transaction.
   *
   * @param store the transaction's variables
   * @return the expanded text; the text itself when it has no macros
   */
  public String expand(VariableStore store) {
    if (literal.length == 1 && literal[0] != null) {
      return literal[0];
    }
    if (literal.length == 0) {
      return "";
    }
    // Two parts (+%{tx.critical_anomaly_score}): one string. More (/%{tx.0}/, a logdata's
    // "Matched Data: %{TX.0} found within %{MATCHED_VAR_NAME}: ..."): a builder of the exact size,
    // which never grows (no indy concatenation: its chain showed as the method's own time).
    if (literal.length == 1) {
      return part(store, 0);
    }
    if (literal.length == 2) {
      return part(store, 0).concat(part(store, 1));
    }
    String[] values = new String[literal.length];
    int length = 0;
    for (int i = 0; i < literal.length; i++) {
      values[i] = part(store, i);
      length += values[i].length();
    }
    return join(values, length);
  }

  private static String join(String[] values, int length) {
    StringBuilder b = new StringBuilder(length);
    for (String v : values) {
      b.append(v);
    }
    return b.toString();
  }

  /**
   * Whether every macro of the template names the same variable and key (and there is one): its
   * expansion is then a function of that macro's value alone ({@link #expandWith}).
   *
   * @return true when the template has one source
   */
  boolean hasOneSource() {
    if (firstMacro < 0) {
      return false;
    }
    for (int i = firstMacro + 1; i < literal.length; i++) {
      if (literal[i] == null
          && (!variable[i].equals(variable[firstMacro]) || !key[i].equals(key[firstMacro]))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether another one-source template reads the same source as this one.
   *
   * @param other a template for which {@link #hasOneSource} holds
   * @return true when both read the same variable and key
   */
  boolean sameSource(MacroTemplate other) {
    int a = firstMacro();
    int b = other.firstMacro();
    return variable[a].equals(other.variable[b]) && key[a].equals(other.key[b]);
  }

  private int firstMacro() {
    if (firstMacro < 0) {
      throw new IllegalStateException(text + ": no macro");
    }
    return firstMacro;
  }

  /**
   * The value of a one-source template's source: what each of its macros expands to.
   *
   * @param store the variables
   * @return the value; empty when the variable selects none
   */
  String source(VariableStore store) {
    return part(store, firstMacro());
  }

  /**
   * The expansion of a one-source template when its source has a value: {@code expand(store)} when
   * {@code source(store)} is {@code value}.
   *
   * @param value the source's value
   * @return the expanded text
   */
  String expandWith(String value) {
    String[] values = new String[literal.length];
    int length = 0;
    for (int i = 0; i < literal.length; i++) {
      values[i] = literal[i] != null ? literal[i] : value;
      length += values[i].length();
    }
    return join(values, length);
  }

  /** Part {@code i}: its literal text, or its macro's value. */
  private String part(VariableStore store, int i) {
    if (literal[i] != null) {
      return literal[i];
    }
    if (store instanceof RequestState state) {
      return txSlot[i] >= 0
          ? state.txValue(txSlot[i], key[i])
          : state.firstValue(variable[i], key[i]);
    }
    return firstOf(store, variable[i], key[i]);
  }

  /** The first value of a variable of any store. */
  private static String firstOf(VariableStore store, String variable, String key) {
    List<Target> out = new ArrayList<>(2);
    store.collect(
        variable, key.isEmpty() ? Optional.empty() : Optional.of(key), Optional.empty(), out);
    return out.isEmpty() ? "" : out.get(0).value();
  }

  private static int separator(String inner) {
    int dot = inner.indexOf('.');
    int colon = inner.indexOf(':');
    if (dot < 0) {
      return colon;
    }
    return colon < 0 ? dot : Math.min(dot, colon);
  }

  /** The text as written. */
  @Override
  public String toString() {
    return text;
  }
}
