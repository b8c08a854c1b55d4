package dev.tdeveloper.observability.metrics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The definition of a business metric, fixed when {@link BusinessMetrics} is built. Immutable and
 * thread-safe.
 *
 * @param name the metric name, following Prometheus' rule {@code [a-zA-Z_][a-zA-Z0-9_]*} (no
 *     leading {@code __}, which Prometheus reserves), at most {@value #MAX_NAME_LENGTH} characters;
 *     by convention counters end in {@code _total}
 * @param type counter or gauge
 * @param description what the metric counts, for people: non-blank, at most {@value
 *     #MAX_DESCRIPTION_LENGTH} characters
 * @param unit the unit, {@code [a-z][a-z0-9_]*} (e.g. {@code signups}, {@code eur_cents}, {@code
 *     users}), at most {@value #MAX_NAME_LENGTH} characters
 */
public record MetricDefinition(String name, MetricType type, String description, String unit) {
  /** The longest name or unit accepted: {@value} characters. */
  public static final int MAX_NAME_LENGTH = 128;

  /** The longest description accepted: {@value} characters. */
  public static final int MAX_DESCRIPTION_LENGTH = 1024;

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern UNIT = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * Validates the definition.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException naming the field, the value and the rule it broke
   */
  public MetricDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(unit, "unit");
    if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches() || name.startsWith("__")) {
      throw new IllegalArgumentException(
          "metric name: '"
              + shorten(name)
              + "' is invalid; allowed: [a-zA-Z_][a-zA-Z0-9_]*, not starting with '__', at most "
              + MAX_NAME_LENGTH
              + " characters");
    }
    if (description.isBlank() || description.length() > MAX_DESCRIPTION_LENGTH) {
      throw new IllegalArgumentException(
          "metric '"
              + name
              + "' description: blank or longer than "
              + MAX_DESCRIPTION_LENGTH
              + " characters (length "
              + description.length()
              + "); allowed: 1.."
              + MAX_DESCRIPTION_LENGTH
              + " characters, not all blank");
    }
    if (unit.length() > MAX_NAME_LENGTH || !UNIT.matcher(unit).matches()) {
      throw new IllegalArgumentException(
          "metric '"
              + name
              + "' unit: '"
              + shorten(unit)
              + "' is invalid; allowed: [a-z][a-z0-9_]*, at most "
              + MAX_NAME_LENGTH
              + " characters");
    }
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
