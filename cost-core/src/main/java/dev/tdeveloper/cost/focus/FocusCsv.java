package dev.tdeveloper.cost.focus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * The RFC 4180 CSV of FOCUS files, through Jackson's CSV module. Writing quotes a field only when
 * it holds a comma, a double quote, CR or LF, and ends each record with CRLF. Reading accepts CRLF,
 * LF or CR line ends, skips a byte order mark before the header, and numbers records from 1 (the
 * header being row 1) so that a line break inside a quoted field does not shift the rows after it.
 * The static methods are thread-safe; a {@link Records} reads one file and is not.
 */
final class FocusCsv {
  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final ObjectReader RECORDS = MAPPER.readerForListOf(String.class);
  private static final ObjectWriter WRITER =
      MAPPER
          .writerFor(String[].class)
          .with(CsvSchema.emptySchema().withLineSeparator("\r\n"))
          .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private FocusCsv() {}

  /**
   * Writes the records, quoted where RFC 4180 requires, each ended by CRLF; flushes, not closes.
   */
  static void write(Writer out, List<List<String>> records) throws IOException {
    try (SequenceWriter w = WRITER.writeValues(out)) {
      for (List<String> r : records) {
        w.write(r.toArray(String[]::new));
      }
    }
    out.flush();
  }

  /** Reads the records of a file's bytes (UTF-8; the caller closes {@code in}). */
  static Records read(InputStream in, String source) throws IOException {
    return new Records(RECORDS.readValues(MAPPER.getFactory().createParser(in)), source);
  }

  /** The records of one file, in order. Not thread-safe. */
  static final class Records implements Closeable {
    private final MappingIterator<List<String>> records;
    private final String source;
    private long row;

    private Records(MappingIterator<List<String>> records, String source) {
      this.records = records;
      this.source = source;
    }

    /** The 1-based number of the record last returned by {@link #next()}, the header being 1. */
    long row() {
      return row;
    }

    /**
     * The next record, or empty at the end of input. A blank line is a record of one empty field.
     *
     * @throws FocusFormatException naming the row when the CSV is malformed
     * @throws IOException when the input cannot be read, or is not UTF-8
     */
    Optional<List<String>> next() throws IOException {
      try {
        if (!records.hasNextValue()) {
          return Optional.empty();
        }
        List<String> record = records.nextValue();
        row++;
        return Optional.of(record);
      } catch (JsonProcessingException e) {
        throw malformed(e, row + 1);
      }
    }

    /** Jackson wraps the parser's failure in a mapping exception that knows the field index. */
    private FocusFormatException malformed(JsonProcessingException e, long at) throws IOException {
      Throwable cause =
          e instanceof JsonMappingException && e.getCause() != null ? e.getCause() : e;
      String problem;
      if (cause instanceof StreamConstraintsException s) {
        problem = "a field is too long (" + s.getOriginalMessage() + ")";
      } else if (cause instanceof JsonParseException p) {
        String message = p.getOriginalMessage();
        if (message.startsWith("Missing closing quote")) {
          problem = "a quoted field is not closed before the end of the file";
        } else if (message.contains("Expected column separator")) {
          problem =
              "text after the closing quote of "
                  + field(e)
                  + " (line "
                  + p.getLocation().getLineNr()
                  + ", column "
                  + p.getLocation().getColumnNr()
                  + " of the file)";
        } else {
          problem = message;
        }
      } else if (cause instanceof IOException io) {
        throw io;
      } else {
        problem = e.getOriginalMessage();
      }
      return new FocusFormatException(
          source,
          at,
          "",
          "",
          problem + "; allowed: RFC 4180 CSV (a quote inside a quoted field is doubled)",
          e);
    }

    private static String field(JsonProcessingException e) {
      if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
        return "field " + (m.getPath().get(m.getPath().size() - 1).getIndex() + 1);
      }
      return "a field";
    }

    @Override
    public void close() throws IOException {
      records.close();
    }
  }
}
