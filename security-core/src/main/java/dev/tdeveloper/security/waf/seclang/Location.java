package dev.tdeveloper.security.waf.seclang;

import java.util.Objects;

/**
 * Where a directive starts: the file as given (or as found through {@code Include}) and its 1-based
 * line.
 *
 * @param file the file name or path
 * @param line the line the directive starts on, at least 1
 */
public record Location(String file, int line) {
  /** Validates. */
  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 1) {
      throw new IllegalArgumentException("line: " + line + "; allowed: >= 1");
    }
  }

  /** {@code file:line}, the prefix of every error message about this place. */
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
