package dev.tdeveloper.compliance.audit;

/**
 * The syntax checks of {@link AuditEvent}'s fields, written out by hand: every event is checked
 * when built (and again when pseudonymized), so these run on every audited request. Each method
 * accepts exactly the strings its regular expression (in the method's comment) matches in full;
 * {@code EventSyntaxPropertyTest} holds them to it. Stateless and thread-safe.
 */
final class EventSyntax {
  private EventSyntax() {}

  /** {@code [a-z][a-z0-9]*(?:[._-][a-z0-9]+)*}. */
  static boolean isAction(String s) {
    int n = s.length();
    if (n == 0 || !lower(s.charAt(0))) {
      return false;
    }
    boolean afterSeparator = false;
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (lower(c) || digit(c)) {
        afterSeparator = false;
      } else if ((c == '.' || c == '_' || c == '-') && !afterSeparator) {
        afterSeparator = true;
      } else {
        return false;
      }
    }
    return !afterSeparator;
  }

  /** {@code [A-Za-z][A-Za-z0-9._-]*}. */
  static boolean isDetailKey(String s) {
    int n = s.length();
    if (n == 0 || !letter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      if (!token(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [0-9A-Fa-f:.]+(?:%[A-Za-z0-9._-]+)?}. */
  static boolean isIpLiteral(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && ipChar(s.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (s.charAt(i) != '%' || i + 1 == n) {
      return false;
    }
    for (int j = i + 1; j < n; j++) {
      if (!token(s.charAt(j))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9._:+/=~%-]+}. */
  static boolean isIpOrPseudonym(String s) {
    int n = s.length();
    if (n == 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!token(c) && c != ':' && c != '+' && c != '/' && c != '=' && c != '~' && c != '%') {
        return false;
      }
    }
    return true;
  }

  private static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean letter(char c) {
    return lower(c) || (c >= 'A' && c <= 'Z');
  }

  /** {@code [A-Za-z0-9._-]}. */
  private static boolean token(char c) {
    return letter(c) || digit(c) || c == '.' || c == '_' || c == '-';
  }

  /** {@code [0-9A-Fa-f:.]}. */
  private static boolean ipChar(char c) {
    return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
  }
}
