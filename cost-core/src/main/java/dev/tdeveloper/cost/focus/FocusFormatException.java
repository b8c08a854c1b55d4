package dev.tdeveloper.cost.focus;

import dev.tdeveloper.cost.CostException;
import java.util.Objects;

/**
 * A FOCUS CSV bill that cannot be read: a missing mandatory column, a value that does not parse, an
 * unknown unit or charge category, malformed CSV or Tags JSON. It names the file, the row (1-based,
 * the header being row 1), the column and the value at fault.
 */
public class FocusFormatException extends CostException {
  private static final long serialVersionUID = 1L;

  /** The file (or source name). */
  private final String source;

  /** The 1-based row, the header being row 1. */
  private final long row;

  /** The column name, or empty for a row-level fault. */
  private final String column;

  /** The offending value, or empty. */
  private final String value;

  /**
   * Creates the exception; the message is built from the parts.
   *
   * @param source the file or source name
   * @param row the 1-based row, header included
   * @param column the column name, or {@code ""} when the fault is the row's
   * @param value the offending value, or {@code ""}
   * @param problem what is wrong and what is allowed
   * @param cause the underlying failure, or {@code null}
   */
  public FocusFormatException(
      String source, long row, String column, String value, String problem, Throwable cause) {
    super(message(source, row, column, value, problem), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.row = row;
    this.column = Objects.requireNonNull(column, "column");
    this.value = Objects.requireNonNull(value, "value");
  }

  private static String message(
      String source, long row, String column, String value, String problem) {
    StringBuilder b = new StringBuilder("FOCUS bill ").append(source).append(", row ").append(row);
    if (!column.isEmpty()) {
      b.append(", column ").append(column);
    }
    if (!value.isEmpty()) {
      b.append(", value '").append(value).append('\'');
    }
    return b.append(": ").append(problem).toString();
  }

  /**
   * The file or source name.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based row at fault, the header being row 1.
   *
   * @return the row
   */
  public long row() {
    return row;
  }

  /**
   * The column at fault.
   *
   * @return its name, or {@code ""} for a row-level fault (e.g. a wrong field count)
   */
  public String column() {
    return column;
  }

  /**
   * The value at fault.
   *
   * @return the value, or {@code ""}
   */
  public String value() {
    return value;
  }
}
