package dev.tdeveloper.cost.usage;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads usage records from CSV, for usage that comes from elsewhere than tenancy-core's metering
 * (Prometheus exports, cloud usage reports). The first row is a header naming exactly the columns
 * {@code tenant,workload,asset_id,resource,start,end,requested,used}, in any order; each further
 * row is one {@link UsageRecord}: {@code start} and {@code end} ISO-8601 instants (end-exclusive),
 * {@code resource} one of {@code vcpu, ram, storage, egress, requests, gpu}, quantities decimals in
 * the resource's unit, {@code requested} blank for 0. Blank lines are skipped. The CSV is RFC 4180,
 * read by Jackson's CSV module; a file's UTF-8 byte order mark is skipped, and a record longer than
 * {@value #MAX_RECORD_CHARS} characters is refused.
 *
 * <p>The whole file is checked and every bad value reported at once (up to {@value #MAX_PROBLEMS})
 * in a {@link UsageCsvException}, each naming its row and column. Thread-safe: holds no state.
 */
public final class UsageCsv {
  /** The columns, in their usual order. */
  public static final List<String> COLUMNS =
      List.of("tenant", "workload", "asset_id", "resource", "start", "end", "requested", "used");

  /** The most problems one exception lists: {@value}; the rest are counted. */
  public static final int MAX_PROBLEMS = 100;

  /** The longest record accepted, in characters: {@value}. */
  static final int MAX_RECORD_CHARS = 1 << 20;

  /** No field may be longer than a record, so Jackson never buffers more than that. */
  private static final CsvFactory CSV =
      CsvFactory.builder()
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(MAX_RECORD_CHARS).build())
          .build();

  private static final String RESOURCES =
      Arrays.stream(ResourceType.values()).map(ResourceType::key).collect(Collectors.joining(", "));

  private UsageCsv() {}

  /**
   * Reads a UTF-8 file; problems name it as {@code path.toString()}.
   *
   * @param path the file
   * @return the records, in file order
   * @throws UsageCsvException listing every bad row, or when the file cannot be read
   */
  public static List<UsageRecord> read(Path path) {
    Objects.requireNonNull(path, "path");
    try (InputStream in = Files.newInputStream(path)) {
      // From bytes, Jackson skips a byte order mark and rejects what is not UTF-8.
      return read(path.toString(), CSV.createParser(in));
    } catch (IOException e) {
      throw new UsageCsvException(
          List.of(
              new UsageCsvException.Problem(
                  path.toString(),
                  0,
                  0,
                  "",
                  path.toString(),
                  "cannot be read: " + e,
                  "a readable" + " UTF-8 file")),
          0,
          e);
    }
  }

  /**
   * Parses CSV text.
   *
   * @param name the name problems give the text
   * @param text the content
   * @return the records, in order
   * @throws UsageCsvException listing every bad row
   */
  public static List<UsageRecord> parse(String name, String text) {
    Objects.requireNonNull(text, "text");
    try {
      return read(name, new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does no I/O
    }
  }

  /**
   * Reads CSV from a reader, which the caller closes.
   *
   * @param name the name problems give the input
   * @param in the input
   * @return the records, in order
   * @throws UsageCsvException listing every bad row
   * @throws IOException when reading fails
   */
  public static List<UsageRecord> read(String name, Reader in) throws IOException {
    Objects.requireNonNull(in, "in");
    return read(name, CSV.createParser(in));
  }

  private static List<UsageRecord> read(String name, CsvParser parser) throws IOException {
    Objects.requireNonNull(name, "name");
    Problems problems = new Problems(name);
    List<UsageRecord> records = new ArrayList<>();
    try (UsageCsvRows rows = new UsageCsvRows(parser, MAX_RECORD_CHARS)) {
      UsageCsvRows.Row header = rows.next();
      int[] index = header == null ? null : header(header, problems);
      if (header == null) {
        problems.add(1, 0, "", "(empty)", "no header row", String.join(",", COLUMNS));
      }
      if (problems.count > 0) {
        throw problems.failure(null);
      }
      for (UsageCsvRows.Row row = rows.next(); row != null; row = rows.next()) {
        if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
          continue;
        }
        if (row.fields().size() != COLUMNS.size()) {
          problems.add(
              row.line(),
              0,
              "",
              row.fields().size() + " fields",
              "wrong number of fields",
              COLUMNS.size() + " fields, as the header");
          continue;
        }
        UsageRecord record = new RowReader(row, index, problems).record();
        if (record != null) {
          records.add(record);
        }
      }
    } catch (UsageCsvRows.MalformedException e) {
      problems.add(e.line, 0, "", "(unreadable)", e.getMessage(), "RFC 4180 CSV");
    }
    if (problems.count > 0) {
      throw problems.failure(null);
    }
    return List.copyOf(records);
  }

  /** Maps each column name to its position; reports unknown, duplicate and missing columns. */
  private static int[] header(UsageCsvRows.Row header, Problems problems) {
    int[] index = new int[COLUMNS.size()];
    Arrays.fill(index, -1);
    List<String> names = header.fields();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).trim().toLowerCase(Locale.ROOT);
      int known = COLUMNS.indexOf(name);
      if (known < 0) {
        problems.add(1, i + 1, names.get(i), names.get(i), "unknown column", "one of " + COLUMNS);
      } else if (index[known] >= 0) {
        problems.add(1, i + 1, name, names.get(i), "column given twice", "each column once");
      } else {
        index[known] = i;
      }
    }
    for (int k = 0; k < index.length; k++) {
      if (index[k] < 0) {
        problems.add(
            1,
            0,
            "",
            String.join(",", names),
            "missing column " + COLUMNS.get(k),
            "the columns " + COLUMNS + " in any order");
      }
    }
    return index;
  }

  /** Reads one row's fields, reporting each bad one. */
  private static final class RowReader {
    private final UsageCsvRows.Row row;
    private final int[] index;
    private final Problems problems;
    private boolean bad;

    RowReader(UsageCsvRows.Row row, int[] index, Problems problems) {
      this.row = row;
      this.index = index;
      this.problems = problems;
    }

    UsageRecord record() {
      TenantId tenant = field(0, "a tenant id (a lowercase DNS label)", TenantId::of);
      String workload = field(1, "a workload name", UsageCsv::nonBlank);
      String asset = field(2, "the asset's id in the bill", UsageCsv::nonBlank);
      ResourceType resource = field(3, RESOURCES, ResourceType::parse);
      Instant start = field(4, "an ISO-8601 instant such as 2026-01-01T00:00:00Z", Instant::parse);
      Instant end = field(5, "an ISO-8601 instant after start", Instant::parse);
      BigDecimal requested = field(6, "a decimal >= 0, or blank for 0", UsageCsv::requested);
      BigDecimal used = field(7, "a decimal >= 0", UsageCsv::quantity);
      if (start != null && end != null && !end.isAfter(start)) {
        report(5, "end is not after start " + start, "an instant after start (end-exclusive)");
      }
      if (bad) {
        return null;
      }
      return new UsageRecord(
          tenant, workload, asset, resource, CostPeriod.of(start, end), requested, used);
    }

    private <T> T field(int column, String allowed, Function<String, T> parse) {
      String text = row.fields().get(index[column]);
      try {
        return parse.apply(text.trim());
      } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
        report(column, problem(e), allowed);
        return null;
      }
    }

    private void report(int column, String problem, String allowed) {
      bad = true;
      problems.add(
          row.line(),
          index[column] + 1,
          COLUMNS.get(column),
          row.fields().get(index[column]),
          problem,
          allowed);
    }

    private static String problem(RuntimeException e) {
      if (e instanceof DateTimeParseException) {
        return "not an ISO-8601 instant";
      }
      if (e instanceof NumberFormatException) {
        return "not a decimal number";
      }
      return e.getMessage();
    }
  }

  private static String nonBlank(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("blank");
    }
    return text;
  }

  private static BigDecimal requested(String text) {
    return text.isEmpty() ? BigDecimal.ZERO : quantity(text);
  }

  private static BigDecimal quantity(String text) {
    BigDecimal value = new BigDecimal(text);
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative quantity");
    }
    return value;
  }

  /** Collects problems, keeping the first {@link #MAX_PROBLEMS}. */
  private static final class Problems {
    private final String source;
    private final List<UsageCsvException.Problem> kept = new ArrayList<>();
    private long count;

    Problems(String source) {
      this.source = source;
    }

    void add(long row, int column, String name, String value, String problem, String allowed) {
      if (count++ < MAX_PROBLEMS) {
        kept.add(new UsageCsvException.Problem(source, row, column, name, value, problem, allowed));
      }
    }

    UsageCsvException failure(Throwable cause) {
      return new UsageCsvException(kept, count - kept.size(), cause);
    }
  }
}
