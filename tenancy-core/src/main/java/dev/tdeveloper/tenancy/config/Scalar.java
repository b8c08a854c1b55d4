package dev.tdeveloper.tenancy.config;

import java.util.Objects;

/**
 * A YAML scalar as the parser typed it, with canonical text: integers in decimal ({@code 0x1F} and
 * {@code 1_000} become {@code 31} and {@code 1000}), floats as {@link Double#toString}, booleans as
 * {@code true}/{@code false}, strings as written. Equality ignores where the value came from.
 */
record Scalar(Kind kind, String text) {
  /** The YAML type of a scalar. */
  enum Kind {
    STRING("a string"),
    INTEGER("an integer"),
    FLOAT("a number"),
    BOOLEAN("a boolean");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  Scalar {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** Describes the value for an error message: its type and its (truncated) text. */
  String describe() {
    String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return kind.description() + " '" + shown + "'";
  }
}
