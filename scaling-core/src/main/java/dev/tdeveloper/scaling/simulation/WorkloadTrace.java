package dev.tdeveloper.scaling.simulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Offered load over time, as the CSV {@code timestamp,requests_per_second}: a header line, then one
 * point per line with the time as an ISO-8601 instant ({@code 2026-01-05T12:00:00Z}) or whole epoch
 * seconds, times strictly increasing and whole seconds.
 *
 * <p>The trace is <b>step-wise</b>: a point's value holds until the next point, and the last
 * point's value holds for the spacing of the last two points, so a trace sampled every minute for
 * 14 days covers exactly 14 days ({@link #start()} to {@link #end()}). Step-wise rather than
 * interpolated because that is what a per-interval request count from access logs means, and it
 * keeps load steps sharp for response-time measurements. Immutable and thread-safe.
 */
public final class WorkloadTrace {
  /** The required header line. */
  public static final String HEADER = "timestamp,requests_per_second";

  private final long[] seconds;
  private final double[] values;

  /**
   * One point of a trace.
   *
   * @param time when the value starts to hold, whole seconds
   * @param requestsPerSecond offered load, finite and {@code >= 0}
   */
  public record Point(Instant time, double requestsPerSecond) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException when the time has a fraction of a second or the value is
     *     negative or not finite
     */
    public Point {
      Objects.requireNonNull(time, "time");
      if (time.getNano() != 0) {
        throw new IllegalArgumentException(
            "time: " + time + " has a fraction of a second; allowed: whole seconds");
      }
      if (!Double.isFinite(requestsPerSecond) || requestsPerSecond < 0) {
        throw new IllegalArgumentException(
            "requests_per_second: " + requestsPerSecond + "; allowed: a finite value >= 0");
      }
    }
  }

  // Trusted: strictly increasing seconds, valid values, at least two points.
  WorkloadTrace(long[] seconds, double[] values) {
    this.seconds = seconds;
    this.values = values;
  }

  /**
   * A trace of these points.
   *
   * @param points at least two, times strictly increasing
   * @return the trace
   * @throws IllegalArgumentException when there are fewer than two points or times do not increase
   */
  public static WorkloadTrace of(List<Point> points) {
    if (points.size() < 2) {
      throw new IllegalArgumentException(
          "points: " + points.size() + "; allowed: at least 2 (the last spacing ends the trace)");
    }
    long[] s = new long[points.size()];
    double[] v = new double[points.size()];
    for (int i = 0; i < s.length; i++) {
      Point p = points.get(i);
      s[i] = p.time().getEpochSecond();
      v[i] = p.requestsPerSecond();
      if (i > 0 && s[i] <= s[i - 1]) {
        throw new IllegalArgumentException(
            "points["
                + i
                + "]: time "
                + p.time()
                + " is not after "
                + Instant.ofEpochSecond(s[i - 1])
                + "; allowed: strictly increasing times");
      }
    }
    return new WorkloadTrace(s, v);
  }

  /**
   * Reads a trace CSV file (UTF-8).
   *
   * @param file the file
   * @return the trace
   * @throws TraceFormatException naming the file, line and value when the content is invalid
   * @throws UncheckedIOException when the file cannot be read
   */
  public static WorkloadTrace read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trace " + file, e);
    }
  }

  /**
   * Parses trace CSV; blank lines are skipped.
   *
   * @param csv the content
   * @param source the name used in error messages
   * @return the trace
   * @throws TraceFormatException naming the source, line and value when the content is invalid
   * @throws UncheckedIOException when reading fails
   */
  public static WorkloadTrace parse(Reader csv, String source) {
    List<Point> points = new ArrayList<>();
    BufferedReader in = new BufferedReader(csv);
    int lineNo = 0;
    boolean header = false;
    long previous = Long.MIN_VALUE;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        String text = line.strip();
        if (text.isEmpty()) {
          continue;
        }
        String[] f = text.split(",", -1);
        if (!header) {
          if (f.length != 2
              || !f[0].strip().equalsIgnoreCase("timestamp")
              || !f[1].strip().equalsIgnoreCase("requests_per_second")) {
            throw new TraceFormatException(
                source, lineNo, "header '" + text + "'; allowed: '" + HEADER + "'");
          }
          header = true;
          continue;
        }
        if (f.length != 2) {
          throw new TraceFormatException(
              source, lineNo, "'" + text + "' has " + f.length + " fields; allowed: 2");
        }
        Instant t = parseTime(source, lineNo, f[0].strip());
        double v = parseValue(source, lineNo, f[1].strip());
        if (t.getEpochSecond() <= previous) {
          throw new TraceFormatException(
              source,
              lineNo,
              "timestamp '"
                  + f[0].strip()
                  + "' is not after the previous "
                  + Instant.ofEpochSecond(previous)
                  + "; allowed: strictly increasing times");
        }
        previous = t.getEpochSecond();
        points.add(new Point(t, v));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trace " + source, e);
    }
    if (!header) {
      throw new TraceFormatException(source, 0, "empty; allowed: '" + HEADER + "' then points");
    }
    if (points.size() < 2) {
      throw new TraceFormatException(
          source, 0, points.size() + " points; allowed: at least 2 (the last spacing ends it)");
    }
    return of(points);
  }

  private static Instant parseTime(String source, int line, String raw) {
    try {
      Instant t =
          raw.chars().allMatch(c -> c == '-' || Character.isDigit(c))
              ? Instant.ofEpochSecond(Long.parseLong(raw))
              : Instant.parse(raw);
      if (t.getNano() != 0) {
        throw new TraceFormatException(
            source, line, "timestamp '" + raw + "' has a fraction of a second; allowed: whole");
      }
      return t;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new TraceFormatException(
          source,
          line,
          "timestamp '" + raw + "'; allowed: an ISO-8601 instant or whole epoch seconds");
    } catch (DateTimeException e) {
      throw new TraceFormatException(
          source, line, "timestamp '" + raw + "' is out of range; allowed: a representable time");
    }
  }

  private static double parseValue(String source, int line, String raw) {
    double v;
    try {
      v = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!Double.isFinite(v) || v < 0) {
      throw new TraceFormatException(
          source, line, "requests_per_second '" + raw + "'; allowed: a finite number >= 0");
    }
    return v;
  }

  /**
   * Writes this trace as CSV with ISO-8601 instants, which {@link #parse} reads back equal.
   *
   * @param out where to write; not closed
   * @throws UncheckedIOException when writing fails
   */
  public void write(Writer out) {
    try {
      StringBuilder line = new StringBuilder(48);
      out.write(HEADER);
      out.write('\n');
      for (int i = 0; i < seconds.length; i++) {
        line.setLength(0);
        line.append(Instant.ofEpochSecond(seconds[i])).append(',').append(values[i]).append('\n');
        out.append(line);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace", e);
    }
  }

  /**
   * Writes this trace to a CSV file (UTF-8), replacing it.
   *
   * @param file the file
   * @throws UncheckedIOException when writing fails
   */
  public void write(Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace " + file, e);
    }
  }

  /**
   * The offered load at a time: the value of the last point at or before it.
   *
   * @param time a time in {@code [start(), end())}
   * @return requests per second
   * @throws IllegalArgumentException when the time is outside the trace
   */
  public double valueAt(Instant time) {
    return valueAtSecond(time.getEpochSecond());
  }

  double valueAtSecond(long epochSecond) {
    if (epochSecond < seconds[0] || epochSecond >= endSecond()) {
      throw new IllegalArgumentException(
          "time: "
              + Instant.ofEpochSecond(epochSecond)
              + " is outside the trace; allowed: "
              + start()
              + " to before "
              + end());
    }
    int i = Arrays.binarySearch(seconds, epochSecond);
    return values[i >= 0 ? i : -i - 2];
  }

  long secondAt(int index) {
    return seconds[index];
  }

  double valueAtIndex(int index) {
    return values[index];
  }

  long endSecond() {
    int n = seconds.length;
    return seconds[n - 1] + (seconds[n - 1] - seconds[n - 2]);
  }

  /**
   * When the trace starts.
   *
   * @return the first point's time
   */
  public Instant start() {
    return Instant.ofEpochSecond(seconds[0]);
  }

  /**
   * When the trace ends (exclusive): the last point's time plus the last spacing.
   *
   * @return the end
   */
  public Instant end() {
    return Instant.ofEpochSecond(endSecond());
  }

  /**
   * The number of points.
   *
   * @return at least 2
   */
  public int size() {
    return seconds.length;
  }

  /**
   * The points, as an unmodifiable view.
   *
   * @return the points in time order
   */
  public List<Point> points() {
    return new AbstractList<>() {
      @Override
      public Point get(int i) {
        return new Point(Instant.ofEpochSecond(seconds[i]), values[i]);
      }

      @Override
      public int size() {
        return seconds.length;
      }
    };
  }

  /**
   * The highest value.
   *
   * @return the peak requests per second
   */
  public double peak() {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkloadTrace t
        && Arrays.equals(seconds, t.seconds)
        && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(seconds) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "WorkloadTrace[" + size() + " points, " + start() + " to " + end() + "]";
  }
}
