package dev.tdeveloper.cost.usage;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a usage CSV file, read by Jackson's CSV parser (RFC 4180: fields optionally in
 * double quotes, a quote inside doubled; records ended by CRLF, LF or CR; a quoted field may span
 * lines), each with the line it starts on. Not thread-safe: one per input.
 */
final class UsageCsvRows implements Closeable {
  /** One record: the line it starts on (from 1) and its fields. */
  record Row(long line, List<String> fields) {}

  /** A record that cannot be read (bad quoting, a record over the limit), and where it starts. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;

    MalformedException(long line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  private final CsvParser parser;
  private final int maxRecordChars;

  /** Reads from the parser, refusing records longer than {@code maxRecordChars}. */
  UsageCsvRows(CsvParser parser, int maxRecordChars) {
    this.parser = parser;
    this.maxRecordChars = maxRecordChars;
  }

  /** Returns the next record, or null at the end of input. */
  Row next() throws IOException, MalformedException {
    // Between records the parser stands at the start of the next one's first line.
    long line = parser.currentLocation().getLineNr();
    try {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      long chars = -1;
      while (parser.nextToken() == JsonToken.VALUE_STRING) {
        String field = parser.getText();
        chars += field.length() + 1;
        if (chars > maxRecordChars) {
          throw new MalformedException(line, tooLong());
        }
        fields.add(field);
      }
      return new Row(line, fields);
    } catch (StreamConstraintsException e) {
      throw new MalformedException(line, tooLong());
    } catch (JsonParseException e) {
      throw new MalformedException(line, problem(e));
    }
  }

  private String tooLong() {
    return "record longer than " + maxRecordChars + " characters";
  }

  private static String problem(JsonParseException e) {
    String message = e.getOriginalMessage();
    if (message.startsWith("Missing closing quote")) {
      return "quoted field not closed before the end of the file";
    }
    String at =
        " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    if (message.contains("Expected column separator")) {
      return "text after the closing quote of a field" + at;
    }
    return message + at;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
