package dev.tdeveloper.cost.focus;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4180 CSV: records end with CRLF (LF alone is accepted on reading); a field containing a
 * comma, a double quote, CR or LF is enclosed in double quotes, and its quotes are doubled. A UTF-8
 * byte order mark before the header is skipped. Not thread-safe (one reader per file).
 */
final class Csv {
  private static final int BOM = '\uFEFF';

  private final Reader in;
  private final String source;
  private long row;
  private int pushedBack = -2;

  Csv(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** Appends one record, quoted where RFC 4180 requires, ended by CRLF. */
  static void writeRecord(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String f = fields.get(i);
      if (needsQuotes(f)) {
        out.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        out.append(f);
      }
    }
    out.append("\r\n");
  }

  private static boolean needsQuotes(String f) {
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** The 1-based number of the record last returned by {@link #next()}, the header being 1. */
  long row() {
    return row;
  }

  /**
   * The next record, or empty at the end of input. A blank line at the very end is not a record.
   *
   * @throws FocusFormatException for an unterminated quoted field or text after a closing quote
   */
  Optional<List<String>> next() {
    int c = read();
    if (row == 0 && c == BOM) {
      c = read();
    }
    if (c == -1) {
      return Optional.empty();
    }
    row++;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.length() == 0) {
        readQuoted(field);
        c = read();
        if (c != ',' && c != '\n' && c != '\r' && c != -1) {
          throw new FocusFormatException(
              source,
              row,
              "",
              "",
              "text after the closing quote of field "
                  + (fields.size() + 1)
                  + "; allowed: RFC 4180 quoting (a quote inside a quoted field is doubled)",
              null);
        }
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n' || c == -1) {
        if (c == '\r') {
          int n = read();
          if (n != '\n') {
            pushedBack = n;
          }
        }
        fields.add(field.toString());
        return Optional.of(fields);
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private void readQuoted(StringBuilder field) {
    while (true) {
      int c = read();
      if (c == -1) {
        throw new FocusFormatException(
            source, row, "", "", "a quoted field is not closed before the end of the file", null);
      }
      if (c == '"') {
        int n = read();
        if (n != '"') {
          pushedBack = n;
          return;
        }
      }
      field.append((char) c);
    }
  }

  private int read() {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    try {
      return in.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
