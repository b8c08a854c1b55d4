package dev.tdeveloper.scaling.health;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of a {@link HealthCheck} found: a status, details (such as {@code "pending": 12})
 * and an error message when something failed. Immutable and thread-safe.
 *
 * @param status the status found
 * @param details detail values in insertion order: {@link String}, {@link Boolean} or a JDK number
 *     ({@link Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link Double}, {@link Float},
 *     {@link BigInteger}, {@link BigDecimal}); keys are non-blank and not {@value #ERROR_KEY}
 * @param error what failed, if anything; shown as the {@value #ERROR_KEY} detail in JSON
 */
public record HealthResult(
    HealthStatus status, Map<String, Object> details, Optional<String> error) {
  /** The detail name under which JSON shows {@link #error()}, as Actuator does: {@value}. */
  public static final String ERROR_KEY = "error";

  /**
   * Validates and copies the details.
   *
   * @throws NullPointerException naming the null member
   * @throws IllegalArgumentException naming a detail whose key or value is not allowed
   */
  public HealthResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(error, "error");
    Map<String, Object> copy = new LinkedHashMap<>();
    details.forEach(
        (key, value) -> {
          Objects.requireNonNull(key, "details key");
          Objects.requireNonNull(value, () -> "details value of '" + key + "'");
          if (key.isBlank() || key.equals(ERROR_KEY)) {
            throw new IllegalArgumentException(
                "details key '"
                    + key
                    + "' is not allowed; keys are non-blank and not '"
                    + ERROR_KEY
                    + "' (use the error message)");
          }
          if (!isAllowed(value)) {
            throw new IllegalArgumentException(
                "details value of '"
                    + key
                    + "' has type "
                    + value.getClass().getName()
                    + "; allowed: String, Boolean, JDK numbers");
          }
          copy.put(key, value);
        });
    details = Collections.unmodifiableMap(copy);
  }

  /**
   * A result with {@code status}, no details and no error.
   *
   * @param status the status
   * @return the result
   */
  public static HealthResult of(HealthStatus status) {
    return new HealthResult(status, Map.of(), Optional.empty());
  }

  /**
   * An {@link HealthStatus#UP} result with no details.
   *
   * @return the result
   */
  public static HealthResult up() {
    return of(HealthStatus.UP);
  }

  /**
   * A {@link HealthStatus#DOWN} result explaining what failed.
   *
   * @param error what failed, shown to operators
   * @return the result
   */
  public static HealthResult down(String error) {
    return new HealthResult(HealthStatus.DOWN, Map.of(), Optional.of(error));
  }

  /**
   * A copy with the detail {@code key} set to {@code value}, replacing any earlier value.
   *
   * @param key the detail name
   * @param value a string, boolean or JDK number
   * @return the new result
   * @throws IllegalArgumentException if the key or value is not allowed
   */
  public HealthResult withDetail(String key, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(details);
    more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new HealthResult(status, more, error);
  }

  /**
   * A copy with {@code error} as the error message.
   *
   * @param error what failed
   * @return the new result
   */
  public HealthResult withError(String error) {
    return new HealthResult(status, details, Optional.of(error));
  }

  private static boolean isAllowed(Object value) {
    return value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigInteger
        || value instanceof BigDecimal;
  }
}
