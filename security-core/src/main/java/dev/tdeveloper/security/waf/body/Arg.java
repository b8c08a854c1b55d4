package dev.tdeveloper.security.waf.body;

import java.util.Objects;

/**
 * One argument in order of appearance: a name and a value, both decoded byte strings.
 *
 * @param name the name
 * @param value the value; empty when the argument had no {@code =}
 */
public record Arg(String name, String value) {
  /** Validates. */
  public Arg {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
