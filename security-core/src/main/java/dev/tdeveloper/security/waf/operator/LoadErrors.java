package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.waf.WafException;

/** Builds the load-time errors of operators: {@code file:line: @name: problem; value; allowed}. */
final class LoadErrors {
  private LoadErrors() {}

  static WafException of(
      OperatorEnv env, String operator, String problem, String value, String allowed) {
    return new WafException(
        env.location()
            + ": @"
            + operator
            + ": "
            + problem
            + "; "
            + quote(value)
            + "; allowed: "
            + allowed);
  }

  static WafException of(
      OperatorEnv env,
      String operator,
      String problem,
      String value,
      String allowed,
      Throwable cause) {
    WafException e = of(env, operator, problem, value, allowed);
    e.initCause(cause);
    return e;
  }

  /** Quotes a value for a message, escaping quotes and bytes outside printable ASCII. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    int shown = Math.min(value.length(), 200);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\x%02x", (int) c & 0xff));
      } else {
        out.append(c);
      }
    }
    if (shown < value.length()) {
      out.append("...");
    }
    return out.append('"').toString();
  }
}
