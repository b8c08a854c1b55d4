package dev.tdeveloper.benchmarks.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prints JMH JSON results as plain-text tables, one per benchmark class and parameter values, and
 * says how our benchmarks ({@code tdeveloper*} methods) compare with each peer or baseline of the
 * same table: "ours is 1.52x faster" (or slower). The comparison respects the mode: in throughput
 * mode a higher score is faster, in average-time, sample and single-shot modes a lower one is, and
 * scores in different units of the same kind (ns/op and us/op, ops/ms and ops/s) are converted.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.tdeveloper.benchmarks.report.RatioReport
 * results.json}. Stateless and thread-safe.
 */
public final class RatioReport {
  private static final Map<String, Double> SECONDS =
      Map.of(
          "ns", 1e-9, "us", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0, "hr", 3600.0, "day", 86400.0);

  private RatioReport() {}

  /** Prints the report of the JMH JSON file named by the only argument; exits 2 on bad usage. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: RatioReport <jmh-results.json>");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    if (!Files.isRegularFile(file)) {
      System.err.println("RatioReport: no such file: " + file);
      System.exit(2);
    }
    print(JmhResults.read(file), System.out);
  }

  /** Prints the report of {@code results} to {@code out}. */
  public static void print(List<JmhResult> results, PrintStream out) {
    out.print(render(results));
    out.flush();
  }

  /** Returns the report of {@code results}: one table per class and parameter values. */
  public static String render(List<JmhResult> results) {
    Objects.requireNonNull(results, "results");
    Map<String, List<JmhResult>> groups = new TreeMap<>();
    for (JmhResult result : results) {
      groups.computeIfAbsent(groupTitle(result), k -> new ArrayList<>()).add(result);
    }
    StringBuilder out = new StringBuilder();
    groups.forEach((title, rows) -> renderGroup(out, title, rows));
    return out.toString();
  }

  /**
   * Returns how many times faster {@code ours} is than {@code peer} (below 1 when slower), or empty
   * when they cannot be compared (different modes, or units of different kinds).
   */
  public static OptionalDouble speedup(JmhResult ours, JmhResult peer) {
    if (!ours.mode().equals(peer.mode())) {
      return OptionalDouble.empty();
    }
    OptionalDouble a = normalized(ours);
    OptionalDouble b = normalized(peer);
    double x;
    double y;
    if (a.isPresent() && b.isPresent()) {
      x = a.getAsDouble();
      y = b.getAsDouble();
    } else if (ours.unit().equals(peer.unit())) {
      x = ours.score();
      y = peer.score();
    } else {
      return OptionalDouble.empty();
    }
    double ratio = ours.higherIsBetter() ? x / y : y / x;
    return Double.isFinite(ratio) && ratio > 0 ? OptionalDouble.of(ratio) : OptionalDouble.empty();
  }

  /** Returns the score in ops/s (throughput) or s/op (time modes), if the unit is known. */
  private static OptionalDouble normalized(JmhResult result) {
    String[] parts = result.unit().split("/");
    if (parts.length != 2) {
      return OptionalDouble.empty();
    }
    if (result.higherIsBetter() && parts[0].equals("ops") && SECONDS.containsKey(parts[1])) {
      return OptionalDouble.of(result.score() / SECONDS.get(parts[1]));
    }
    if (!result.higherIsBetter() && parts[1].equals("op") && SECONDS.containsKey(parts[0])) {
      return OptionalDouble.of(result.score() * SECONDS.get(parts[0]));
    }
    return OptionalDouble.empty();
  }

  private static String groupTitle(JmhResult result) {
    if (result.params().isEmpty()) {
      return result.simpleClassName();
    }
    return result.simpleClassName()
        + " ("
        + result.params().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static void renderGroup(StringBuilder out, String title, List<JmhResult> rows) {
    rows.sort(
        Comparator.comparing((JmhResult r) -> !r.isOurs())
            .thenComparing(JmhResult::method)
            .thenComparing(JmhResult::mode));
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"Benchmark", "Mode", "Score", "", "Error", "Units", "B/op"});
    for (JmhResult row : rows) {
      String decimals = decimals(row.score());
      cells.add(
          new String[] {
            row.method(),
            row.mode(),
            format(row.score(), decimals),
            "±",
            format(row.scoreError(), decimals),
            row.unit(),
            row.bytesPerOp().isPresent()
                ? String.format(Locale.ROOT, "%.1f", row.bytesPerOp().getAsDouble())
                : "-"
          });
    }
    int[] width = new int[7];
    for (String[] line : cells) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    String rowFormat =
        String.format(
            Locale.ROOT,
            "  %%-%ds  %%-%ds  %%%ds %%1s %%%ds  %%-%ds  %%%ds%%n",
            width[0],
            width[1],
            width[2],
            width[4],
            width[5],
            width[6]);
    out.append(title).append('\n');
    for (String[] line : cells) {
      out.append(String.format(Locale.ROOT, rowFormat, (Object[]) line));
    }
    for (JmhResult ours : rows) {
      for (JmhResult peer : rows) {
        if (ours.isOurs() && !peer.isOurs() && peer.mode().equals(ours.mode())) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %-" + width[0] + "s  vs %s: %s%n",
                  ours.method(),
                  peer.method(),
                  verdict(speedup(ours, peer))));
        }
      }
    }
    out.append('\n');
  }

  private static String verdict(OptionalDouble speedup) {
    if (speedup.isEmpty()) {
      return "not comparable (units differ)";
    }
    double ratio = speedup.getAsDouble();
    return ratio >= 1
        ? String.format(Locale.ROOT, "ours is %.2fx faster", ratio)
        : String.format(Locale.ROOT, "ours is %.2fx slower", 1 / ratio);
  }

  /** Returns a format with fewer decimals for larger scores, so columns stay short. */
  private static String decimals(double score) {
    double magnitude = Math.abs(score);
    return magnitude >= 1000 ? "%.0f" : magnitude >= 10 ? "%.2f" : "%.3f";
  }

  private static String format(double value, String pattern) {
    return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, pattern, value);
  }
}
