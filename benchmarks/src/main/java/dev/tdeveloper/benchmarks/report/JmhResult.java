package dev.tdeveloper.benchmarks.report;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One row of a JMH JSON result file: a benchmark method run in one mode with one set of parameter
 * values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param benchmark the fully qualified benchmark name, {@code package.Class.method}
 * @param mode the JMH mode short name: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params the parameter values, sorted by name; empty when the benchmark has none
 * @param score the primary score
 * @param scoreError the half-width of the 99.9% confidence interval; NaN when JMH could not tell
 * @param unit the score unit, such as {@code ns/op} or {@code ops/s}
 * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm}), when profiled
 */
public record JmhResult(
    String benchmark,
    String mode,
    Map<String, String> params,
    double score,
    double scoreError,
    String unit,
    OptionalDouble bytesPerOp) {

  /** The prefix of benchmark methods that measure this project's code: {@value}. */
  public static final String OURS_PREFIX = "tdeveloper";

  /**
   * Validates the row.
   *
   * @throws NullPointerException naming the null component
   * @throws IllegalArgumentException if {@code benchmark} is not {@code Class.method}
   */
  public JmhResult {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(bytesPerOp, "bytesPerOp");
    int dot = benchmark.lastIndexOf('.');
    if (dot <= 0 || dot == benchmark.length() - 1) {
      throw new IllegalArgumentException(
          "benchmark must be 'Class.method', was '" + benchmark + "'");
    }
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** Returns the fully qualified benchmark class name. */
  public String benchmarkClass() {
    return benchmark.substring(0, benchmark.lastIndexOf('.'));
  }

  /** Returns the benchmark class name without its package. */
  public String simpleClassName() {
    String type = benchmarkClass();
    return type.substring(type.lastIndexOf('.') + 1);
  }

  /** Returns the benchmark method name. */
  public String method() {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** Returns whether this row measures our code ({@value #OURS_PREFIX}-prefixed method). */
  public boolean isOurs() {
    return method().startsWith(OURS_PREFIX);
  }

  /** Returns whether a higher score is better: true in throughput mode only. */
  public boolean higherIsBetter() {
    return mode.equals("thrpt");
  }
}
