package dev.tdeveloper.security.waf.seclang;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a rule's target list, {@code A|B|!C:x|&D|E:/re/|E:'quoted'|XML:/xpath}, as ModSecurity v3
 * does: targets are separated by {@code |} (v3 also takes {@code ,}); a name is followed by {@code
 * :} or {@code .} and a selector; a selector in slashes is a regex (it ends at a slash followed by
 * a separator or the end, so {@code |} may appear inside it), one in single quotes may hold
 * separators (and is a regex when it is {@code '/.../'}); the selector of {@code XML} is an XPath,
 * never a regex. Names are case-insensitive and stored upper case. Stateless.
 */
final class VariableParser {
  static final Names TARGETS;

  static {
    Set<String> all = new HashSet<>(SecLangNames.COLLECTIONS);
    all.addAll(SecLangNames.VARIABLES);
    TARGETS = new Names(all);
  }

  private VariableParser() {}

  static List<VariableRef> parse(String text, Location at) {
    List<VariableRef> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    if (n == 0) {
      throw ParseErrors.at(at, "\"\"", "no variable", "one or more targets separated by |");
    }
    while (true) {
      int elementStart = i;
      boolean exclusion = false;
      boolean count = false;
      while (i < n && (text.charAt(i) == '!' || text.charAt(i) == '&')) {
        boolean isExclusion = text.charAt(i) == '!';
        if (isExclusion ? exclusion : count) {
          throw ParseErrors.at(at, text, "repeated " + text.charAt(i), "! and & at most once each");
        }
        exclusion |= isExclusion;
        count |= !isExclusion;
        i++;
      }
      int nameStart = i;
      while (i < n && isNameChar(text.charAt(i))) {
        i++;
      }
      String written = text.substring(nameStart, i);
      if (written.isEmpty()) {
        String token = text.substring(elementStart, Math.min(n, Math.max(i + 1, elementStart + 1)));
        throw ParseErrors.at(at, token, "expecting a variable name", "names from SecLangNames");
      }
      String name = written.toUpperCase(Locale.ROOT);
      boolean collection = SecLangNames.COLLECTIONS.contains(name);
      if (!collection && !SecLangNames.VARIABLES.contains(name)) {
        throw ParseErrors.at(
            at, written, "unknown variable" + TARGETS.didYouMean(written), TARGETS.allowed());
      }
      Optional<String> key = Optional.empty();
      boolean regex = false;
      if (i < n && (text.charAt(i) == ':' || text.charAt(i) == '.')) {
        i++;
        int keyStart = i;
        String selector;
        if (i < n && text.charAt(i) == '\'') {
          int close = text.indexOf('\'', i + 1);
          if (close < 0) {
            throw ParseErrors.at(
                at, text.substring(keyStart), "unterminated single quote", "'...'");
          }
          selector = text.substring(i + 1, close);
          i = close + 1;
          if (i < n && !isSeparator(text.charAt(i))) {
            throw ParseErrors.at(
                at, text.substring(keyStart), "text after a quoted selector", "| after the quote");
          }
        } else if (i < n && text.charAt(i) == '/' && !name.equals("XML")) {
          int close = closingSlash(text, i + 1);
          if (close < 0) {
            throw ParseErrors.at(
                at, text.substring(keyStart), "unterminated regex selector", "/regex/");
          }
          selector = text.substring(i, close + 1);
          i = close + 1;
        } else {
          while (i < n && !isSeparator(text.charAt(i))) {
            i++;
          }
          selector = text.substring(keyStart, i);
        }
        if (!name.equals("XML")
            && selector.length() >= 2
            && selector.startsWith("/")
            && selector.endsWith("/")) {
          regex = true;
          selector = selector.substring(1, selector.length() - 1);
        }
        if (selector.isEmpty()) {
          throw ParseErrors.at(
              at,
              text.substring(elementStart, i),
              "empty selector",
              "a key, /regex/ or 'quoted key'");
        }
        if (!collection) {
          throw ParseErrors.at(
              at,
              text.substring(elementStart, i),
              name + " is a single value and takes no selector",
              "selectors on collections only: "
                  + String.join(", ", sorted(SecLangNames.COLLECTIONS)));
        }
        key = Optional.of(selector);
      } else if (i < n && !isSeparator(text.charAt(i))) {
        throw ParseErrors.at(
            at,
            text.substring(elementStart),
            "unexpected character '" + text.charAt(i) + "'",
            "| between targets, : before a selector");
      }
      if (exclusion && key.isEmpty()) {
        throw ParseErrors.at(
            at,
            text.substring(elementStart, i),
            "exclusion without a selector",
            "!NAME:key or !NAME:/regex/");
      }
      out.add(new VariableRef(name, key, regex, exclusion, count));
      if (i >= n) {
        return out;
      }
      i++; // the separator
      if (i >= n) {
        throw ParseErrors.at(
            at, text, "target list ends with a separator", "a target after each |");
      }
    }
  }

  private static int closingSlash(String text, int from) {
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '/' && (j + 1 == text.length() || isSeparator(text.charAt(j + 1)))) {
        return j;
      }
    }
    return -1;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean isSeparator(char c) {
    return c == '|' || c == ',';
  }

  private static List<String> sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return list;
  }
}
