package dev.tdeveloper.security.waf.body;

import java.util.List;

/**
 * A multipart part's {@code Content-Disposition} value, read as ModSecurity does: {@code form-data}
 * (exactly, in lower case), then {@code ; name=value} parameters where only {@code name} and {@code
 * filename} are allowed, each at most once. A value is a token or quoted with {@code "} (or {@code
 * '}, accepted but flagged as invalid quoting); inside quotes a backslash escapes only the quote
 * and itself. Confined to the part being parsed.
 */
final class ContentDisposition {
  private final List<Arg> names;
  private final List<Arg> filenames;
  private String name = "";
  private String filename = "";
  private boolean invalidQuoting;

  /**
   * A parser that records every {@code name} and {@code filename} parameter it meets.
   *
   * @param names where {@code MULTIPART_NAME} values go
   * @param filenames where {@code MULTIPART_FILENAME} values go
   */
  ContentDisposition(List<Arg> names, List<Arg> filenames) {
    this.names = names;
    this.filenames = filenames;
  }

  String name() {
    return name;
  }

  String filename() {
    return filename;
  }

  boolean invalidQuoting() {
    return invalidQuoting;
  }

  /**
   * Parses a header value.
   *
   * @param v the value (a byte string)
   * @return 1 when valid, else ModSecurity's negative error code (reported in the message)
   */
  int parse(String v) {
    if (!v.startsWith("form-data")) {
      return -1;
    }
    int n = v.length();
    int p = skipBlanks(v, 9);
    if (p == n) {
      return 1;
    }
    if (v.charAt(p) != ';') {
      return -2;
    }
    p++;
    while (p < n) {
      p = skipBlanks(v, p);
      if (p == n) {
        return -3;
      }
      int start = p;
      while (p < n && v.charAt(p) != '=' && v.charAt(p) != '\t' && v.charAt(p) != ' ') {
        p++;
      }
      if (p == n) {
        return -4;
      }
      String param = v.substring(start, p);
      p = skipBlanks(v, p);
      if (p == n) {
        return -5;
      }
      if (v.charAt(p) != '=') {
        return -13;
      }
      p = skipBlanks(v, p + 1);
      if (p == n) {
        return -6;
      }
      StringBuilder value = new StringBuilder();
      char quote = v.charAt(p);
      if (quote == '"' || quote == '\'') {
        invalidQuoting |= quote == '\'';
        p++;
        if (p == n) {
          return -7;
        }
        while (p < n && v.charAt(p) != quote) {
          char c = v.charAt(p);
          if (c == '\\') {
            if (p + 1 == n) {
              return -8;
            }
            char next = v.charAt(p + 1);
            if (next == quote || next == '\\') {
              c = next;
              p++;
            }
          }
          value.append(c);
          p++;
        }
        if (p == n) {
          return -7; // no closing quote
        }
        p++;
      } else {
        while (p < n && isTokenChar(v.charAt(p))) {
          value.append(v.charAt(p++));
        }
      }
      int rc = assign(param, value.toString());
      if (rc < 0) {
        return rc;
      }
      if (p < n) {
        p = skipBlanks(v, p);
        if (p == n) {
          return 1;
        }
        if (v.charAt(p) != ';') {
          char before = v.charAt(p - 1);
          invalidQuoting |= before == '\'' || before == '"';
          return -12;
        }
        p++;
      }
    }
    return 1;
  }

  private int assign(String param, String value) {
    boolean known = param.equals("name") || param.equals("filename");
    invalidQuoting |= known && value.indexOf('\'') >= 0;
    if (param.equals("name")) {
      names.add(new Arg(value, value));
      if (!name.isEmpty()) {
        return -14;
      }
      name = value;
      return 1;
    }
    if (param.equals("filename")) {
      filenames.add(new Arg(value, value));
      if (!filename.isEmpty()) {
        return -15;
      }
      filename = value;
      return 1;
    }
    return -11;
  }

  private static int skipBlanks(String v, int p) {
    while (p < v.length() && (v.charAt(p) == ' ' || v.charAt(p) == '\t')) {
      p++;
    }
    return p;
  }

  /** RFC 2045 token characters. */
  private static boolean isTokenChar(char c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
  }
}
