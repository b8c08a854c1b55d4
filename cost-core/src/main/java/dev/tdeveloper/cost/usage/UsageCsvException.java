package dev.tdeveloper.cost.usage;

import dev.tdeveloper.cost.CostException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown by {@link UsageCsv} when a usage file cannot be read or holds bad rows. It lists every
 * problem found (up to {@value UsageCsv#MAX_PROBLEMS}), each naming the row and column. Immutable
 * and thread-safe.
 */
public final class UsageCsvException extends CostException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * One bad value.
   *
   * @param source the file name
   * @param row the line the record starts on, from 1 (the header is row 1)
   * @param column the column, from 1; 0 for a problem with the whole row
   * @param columnName the column's header name; empty for the whole row
   * @param value the offending value as written
   * @param problem what is wrong
   * @param allowed what would be accepted
   */
  public record Problem(
      String source,
      long row,
      int column,
      String columnName,
      String value,
      String problem,
      String allowed) {
    /** Validates. */
    public Problem {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(columnName, "columnName");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(allowed, "allowed");
    }

    /**
     * The problem as one line.
     *
     * @return {@code file: row R, column C (name): problem; value: v; allowed: a}
     */
    public String message() {
      String where =
          column == 0
              ? "row " + row
              : "row " + row + ", column " + column + " (" + columnName + ")";
      return source + ": " + where + ": " + problem + "; value: " + value + "; allowed: " + allowed;
    }
  }

  /**
   * Creates an exception listing problems.
   *
   * @param problems the problems, in row order; at least one
   * @param more how many further problems were found but not kept
   * @param cause the underlying failure, or null
   */
  public UsageCsvException(List<Problem> problems, long more, Throwable cause) {
    super(describe(problems, more), cause);
    this.problems = List.copyOf(problems);
  }

  private static String describe(List<Problem> problems, long more) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems: empty; allowed: at least one problem");
    }
    if (problems.size() == 1 && more == 0) {
      return "usage csv: " + problems.get(0).message();
    }
    return "usage csv: "
        + (problems.size() + more)
        + " problems:"
        + problems.stream().map(p -> "\n  " + p.message()).collect(Collectors.joining())
        + (more > 0 ? "\n  ... and " + more + " more" : "");
  }

  /**
   * The problems kept, in row order.
   *
   * @return at least one problem
   */
  public List<Problem> problems() {
    return problems;
  }
}
