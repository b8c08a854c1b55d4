package dev.tdeveloper.tenancy.config;

import java.util.Objects;

/**
 * A position in a configuration file, printed as {@code source:line:column} so editors and IDEs can
 * jump to it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the name of the file (as given to the loader)
 * @param line the line, starting at 1
 * @param column the column, starting at 1
 */
public record ConfigLocation(String source, int line, int column) {
  /**
   * Validates the position.
   *
   * @throws NullPointerException if {@code source} is null
   * @throws IllegalArgumentException if {@code line} or {@code column} is below 1
   */
  public ConfigLocation {
    Objects.requireNonNull(source, "source");
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1, was " + line);
    }
    if (column < 1) {
      throw new IllegalArgumentException("column must be at least 1, was " + column);
    }
  }

  /** Returns {@code source:line:column}. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }
}
