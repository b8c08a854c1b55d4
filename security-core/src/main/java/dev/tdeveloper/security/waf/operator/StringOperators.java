package dev.tdeveloper.security.waf.operator;

/**
 * The string comparisons: {@code @streq}, {@code @beginsWith}, {@code @endsWith}, {@code
 * @contains}, {@code @containsWord}, {@code @within}. Case-sensitive byte comparisons; the parameter
 * may hold macros. Stateless.
 *
 * <p>As ModSecurity v3: an empty parameter makes {@code @beginsWith}, {@code @endsWith}, {@code
 * @contains} and {@code @containsWord} match every input, {@code @streq} match only the empty
 * input; {@code @within} matches an empty input whatever the parameter, and otherwise looks for the
 * input as a substring of the parameter (not as a whole token: {@code GET} and {@code ET P} are both
 * within {@code "GET POST"}). {@code @containsWord} counts only ASCII letters as word characters
 * (digits, {@code _} and everything else are boundaries), as ModSecurity v3 does.
 *
 * <p>Deviation: ModSecurity v3 searches {@code @within}'s input only up to its first NUL byte (it
 * passes a C string); we search the whole input, so a NUL cannot smuggle a value past an allow
 * list such as {@code !@within %{tx.allowed_methods}}.
 */
final class StringOperators {
  private StringOperators() {}

  static Operator streq(String param) {
    MacroText p = MacroText.of(param);
    if (!p.isDynamic()) {
      return (ctx, in) -> in.equals(param);
    }
    return (ctx, in) -> in.equals(p.value(ctx));
  }

  static Operator beginsWith(String param) {
    MacroText p = MacroText.of(param);
    if (!p.isDynamic()) {
      return (ctx, in) -> in.startsWith(param);
    }
    return (ctx, in) -> in.startsWith(p.value(ctx));
  }

  static Operator endsWith(String param) {
    MacroText p = MacroText.of(param);
    if (!p.isDynamic()) {
      return (ctx, in) -> in.endsWith(param);
    }
    return (ctx, in) -> in.endsWith(p.value(ctx));
  }

  static Operator contains(String param) {
    MacroText p = MacroText.of(param);
    if (!p.isDynamic()) {
      return (ctx, in) -> in.contains(param);
    }
    return (ctx, in) -> in.contains(p.value(ctx));
  }

  static Operator containsWord(String param) {
    MacroText p = MacroText.of(param);
    if (!p.isDynamic()) {
      return (ctx, in) -> containsWord(in, param);
    }
    return (ctx, in) -> containsWord(in, p.value(ctx));
  }

  static Operator within(String param) {
    MacroText p = MacroText.of(param);
    if (!p.isDynamic()) {
      return (ctx, in) -> in.isEmpty() || param.contains(in);
    }
    return (ctx, in) -> in.isEmpty() || p.value(ctx).contains(in);
  }

  /** Whether {@code word} occurs in {@code input} with a non-letter (or an end) on both sides. */
  static boolean containsWord(String input, String word) {
    if (word.isEmpty()) {
      return true;
    }
    int n = word.length();
    for (int pos = input.indexOf(word); pos >= 0; pos = input.indexOf(word, pos + 1)) {
      int end = pos + n;
      boolean before = pos == 0 || !isLetter(input.charAt(pos - 1));
      boolean after = end == input.length() || !isLetter(input.charAt(end));
      if (before && after) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
