package dev.tdeveloper.security.waf.seclang;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a logical line into a directive name and arguments. An argument is either double-quoted
 * (it ends at the first {@code "} not escaped by a backslash; a backslash and the character after
 * it are kept as written, as ModSecurity v3 keeps them) or a run of non-blank characters, in which
 * single-quoted parts may hold blanks ({@code ARGS:'a b'}). Stateless.
 */
final class DirectiveTokenizer {
  private DirectiveTokenizer() {}

  static Directive tokenize(LogicalLine logical, String file) {
    Location at = new Location(file, logical.line());
    String s = logical.text();
    int n = s.length();
    int i = skipWhitespace(s, 0);
    int nameStart = i;
    while (i < n && !isWhitespace(s.charAt(i))) {
      i++;
    }
    String name = s.substring(nameStart, i);
    List<String> args = new ArrayList<>();
    while (true) {
      i = skipWhitespace(s, i);
      if (i >= n) {
        break;
      }
      String arg;
      if (s.charAt(i) == '"') {
        int open = i;
        int close = closingQuote(s, i + 1);
        if (close < 0) {
          throw ParseErrors.at(
              at,
              s.substring(open),
              "unterminated double quote",
              "a closing \" on the same directive");
        }
        arg = s.substring(open + 1, close);
        i = close + 1;
        if (i < n && !isWhitespace(s.charAt(i))) {
          throw ParseErrors.at(
              at,
              s.substring(open),
              "text right after a closing quote",
              "blanks between arguments");
        }
      } else {
        int start = i;
        while (i < n && !isWhitespace(s.charAt(i))) {
          if (s.charAt(i) == '\'') {
            int close = s.indexOf('\'', i + 1);
            if (close < 0) {
              throw ParseErrors.at(
                  at, s.substring(start), "unterminated single quote", "a closing '");
            }
            i = close + 1;
          } else {
            i++;
          }
        }
        arg = s.substring(start, i);
      }
      args.add(arg);
    }
    return new Directive(name, args, at);
  }

  /** The index of the first {@code "} from {@code from} not escaped by a backslash, or -1. */
  private static int closingQuote(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  private static int skipWhitespace(String s, int from) {
    int i = from;
    while (i < s.length() && isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0b;
  }
}
