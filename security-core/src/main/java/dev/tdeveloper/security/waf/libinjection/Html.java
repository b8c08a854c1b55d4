package dev.tdeveloper.security.waf.libinjection;

/**
 * The HTML5-ish tokenizer behind {@link CrossSiteScripting}: text with tags, comments and
 * declarations, attribute lists with unquoted, single-, double- and backtick-quoted values, read
 * from one of five starting contexts. It checks each tag, attribute and value as it meets it and
 * stops at the first dangerous one. Stateless; allocates nothing.
 */
final class Html {
  /** Starting context: text. */
  static final char DATA = 0;

  /** Starting context: inside an unquoted attribute value. */
  static final char NO_QUOTE = ' ';

  private static final int XSS = -1;

  private Html() {}

  /**
   * Reads {@code s} from a context: {@link #DATA}, {@link #NO_QUOTE} or the quote character the
   * value starts inside.
   */
  static boolean scan(String s, char context) {
    int len = s.length();
    int p = 0;
    if (context != DATA) {
      int end;
      if (context == NO_QUOTE) {
        end = 0;
        while (end < len && isSpace(s.charAt(end))) {
          end++;
        }
        while (end < len && !isSpace(s.charAt(end)) && s.charAt(end) != '>') {
          end++;
        }
        p = end;
      } else {
        int q = s.indexOf(context);
        end = q < 0 ? len : q;
        p = q < 0 ? len : q + 1;
      }
      if (Urls.scriptProtocol(s, 0, end)) {
        return true;
      }
      p = attributes(s, p);
      if (p == XSS) {
        return true;
      }
    }
    return text(s, p);
  }

  private static boolean text(String s, int from) {
    int len = s.length();
    int i = from;
    int lt;
    while ((lt = s.indexOf('<', i)) >= 0 && lt + 1 < len) {
      int j = lt + 1;
      char c = s.charAt(j);
      if (isAlpha(c)) {
        int k = j;
        while (k < len && !isSpace(s.charAt(k)) && s.charAt(k) != '/' && s.charAt(k) != '>') {
          k++;
        }
        if (XssRules.dangerousTag(s, j, k)) {
          return true;
        }
        i = attributes(s, k);
        if (i == XSS) {
          return true;
        }
      } else if (c == '!' && s.startsWith("--", j + 1)) {
        int end = s.indexOf("-->", j + 3);
        if (dangerousComment(s, j + 3, end < 0 ? len : end)) {
          return true;
        }
        i = end < 0 ? len : end + 3;
      } else if (c == '!' || c == '?') {
        int end = s.indexOf('>', j);
        int stop = end < 0 ? len : end;
        if (XssRules.startsWith(s, j + 1, stop, "DOCTYPE")
            || dangerousDeclaration(s, j + 1, stop)) {
          return true;
        }
        i = end < 0 ? len : end + 1;
      } else if (c == '/') {
        int end = s.indexOf('>', j);
        i = end < 0 ? len : end + 1;
      } else {
        i = j;
      }
    }
    return false;
  }

  /** Reads an attribute list from {@code p}: the index after its {@code >}, or {@link #XSS}. */
  private static int attributes(String s, int from) {
    int len = s.length();
    int p = from;
    while (true) {
      while (p < len && (isSpace(s.charAt(p)) || s.charAt(p) == '/')) {
        p++;
      }
      if (p >= len) {
        return len;
      }
      if (s.charAt(p) == '>') {
        return p + 1;
      }
      int nameStart = p;
      p++;
      while (p < len && !isSpace(s.charAt(p)) && "/>=".indexOf(s.charAt(p)) < 0) {
        p++;
      }
      char kind = XssRules.attribute(s, nameStart, p);
      while (p < len && isSpace(s.charAt(p))) {
        p++;
      }
      if (p >= len || s.charAt(p) != '=') {
        continue;
      }
      p++;
      while (p < len && isSpace(s.charAt(p))) {
        p++;
      }
      int valueStart;
      int valueEnd;
      char q = p < len ? s.charAt(p) : 0;
      if (q == '"' || q == '\'' || q == '`') {
        int close = s.indexOf(q, p + 1);
        valueStart = p + 1;
        valueEnd = close < 0 ? len : close;
        p = close < 0 ? len : close + 1;
      } else {
        valueStart = p;
        while (p < len && !isSpace(s.charAt(p)) && s.charAt(p) != '>') {
          p++;
        }
        valueEnd = p;
      }
      if (dangerousValue(kind, s, valueStart, valueEnd)) {
        return XSS;
      }
    }
  }

  private static boolean dangerousValue(char kind, String s, int start, int end) {
    return switch (kind) {
      case XssRules.BLACK -> true;
      case XssRules.URL -> Urls.scriptProtocol(s, start, end) || Urls.dataProtocol(s, start, end);
      case XssRules.INDIRECT -> indirect(s, start, end);
      default -> false;
    };
  }

  private static boolean indirect(String s, int start, int end) {
    int a = start;
    int b = end;
    while (a < b && isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isSpace(s.charAt(b - 1))) {
      b--;
    }
    char kind = XssRules.attribute(s, a, b);
    return kind == XssRules.BLACK || kind == XssRules.URL;
  }

  private static boolean dangerousComment(String s, int start, int end) {
    if (s.indexOf('`', start) >= 0 && s.indexOf('`', start) < end) {
      return true;
    }
    return XssRules.startsWith(s, start, end, "[IF");
  }

  private static boolean dangerousDeclaration(String s, int start, int end) {
    return XssRules.startsWith(s, start, end, "XML")
        || XssRules.startsWith(s, start, end, "IMPORT")
        || XssRules.startsWith(s, start, end, "ENTITY")
        || XssRules.startsWith(s, start, end, "[IF");
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0b;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
