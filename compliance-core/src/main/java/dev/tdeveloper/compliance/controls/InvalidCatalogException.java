package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.ComplianceException;
import java.util.List;

/**
 * A control catalog file that cannot be used: malformed JSON, or entries that break the rules.
 * Carries every problem found, each naming the entry and field.
 */
public class InvalidCatalogException extends ComplianceException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param source the file or resource read
   * @param problems what is wrong, one line each, such as {@code controls[3] (id 'CC6.9'): field
   *     'id' ...}
   */
  public InvalidCatalogException(String source, List<String> problems) {
    super(
        "invalid control catalog "
            + source
            + " ("
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s")
            + "):\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found, one line each. */
  public List<String> problems() {
    return problems;
  }
}
