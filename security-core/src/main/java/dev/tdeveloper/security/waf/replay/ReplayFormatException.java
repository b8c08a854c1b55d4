package dev.tdeveloper.security.waf.replay;

/**
 * A replay input line that is not a valid request: the message names the line number and the field
 * at fault ({@code line 3: headers[1]: expected [name, value]}). Immutable.
 */
public final class ReplayFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The pseudo-field named when the line is not a JSON object at all. */
  public static final String WHOLE_LINE = "json";

  private final int line;
  private final String field;
  private final String problem;

  /**
   * An exception for a line.
   *
   * @param line the 1-based line number
   * @param field the field at fault ({@code headers[1]}), or {@value #WHOLE_LINE} for the line
   * @param problem what is wrong and what is allowed
   */
  public ReplayFormatException(int line, String field, String problem) {
    super("line " + line + ": " + field + ": " + problem);
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  /**
   * The line number.
   *
   * @return 1-based
   */
  public int line() {
    return line;
  }

  /**
   * The field at fault.
   *
   * @return the field name, with an index for list elements, or {@value #WHOLE_LINE}
   */
  public String field() {
    return field;
  }

  /**
   * What is wrong, without the line and field.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }
}
