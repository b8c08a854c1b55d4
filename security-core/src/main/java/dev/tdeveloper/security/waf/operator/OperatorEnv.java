package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.waf.seclang.Location;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What creating an operator may need besides its reference: where the rule is (for errors and for
 * {@code @pmFromFile} / {@code @ipMatchFromFile} paths relative to the rule file's directory).
 *
 * @param location the rule's file and line
 * @param baseDirectory the directory relative data files are read from
 */
public record OperatorEnv(Location location, Path baseDirectory) {
  /** Validates. */
  public OperatorEnv {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
  }
}
