package dev.tdeveloper.tenancy.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A YAML scalar as the parser typed it, with canonical text: integers in decimal ({@code 0x1F} and
 * {@code 1_000} become {@code 31} and {@code 1000}), floats as {@link Double#toString}, booleans as
 * {@code true}/{@code false}, strings as written. Equality ignores where the value came from.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the type the YAML parser gave the value
 * @param text the canonical text
 */
public record Scalar(Kind kind, String text) {
  /** The YAML type of a scalar. */
  public enum Kind {
    /** A string, quoted or not. */
    STRING("a string"),
    /** A whole number. */
    INTEGER("an integer"),
    /** A number with a fraction or exponent. */
    FLOAT("a number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("a boolean");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** Returns the type as a phrase for messages, for example {@code an integer}. */
    public String description() {
      return description;
    }
  }

  /** Checks that no field is null. */
  public Scalar {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** Describes the value for an error message: its type and its (truncated) text. */
  public String describe() {
    String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return kind.description() + " '" + shown + "'";
  }

  /**
   * Returns the value as a non-negative duration: ISO-8601 ({@code PT1S}, {@code P90D}) or a whole
   * number followed by {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} ({@code 90d}), the
   * forms {@link TenantSettings#getDuration} accepts; empty for any other value.
   */
  public Optional<Duration> asDuration() {
    return Conversions.toDuration(this);
  }

  /** Returns the value as a {@code long} if it is an integer in range, else empty. */
  public Optional<Long> asLong() {
    return Conversions.LONG.converter().apply(this);
  }

  /** Returns the value if it is a boolean ({@code true} or {@code false} only), else empty. */
  public Optional<Boolean> asBoolean() {
    return Conversions.BOOLEAN.converter().apply(this);
  }
}
