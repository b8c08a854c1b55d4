package dev.tdeveloper.cost.usage;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV records one at a time: comma-separated, fields optionally in double quotes (a
 * quote inside doubled), records ended by CRLF, LF or CR; a quoted field may span lines. Each
 * record remembers the line it starts on. Not thread-safe: one per reader.
 */
final class CsvRows {
  /** The longest record accepted, in characters: {@value}. */
  static final int MAX_RECORD_CHARS = 1 << 20;

  /** One record: its fields and the line it starts on (from 1). */
  record Row(long line, List<String> fields) {}

  /** A record that cannot be read (an unterminated quote, a record over the limit). */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;

    MalformedException(long line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  private final Reader in;
  private long line = 1;
  private int pushedBack = -2;

  CsvRows(Reader in) {
    this.in = in;
  }

  /** Returns the next record, or null at the end of input. */
  Row next() throws IOException, MalformedException {
    int c = read();
    if (c == -1) {
      return null;
    }
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int chars = 0;
    while (true) {
      if (++chars > MAX_RECORD_CHARS) {
        throw new MalformedException(
            start, "record longer than " + MAX_RECORD_CHARS + " characters");
      }
      if (quoted) {
        if (c == -1) {
          throw new MalformedException(start, "quoted field not closed before the end of the file");
        }
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          if (c == '\n' || (c == '\r' && peek() != '\n')) {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == -1 || c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        if (c != -1) {
          line++;
        }
        fields.add(field.toString());
        return new Row(start, fields);
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  private int peek() throws IOException {
    if (pushedBack == -2) {
      pushedBack = in.read();
    }
    return pushedBack;
  }
}
