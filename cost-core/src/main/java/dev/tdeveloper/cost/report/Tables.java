package dev.tdeveloper.cost.report;

import java.util.regex.Pattern;

/**
 * Writes HTML tables whose cells are all escaped text; a table left without rows gets one row that
 * says so, so an empty section reads "none" rather than vanishing.
 */
final class Tables {
  private static final Pattern NUMERIC = Pattern.compile("(?:[A-Z]{3} )?-?[0-9][0-9.]*%?");
  private final StringBuilder h;
  private int columns;
  private int rows;

  Tables(StringBuilder h) {
    this.h = h;
  }

  void open(String... headers) {
    columns = headers.length;
    rows = 0;
    h.append("<table><tr>");
    for (String c : headers) {
      h.append("<th>").append(Markup.esc(c)).append("</th>");
    }
    h.append("</tr>\n");
  }

  void row(String... cells) {
    rows++;
    h.append("<tr>");
    for (String c : cells) {
      h.append(numeric(c) ? "<td class=\"n\">" : "<td>").append(Markup.esc(c)).append("</td>");
    }
    h.append("</tr>\n");
  }

  /** A header and value row of a two-column table opened by the caller. */
  void pair(String name, String value) {
    h.append("<tr><th>")
        .append(Markup.esc(name))
        .append("</th><td class=\"n\">")
        .append(Markup.esc(value))
        .append("</td></tr>\n");
  }

  void close(String none) {
    if (rows == 0) {
      h.append("<tr><td class=\"none\" colspan=\"")
          .append(columns)
          .append("\">")
          .append(Markup.esc(none))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static boolean numeric(String c) {
    return NUMERIC.matcher(c).matches();
  }
}
