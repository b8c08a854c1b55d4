package dev.tdeveloper.security.waf.seclang;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule file into directives as ModSecurity v3's scanner does: a backslash right before the
 * line end ({@code \n} or {@code \r\n}) joins the next physical line (the backslash and the line
 * end are removed, the next line's indentation is kept, inside quotes too); a line whose first
 * non-blank character is {@code #} is a comment, and a commented-out {@code #SecRule} or {@code
 * #SecAction} ending in a backslash comments out its continuation lines too (v3's COMMENT state);
 * blank lines are skipped. Stateless.
 */
final class SourceReader {
  private SourceReader() {}

  /**
   * The directives of a text.
   *
   * @param text the file's content, one char per byte
   * @return the logical lines in order
   */
  static List<LogicalLine> read(String text) {
    List<LogicalLine> out = new ArrayList<>();
    int n = text.length();
    int pos = 0;
    int line = 1;
    StringBuilder joined = new StringBuilder();
    while (pos < n) {
      int startLine = line;
      joined.setLength(0);
      boolean comment = false;
      boolean first = true;
      while (true) {
        int end = text.indexOf('\n', pos);
        int next = end < 0 ? n : end + 1;
        int contentEnd = end < 0 ? n : end;
        if (contentEnd > pos && text.charAt(contentEnd - 1) == '\r') {
          contentEnd--;
        }
        boolean continued = end >= 0 && contentEnd > pos && text.charAt(contentEnd - 1) == '\\';
        String physical = text.substring(pos, continued ? contentEnd - 1 : contentEnd);
        if (first) {
          comment = isComment(physical);
          if (comment && continued && !isCommentedDirective(physical)) {
            continued = false;
          }
          first = false;
        }
        joined.append(physical);
        pos = next;
        if (end >= 0) {
          line++;
        }
        if (!continued || pos >= n) {
          break;
        }
      }
      if (!comment && !joined.toString().isBlank()) {
        out.add(new LogicalLine(joined.toString(), startLine));
      }
    }
    return out;
  }

  private static boolean isComment(String physical) {
    int i = skipBlanks(physical, 0);
    return i < physical.length() && physical.charAt(i) == '#';
  }

  private static boolean isCommentedDirective(String physical) {
    int i = skipBlanks(physical, 0) + 1;
    i = skipBlanks(physical, i);
    return physical.startsWith("SecRule", i) || physical.startsWith("SecAction", i);
  }

  static int skipBlanks(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
