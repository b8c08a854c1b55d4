package dev.tdeveloper.security.waf.seclang;

import java.util.Set;

/**
 * Parses a rule's operator argument as ModSecurity v3 does: {@code [!]@name[ param]}; text without
 * a leading {@code @} (after an optional {@code !}) is {@code @rx} of that text. The name is
 * case-insensitive and resolved through {@link SecLangNames#OPERATOR_ALIASES}; the parameter is
 * everything after the one blank that follows the name, kept as written. Operators that take no
 * parameter refuse one; those that need one refuse an empty one. Stateless.
 */
final class OperatorParser {
  static final Names OPERATORS = new Names(SecLangNames.OPERATORS, SecLangNames.OPERATOR_ALIASES);

  /** Operators that take no parameter (v3's lexer refuses text after them). */
  static final Set<String> NO_PARAM =
      Set.of(
          "detectSQLi",
          "detectXSS",
          "unconditionalMatch",
          "noMatch",
          "validateUrlEncoding",
          "validateUtf8Encoding",
          "geoLookup");

  /** Operators whose parameter may not be empty. */
  static final Set<String> NEED_PARAM =
      Set.of("rx", "pm", "pmFromFile", "ipMatch", "ipMatchFromFile", "validateByteRange", "rbl");

  private OperatorParser() {}

  static OperatorRef parse(String text, Location at) {
    int i = 0;
    boolean negated = false;
    if (text.startsWith("!")) {
      negated = true;
      i = 1;
    }
    if (i >= text.length() || text.charAt(i) != '@') {
      String param = text.substring(i);
      if (param.isEmpty()) {
        throw ParseErrors.at(at, "\"" + text + "\"", "empty operator", "@name param, or a regex");
      }
      return new OperatorRef("rx", param, negated);
    }
    int nameStart = i + 1;
    int j = nameStart;
    while (j < text.length() && !isBlank(text.charAt(j))) {
      j++;
    }
    String written = text.substring(nameStart, j);
    String name =
        OPERATORS
            .resolve(written)
            .orElseThrow(
                () ->
                    ParseErrors.at(
                        at,
                        "@" + written,
                        "unknown operator" + OPERATORS.didYouMean(written),
                        OPERATORS.allowed()));
    String param = j < text.length() ? text.substring(j + 1) : "";
    if (NO_PARAM.contains(name) && !param.isBlank()) {
      throw ParseErrors.at(at, text, "@" + name + " takes no parameter", "@" + name + " alone");
    }
    if (NO_PARAM.contains(name)) {
      param = "";
    }
    if (NEED_PARAM.contains(name) && param.isEmpty()) {
      throw ParseErrors.at(at, text, "@" + name + " needs a parameter", "@" + name + " PARAM");
    }
    return new OperatorRef(name, param, negated);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
