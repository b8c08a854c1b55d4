package dev.tdeveloper.security.waf.libinjection;

/**
 * The SQL tokenizer and its token buffer: one instance per thread (SqlInjection keeps it), reused
 * for every detection and quote context. Not thread-safe.
 *
 * <p>Token types (one character each, as in libinjection's fingerprints): {@code k} keyword, {@code
 * U} union, {@code B} group ({@code ORDER BY}, {@code HAVING}, {@code LIMIT}), {@code E} statement
 * start ({@code SELECT}, {@code DROP}, {@code CASE}, ...), {@code t} SQL type, {@code T} T-SQL
 * command ({@code EXEC}, {@code WAITFOR}, {@code DECLARE}), {@code f} function, {@code o} operator,
 * {@code &} logic operator, {@code 1} number, {@code s} string, {@code v} variable, {@code n}
 * bareword, {@code c} comment, {@code A} collate, {@code ( ) , ; . : { }} themselves, {@code \}
 * backslash, {@code X} evil (a nested comment), {@code ?} anything else.
 */
final class SqlScanner {
  static final int CAPACITY = 8;

  final char[] type = new char[CAPACITY];
  final int[] start = new int[CAPACITY];
  final int[] end = new int[CAPACITY];
  final char[] open = new char[CAPACITY];
  final char[] close = new char[CAPACITY];
  final boolean[] word = new boolean[CAPACITY];

  String s = "";
  private int len;
  private int pos;
  private char quote;
  private boolean mysql;
  private boolean first;
  private boolean inVersioned;

  /** The length of the fingerprint that was detected. */
  int fingerprintLength;

  /** Whether the ANSI pass met a comment, so the MySQL reading may differ. */
  boolean sawComment;

  void reset(String input, char quoteContext, boolean mysqlMode) {
    s = input;
    len = input.length();
    pos = 0;
    quote = quoteContext;
    mysql = mysqlMode;
    first = true;
    inVersioned = false;
    sawComment = false;
  }

  /** Reads the next token into {@code slot}; false at the end of the input. */
  boolean next(int slot) {
    if (first) {
      first = false;
      if (quote != 0) {
        string(slot, 0, quote, (char) 0);
        return true;
      }
    }
    while (pos < len) {
      char c = s.charAt(pos);
      if (c <= ' ' || c == 0x7f || c == 0xa0) {
        pos++;
        continue;
      }
      switch (c) {
        case '\'', '"' -> string(slot, pos + 1, c, c);
        case '`' -> delimited(slot, '`', 'n');
        case '[' -> delimited(slot, ']', 'n');
        case '(', ')', ',', ';', '{', '}' -> single(slot, c);
        case '.' -> {
          if (digitAt(pos + 1)) {
            number(slot);
          } else {
            single(slot, '.');
          }
        }
        case '/' -> {
          if (at(pos + 1) == '*') {
            if (cComment(slot)) {
              continue;
            }
          } else {
            operator(slot);
          }
        }
        case '-' -> {
          if (at(pos + 1) == '-' && (!mysql || pos + 2 >= len || at(pos + 2) <= ' ')) {
            lineComment(slot);
          } else {
            operator(slot);
          }
        }
        case '#' -> lineComment(slot);
        case '@' -> variable(slot);
        case '\\' -> {
          if (at(pos + 1) == 'N') {
            token(slot, '1', pos, pos + 2);
          } else {
            single(slot, '\\');
          }
        }
        case '*' -> {
          if (inVersioned && at(pos + 1) == '/') {
            inVersioned = false;
            pos += 2;
            continue;
          }
          operator(slot);
        }
        case '=', '<', '>', '!', '|', '&', '+', '%', '^', '~', ':' -> operator(slot);
        case '$' -> {
          if (at(pos + 1) == '$') {
            dollarString(slot);
          } else {
            word(slot);
          }
        }
        default -> {
          if (c >= '0' && c <= '9') {
            number(slot);
          } else if (isWordStart(c)) {
            prefixedOrWord(slot, c);
          } else {
            single(slot, '?');
          }
        }
      }
      return true;
    }
    return false;
  }

  private char at(int i) {
    return i < len ? s.charAt(i) : 0;
  }

  private boolean digitAt(int i) {
    char c = at(i);
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  private static boolean isWordChar(char c) {
    return isWordStart(c) || (c >= '0' && c <= '9') || c == '$' || c == '.';
  }

  private void token(int slot, char t, int from, int to) {
    type[slot] = t;
    start[slot] = from;
    end[slot] = to;
    open[slot] = 0;
    close[slot] = 0;
    word[slot] = false;
    pos = to;
  }

  private void single(int slot, char t) {
    token(slot, t, pos, pos + 1);
  }

  /** A string whose content starts at {@code from}; doubled or backslash-escaped quotes stay in. */
  private void string(int slot, int from, char delim, char opener) {
    int i = from;
    while (true) {
      int q = s.indexOf(delim, i);
      if (q < 0) {
        token(slot, 's', from, len);
        open[slot] = opener;
        return;
      }
      int backslashes = 0;
      for (int k = q - 1; k >= from && s.charAt(k) == '\\'; k--) {
        backslashes++;
      }
      if ((backslashes & 1) == 1) {
        i = q + 1;
      } else if (q + 1 < len && s.charAt(q + 1) == delim) {
        i = q + 2;
      } else {
        token(slot, 's', from, q);
        open[slot] = opener;
        close[slot] = delim;
        pos = q + 1;
        return;
      }
    }
  }

  private void dollarString(int slot) {
    int q = s.indexOf("$$", pos + 2);
    token(slot, 's', pos + 2, q < 0 ? len : q);
    open[slot] = '$';
    close[slot] = q < 0 ? 0 : '$';
    pos = q < 0 ? len : q + 2;
  }

  private void delimited(int slot, char closer, char t) {
    int q = s.indexOf(closer, pos + 1);
    token(slot, t, pos + 1, q < 0 ? len : q);
    pos = q < 0 ? len : q + 1;
  }

  /** A C comment, or (MySQL reading) the opening of an executed {@code /*!} comment. */
  private boolean cComment(int slot) {
    sawComment = true;
    if (mysql && at(pos + 2) == '!') {
      pos += 3;
      for (int d = 0; d < 5 && digitAt(pos); d++) {
        pos++;
      }
      inVersioned = true;
      return true;
    }
    int stop = s.indexOf("*/", pos + 2);
    int to = stop < 0 ? len : stop + 2;
    int nested = s.indexOf("/*", pos + 2);
    token(slot, nested >= 0 && nested < (stop < 0 ? len : stop) ? 'X' : 'c', pos, to);
    return false;
  }

  private void lineComment(int slot) {
    sawComment = true;
    int nl = s.indexOf('\n', pos);
    token(slot, 'c', pos, nl < 0 ? len : nl);
  }

  private void variable(int slot) {
    int i = pos + 1;
    if (at(i) == '@') {
      i++;
    }
    char q = at(i);
    if (q == '\'' || q == '"' || q == '`') {
      int c = s.indexOf(q, i + 1);
      token(slot, 'v', pos, c < 0 ? len : c + 1);
      return;
    }
    while (i < len && isWordChar(s.charAt(i))) {
      i++;
    }
    token(slot, 'v', pos, i);
  }

  private void number(int slot) {
    int i = pos;
    char c1 = at(i + 1);
    if (s.charAt(i) == '0' && (c1 == 'x' || c1 == 'X') && isHex(at(i + 2))) {
      i += 2;
      while (isHex(at(i))) {
        i++;
      }
    } else if (s.charAt(i) == '0' && (c1 == 'b' || c1 == 'B') && (at(i + 2) | 1) == '1') {
      i += 2;
      while ((at(i) | 1) == '1') {
        i++;
      }
    } else {
      while (digitAt(i)) {
        i++;
      }
      if (at(i) == '.') {
        i++;
        while (digitAt(i)) {
          i++;
        }
      }
      char e = at(i);
      if ((e == 'e' || e == 'E')
          && (digitAt(i + 1) || ((at(i + 1) == '+' || at(i + 1) == '-') && digitAt(i + 2)))) {
        i += 2;
        while (digitAt(i)) {
          i++;
        }
      }
    }
    token(slot, '1', pos, i);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private void operator(int slot) {
    char c = s.charAt(pos);
    char d = at(pos + 1);
    if ((c == '&' && d == '&') || (c == '|' && d == '|')) {
      token(slot, '&', pos, pos + 2);
    } else if (c == '<' && d == '=' && at(pos + 2) == '>') {
      token(slot, 'o', pos, pos + 3);
    } else if ((d == '=' && "=<>!:".indexOf(c) >= 0)
        || (c == '<' && (d == '>' || d == '<'))
        || (c == '>' && d == '>')
        || (c == '!' && (d == '<' || d == '>'))) {
      token(slot, 'o', pos, pos + 2);
    } else {
      token(slot, c == ':' ? ':' : 'o', pos, pos + 1);
    }
  }

  private void prefixedOrWord(int slot, char c) {
    char u = WordTable.upper(c);
    if (at(pos + 1) == '\'') {
      if (u == 'X' || u == 'B') {
        int from = pos;
        string(slot, pos + 2, '\'', '\'');
        type[slot] = '1';
        start[slot] = from;
        return;
      }
      if (u == 'N' || u == 'E' || u == 'Q') {
        string(slot, pos + 2, '\'', '\'');
        return;
      }
    }
    word(slot);
  }

  private void word(int slot) {
    int i = pos;
    int dot = -1;
    while (i < len && isWordChar(s.charAt(i))) {
      if (dot < 0 && s.charAt(i) == '.') {
        dot = i;
      }
      i++;
    }
    if (dot > pos) {
      char head = SqlKeywords.WORDS.get(s, pos, dot);
      if (head == 'f') {
        token(slot, 'f', pos, i);
        word[slot] = true;
        return;
      }
      if (head != 0) {
        token(slot, head, pos, dot);
        word[slot] = true;
        return;
      }
    }
    char t = SqlKeywords.WORDS.get(s, pos, i);
    token(slot, t == 0 ? 'n' : t, pos, i);
    word[slot] = true;
  }
}
