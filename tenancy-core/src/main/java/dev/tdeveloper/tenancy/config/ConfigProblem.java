package dev.tdeveloper.tenancy.config;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a candidate configuration: where it is ({@code file:line:column}), the
 * dotted field path, the offending value as written, what is wrong and what is allowed. A reload
 * that finds any problem is {@linkplain ReloadResult.Rejected rejected} with all of them.
 *
 * <p>{@link #message()} reads {@code file:line:column: field.path: problem; value: v; allowed: a},
 * each part left out when it does not apply: the location for a setting set in no layer or a file
 * that cannot be read, the value and allowed range for syntax errors (whose problem text already
 * says what was expected).
 *
 * <p>Immutable and thread-safe.
 *
 * @param location where the offending key or value is written; empty when it is not in the file
 * @param path the dotted field path in the file (for example {@code
 *     plans.free.settings.ratelimit.burst}), the setting key when the setting is set nowhere, or
 *     {@code (file)} for a problem with the whole file
 * @param value the offending value as written; empty when there is none
 * @param problem what is wrong, naming the tenant or plan concerned where there is one
 * @param allowed what would be accepted, for example {@code 1 to 1000000000}; empty when the
 *     problem text says it
 */
public record ConfigProblem(
    Optional<ConfigLocation> location,
    String path,
    Optional<String> value,
    String problem,
    Optional<String> allowed) {

  /** The path of a problem with the whole file rather than one field: {@value}. */
  public static final String WHOLE_FILE = "(file)";

  /**
   * Orders problems as they appear in the file (by line, then column); problems without a location
   * come last, in their existing order.
   */
  public static final Comparator<ConfigProblem> IN_FILE_ORDER =
      Comparator.comparing(
          (ConfigProblem p) -> p.location(),
          (a, b) ->
              a.isEmpty() || b.isEmpty()
                  ? Boolean.compare(a.isEmpty(), b.isEmpty())
                  : Comparator.comparingInt(ConfigLocation::line)
                      .thenComparingInt(ConfigLocation::column)
                      .compare(a.get(), b.get()));

  /**
   * Validates the fields.
   *
   * @throws NullPointerException naming the null field
   * @throws IllegalArgumentException if {@code path} or {@code problem} is blank
   */
  public ConfigProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(allowed, "allowed");
    if (Objects.requireNonNull(path, "path").isBlank()) {
      throw new IllegalArgumentException("path must not be blank");
    }
    if (Objects.requireNonNull(problem, "problem").isBlank()) {
      throw new IllegalArgumentException("problem must not be blank");
    }
  }

  /**
   * Returns a problem with a value written at {@code location}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ConfigProblem at(
      ConfigLocation location, String path, String value, String problem, String allowed) {
    return new ConfigProblem(
        Optional.of(location),
        path,
        Optional.of(value),
        problem,
        Optional.of(Objects.requireNonNull(allowed, "allowed")));
  }

  /**
   * Returns the problem {@code exception} describes, keeping its location and field path. For an
   * exception listing several problems, use {@link ConfigException#problems()} instead.
   */
  public static ConfigProblem of(ConfigException exception) {
    Objects.requireNonNull(exception, "exception");
    return new ConfigProblem(
        exception.location(),
        exception.path().orElse(WHOLE_FILE),
        Optional.empty(),
        exception.problem(),
        Optional.empty());
  }

  /** Returns {@code file:line:column: field.path: problem; value: v; allowed: a}. */
  public String message() {
    StringBuilder out = new StringBuilder();
    location.ifPresent(l -> out.append(l).append(": "));
    if (!WHOLE_FILE.equals(path)) {
      out.append(path).append(": ");
    }
    return out.append(detail()).toString();
  }

  /** Returns {@code problem; value: v; allowed: a}: the message without location and path. */
  public String detail() {
    StringBuilder out = new StringBuilder(problem);
    value.ifPresent(v -> out.append("; value: ").append(v));
    allowed.ifPresent(a -> out.append("; allowed: ").append(a));
    return out.toString();
  }

  /** Returns {@link #message()}. */
  @Override
  public String toString() {
    return message();
  }
}
