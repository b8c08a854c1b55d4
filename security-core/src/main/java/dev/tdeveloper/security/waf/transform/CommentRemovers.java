package dev.tdeveloper.security.waf.transform;

/**
 * The comment transformations for SQL, C and HTML comments, as libmodsecurity applies them.
 * Stateless.
 */
final class CommentRemovers {
  private CommentRemovers() {}

  /**
   * {@code removeComments}: deletes C comments (slash-star to star-slash) and HTML comments ({@code
   * <!--} to {@code -->}), and everything from {@code --} or {@code #} to the end; an unterminated
   * comment becomes one space.
   *
   * <p>Follows the current libmodsecurity language test suite ({@code SELECT}, two empty C comments
   * and {@code UNION} give {@code SELECTUNION}); earlier libmodsecurity releases copied the byte
   * after a comment's end without examining it (keeping a comment that starts there) and left a NUL
   * byte when a comment ended the value.
   */
  static String removeComments(String s) {
    int n = s.length();
    if (!mayHoldComment(s, true)) {
      return s;
    }
    char[] out = new char[n];
    int i = 0;
    int j = 0;
    boolean inComment = false;
    boolean changed = false;
    while (i < n) {
      char c = s.charAt(i);
      if (!inComment) {
        if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
          inComment = true;
          changed = true;
          i += 2;
        } else if (c == '<' && s.startsWith("!--", i + 1)) {
          inComment = true;
          changed = true;
          i += 4;
        } else if ((c == '-' && i + 1 < n && s.charAt(i + 1) == '-') || c == '#') {
          changed = true;
          break;
        } else {
          out[j++] = c;
          i++;
        }
      } else if (c == '*' && i + 1 < n && s.charAt(i + 1) == '/') {
        inComment = false;
        i += 2;
      } else if (c == '-' && s.startsWith("->", i + 1)) {
        inComment = false;
        i += 3;
      } else {
        i++;
      }
    }
    if (inComment) {
      out[j++] = ' ';
    }
    return changed ? new String(out, 0, j) : s;
  }

  /**
   * {@code removeCommentsChar}: deletes the comment markers themselves (slash-star, star-slash,
   * {@code <!--}, {@code -->}, {@code --}, {@code #}) and keeps the text between them.
   */
  static String removeCommentsChar(String s) {
    int n = s.length();
    if (!mayHoldComment(s, false)) {
      return s;
    }
    StringBuilder out = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      char next = i + 1 < n ? s.charAt(i + 1) : 0;
      if ((c == '/' && next == '*') || (c == '*' && next == '/')) {
        i += 2;
      } else if (c == '<' && s.startsWith("!--", i + 1)) {
        i += 4;
      } else if (c == '-' && next == '-') {
        i += i + 2 < n && s.charAt(i + 2) == '>' ? 3 : 2;
      } else if (c == '#') {
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.length() == n ? s : out.toString();
  }

  /**
   * {@code replaceComments}: each C comment (slash-star to star-slash) becomes one space, an
   * unterminated one too; a lone star-slash stays.
   */
  static String replaceComments(String s) {
    int n = s.length();
    int i = s.indexOf("/*");
    if (i < 0) {
      return s;
    }
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    int j = i;
    boolean inComment = false;
    while (i < n) {
      char c = s.charAt(i);
      if (!inComment) {
        if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
          inComment = true;
          i += 2;
        } else {
          out[j++] = c;
          i++;
        }
      } else if (c == '*' && i + 1 < n && s.charAt(i + 1) == '/') {
        inComment = false;
        i += 2;
        out[j++] = ' ';
      } else {
        i++;
      }
    }
    if (inComment) {
      out[j++] = ' ';
    }
    return new String(out, 0, j);
  }

  /** Whether a value holds any byte a comment transformation reacts to. */
  private static boolean mayHoldComment(String s, boolean openersOnly) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '<' || c == '-' || c == '#' || (!openersOnly && c == '*')) {
        return true;
      }
    }
    return false;
  }
}
