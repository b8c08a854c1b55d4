package dev.tdeveloper.tenancy.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks shared by the local-file stores' builders and providers: string properties parsed with
 * messages naming the property, numeric settings checked against their range, settings given once.
 * Stateless and thread-safe.
 */
public final class StoreSettings {
  private StoreSettings() {}

  /**
   * Returns property {@code key} of {@code properties}.
   *
   * @throws IllegalArgumentException if it is missing or blank
   */
  public static String required(Map<String, String> properties, String key) {
    String value = properties.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("property '" + key + "' is required");
    }
    return value;
  }

  /**
   * Parses {@code value} of property {@code key} as a constant of {@code type}, trimmed and in any
   * case.
   *
   * @throws IllegalArgumentException naming the property and the constants (in lower case)
   */
  public static <E extends Enum<E>> E constant(String key, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          "property '" + key + "' is '" + value + "' (allowed: " + allowed + ")", e);
    }
  }

  /**
   * Parses {@code value} of property {@code key}, trimmed, as a number.
   *
   * @throws IllegalArgumentException naming the property if it is not a number
   */
  public static long number(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "property '" + key + "' is not a number: '" + value + "'", e);
    }
  }

  /**
   * Returns {@code value} of setting {@code field} if it is from {@code min} to {@code max}.
   *
   * @throws IllegalArgumentException naming the field and the range otherwise
   */
  public static long requireRange(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be from " + min + " to " + max + ", was " + value);
    }
    return value;
  }

  /**
   * Checks that setting {@code field} is given once.
   *
   * @throws IllegalStateException if it was {@code set} already
   */
  public static void requireUnset(String field, boolean set) {
    if (set) {
      throw new IllegalStateException(field + " was already set");
    }
  }
}
