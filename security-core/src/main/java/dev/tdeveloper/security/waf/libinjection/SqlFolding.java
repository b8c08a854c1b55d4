package dev.tdeveloper.security.waf.libinjection;

/**
 * Folds the token stream of one quote context into at most five tokens, the fingerprint. Our rules,
 * after libinjection's: leading noise (comments, opening parentheses, unary operators, SQL types)
 * is dropped; adjacent strings merge (SQL concatenates them); repeated semicolons merge; two-word
 * phrases become one token; a bareword glued to {@code (} is a function and a function name not
 * followed by {@code (} is a bareword; a unary operator where a value is expected disappears; a SQL
 * type before a value (a cast) disappears; a comment survives only as the last token. Stateless.
 */
final class SqlFolding {
  /** The longest fingerprint. */
  static final int MAX = 5;

  private SqlFolding() {}

  /**
   * Tokenizes and folds the scanner's input.
   *
   * @return {@code count | rawTokens << 8}: the fingerprint length and how many tokens were read
   */
  static int fold(SqlScanner t) {
    int n = 0;
    int raw = 0;
    boolean exhausted = true;
    while (true) {
      if (n > MAX) {
        exhausted = false;
        break;
      }
      if (!t.next(n)) {
        break;
      }
      raw++;
      char ty = t.type[n];
      if (n == 0 && (ty == 'c' || ty == '(' || ty == 't' || isUnary(t, 0))) {
        continue;
      }
      if (n > 0 && t.type[n - 1] == 'c') {
        if (ty == 'c') {
          continue;
        }
        copy(t, n, n - 1);
        n--;
      }
      n = merge(t, n + 1);
    }
    if (n > MAX) {
      n = MAX;
    } else if (exhausted && n > 0 && t.type[n - 1] == 'f' && t.word[n - 1]) {
      t.type[n - 1] = 'n';
    }
    return n | Math.min(raw, 255) << 8;
  }

  private static int merge(SqlScanner t, int n) {
    while (n >= 2) {
      int a = n - 2;
      int b = n - 1;
      char ta = t.type[a];
      char tb = t.type[b];
      if (ta == 's' && tb == 's') {
        t.end[a] = t.end[b];
        t.close[a] = t.close[b];
        n--;
      } else if (ta == ';' && tb == ';') {
        n--;
      } else if (t.word[a] && t.word[b] && phrase(t, a, b) != 0) {
        t.type[a] = phrase(t, a, b);
        t.end[a] = t.end[b];
        n--;
      } else if (ta == 't' && "s1nv".indexOf(tb) >= 0) {
        copy(t, b, a);
        n--;
      } else if (n >= 3 && isUnary(t, a) && "1snvf(".indexOf(tb) >= 0 && expectsValue(t, a - 1)) {
        copy(t, b, a);
        n--;
      } else {
        if (tb == '(' && (ta == 't' || (ta == 'n' && t.word[a] && t.end[a] == t.start[b]))) {
          t.type[a] = 'f';
        } else if (ta == 'f' && tb != '(' && tb != 'c' && t.word[a]) {
          t.type[a] = 'n';
        }
        return n;
      }
    }
    return n;
  }

  private static char phrase(SqlScanner t, int a, int b) {
    return SqlKeywords.PHRASES.get(t.s, t.start[a], t.end[a], t.start[b], t.end[b]);
  }

  private static boolean isUnary(SqlScanner t, int i) {
    if (t.type[i] != 'o') {
      return false;
    }
    if (t.end[i] - t.start[i] != 1) {
      return t.word[i]
          && t.end[i] - t.start[i] == 3
          && WordTable.upper(t.s.charAt(t.start[i])) == 'N';
    }
    char c = t.s.charAt(t.start[i]);
    return c == '-' || c == '+' || c == '~' || c == '!';
  }

  private static boolean expectsValue(SqlScanner t, int i) {
    return "o&(,kEUB;".indexOf(t.type[i]) >= 0;
  }

  private static void copy(SqlScanner t, int from, int to) {
    t.type[to] = t.type[from];
    t.start[to] = t.start[from];
    t.end[to] = t.end[from];
    t.open[to] = t.open[from];
    t.close[to] = t.close[from];
    t.word[to] = t.word[from];
  }
}
