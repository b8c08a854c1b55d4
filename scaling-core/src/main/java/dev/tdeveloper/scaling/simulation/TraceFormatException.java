package dev.tdeveloper.scaling.simulation;

import dev.tdeveloper.scaling.ScalingException;

/**
 * A workload trace CSV that cannot be read: the message names the source, the line and the bad
 * value.
 */
public final class TraceFormatException extends ScalingException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /**
   * Creates the exception.
   *
   * @param source the file or stream name
   * @param line the 1-based line number, 0 when the problem is not on one line
   * @param message what is wrong and what is allowed
   */
  public TraceFormatException(String source, int line, String message) {
    super(source + (line > 0 ? ":" + line : "") + ": " + message);
    this.line = line;
  }

  /**
   * The line at fault.
   *
   * @return the 1-based line number, 0 when the problem is not on one line
   */
  public int line() {
    return line;
  }
}
