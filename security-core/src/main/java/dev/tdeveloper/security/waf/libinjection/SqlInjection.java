package dev.tdeveloper.security.waf.libinjection;

import java.util.Optional;

/**
 * Detects SQL injection the way libinjection does: the input is tokenized as SQL as if it had been
 * pasted into a query in three places — as a bare value (no quote), inside a single-quoted string
 * and inside a double-quoted string — each token stream is folded into a fingerprint of at most
 * five token types (see {@link SqlFolding}), and an input is SQL injection when a fingerprint is in
 * our set ({@link SqlFingerprints}) and passes our false-positive guards:
 *
 * <ul>
 *   <li>a fingerprint of one token is never SQL injection;
 *   <li>{@code s&s} and {@code sos} (two strings around a logic or comparison operator) only when
 *       the first string was opened by the application and the last one is left open for it to
 *       close, the {@code x' OR 'x} shape; two complete quoted strings are prose;
 *   <li>a three-token fingerprint of values and operators only ({@code 1&1}, {@code 1B1}) read from
 *       exactly three tokens is prose ("2 or 3", "limit 5");
 *   <li>a string and a trailing comment ({@code sc}: {@code admin'--}) only when the string was
 *       opened by the application and the comment holds no words (libinjection's guard against
 *       short harmless comments, in our form).
 * </ul>
 *
 * <p>The bare context is read twice when the input has comments: with ANSI comments ({@code --}
 * always starts one, {@code /*!} is a comment) and as MySQL reads them ({@code --} needs a space
 * after it, {@code /*!...*}{@code /} is executed code). A fingerprint containing {@code X} (a
 * comment nested in a comment, a classic filter evasion) is always SQL injection.
 *
 * <p>Thread-safe and stateless; a call allocates only its token buffer (and the returned
 * fingerprint when it detects). Never throws for any string.
 */
public final class SqlInjection {
  // The thread's scanner, reused by every detection on it (a detection reused one scanner for its
  // quote contexts already): its six token arrays were most of what a detection allocated.
  private static final ThreadLocal<SqlScanner> SCANNER = ThreadLocal.withInitial(SqlScanner::new);

  private SqlInjection() {}

  /**
   * Detects SQL injection in a value.
   *
   * @param byteString the value, one char per byte (see {@code waf} package documentation)
   * @return the fingerprint that matched (e.g. {@code s&1o1}), empty when the value is not SQLi
   */
  public static Optional<String> detect(String byteString) {
    if (byteString.isEmpty()) {
      return Optional.empty();
    }
    SqlScanner t = SCANNER.get();
    try {
      return detect(byteString, t);
    } finally {
      t.s = ""; // keeps no request data past the call
    }
  }

  /**
   * {@link #detect(String)} with a given scanner, whatever it read before: each check resets what
   * it reads.
   *
   * @param byteString the value, not empty
   * @param t the scanner
   * @return the fingerprint that matched, empty when the value is not SQLi
   */
  static Optional<String> detect(String byteString, SqlScanner t) {
    if (check(t, byteString, (char) 0, false)) {
      return found(t);
    }
    if (t.sawComment && check(t, byteString, (char) 0, true)) {
      return found(t);
    }
    if (byteString.indexOf('\'') >= 0) {
      if (check(t, byteString, '\'', false)) {
        return found(t);
      }
      if (t.sawComment && check(t, byteString, '\'', true)) {
        return found(t);
      }
    }
    if (byteString.indexOf('"') >= 0 && check(t, byteString, '"', true)) {
      return found(t);
    }
    return Optional.empty();
  }

  /**
   * The fingerprint of a value in one context, for diagnostics and tests.
   *
   * @param byteString the value
   * @param quote {@code 0} (bare), {@code '\''} or {@code '"'}: the string the value starts in
   * @param mysql whether comments are read as MySQL reads them
   * @return the fingerprint, possibly empty
   */
  public static String fingerprint(String byteString, char quote, boolean mysql) {
    SqlScanner t = new SqlScanner();
    t.reset(byteString, quote == '\'' || quote == '"' ? quote : 0, mysql);
    int n = SqlFolding.fold(t) & 0xff;
    return new String(t.type, 0, n);
  }

  private static Optional<String> found(SqlScanner t) {
    return Optional.of(new String(t.type, 0, t.fingerprintLength));
  }

  private static boolean check(SqlScanner t, String s, char quote, boolean mysql) {
    t.reset(s, quote, mysql);
    int folded = SqlFolding.fold(t);
    int n = folded & 0xff;
    int raw = folded >>> 8;
    char[] ty = t.type;
    if (n < 2) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (ty[i] == 'X') {
        t.fingerprintLength = n;
        return true;
      }
    }
    if (!SqlFingerprints.contains(ty, n)) {
      return false;
    }
    if (ty[0] == 's' && ty[n - 1] == 'c' && onlyParens(ty, n) && !truncation(t, n)) {
      return false;
    }
    if (n == 3 && ty[0] == 's' && ty[2] == 's' && (ty[1] == '&' || ty[1] == 'o')) {
      boolean shape = t.open[0] == 0 && t.close[2] == 0 && t.close[0] == t.open[2];
      if (!shape) {
        return false;
      }
    } else if (n == 3 && raw == 3 && onlyValues(ty)) {
      return false;
    }
    t.fingerprintLength = n;
    return true;
  }

  private static boolean onlyParens(char[] ty, int n) {
    for (int i = 1; i < n - 1; i++) {
      if (ty[i] != ')') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a string closed and commented out ({@code admin'--}) is the truncation shape: the
   * string was opened by the application and the comment holds no words ({@code --}, {@code -- -},
   * {@code #}, {@code /*}); {@code "#top">} or {@code 'x' -- a remark} are not.
   */
  private static boolean truncation(SqlScanner t, int n) {
    if (t.open[0] != 0) {
      return false;
    }
    String s = t.s;
    for (int i = t.start[n - 1] + 1; i < t.end[n - 1]; i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyValues(char[] ty) {
    for (int i = 0; i < 3; i++) {
      if ("1nsv&oB".indexOf(ty[i]) < 0) {
        return false;
      }
    }
    return true;
  }
}
