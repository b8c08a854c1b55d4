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
      StringBuilder arg = new StringBuilder();
      if (s.charAt(i) == '"') {
        int open = i;
        i++;
        boolean closed = false;
        while (i < n) {
          char c = s.charAt(i);
          if (c == '\\' && i + 1 < n) {
            arg.append(c).append(s.charAt(i + 1));
            i += 2;
          } else if (c == '"') {
            closed = true;
            i++;
            break;
          } else {
            arg.append(c);
            i++;
          }
        }
        if (!closed) {
          throw ParseErrors.at(
              at,
              s.substring(open),
              "unterminated double quote",
              "a closing \" on the same directive");
        }
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
        arg.append(s, start, i);
      }
      args.add(arg.toString());
    }
    return new Directive(name, args, at);
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
