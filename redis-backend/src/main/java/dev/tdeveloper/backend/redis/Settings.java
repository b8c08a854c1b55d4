package dev.tdeveloper.backend.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reading the string settings of the providers. */
final class Settings {
  private Settings() {}

  /**
   * Reads a Redis URI.
   *
   * @throws IllegalArgumentException naming {@code setting} if missing or not a Redis URI; the
   *     message never repeats the value, which may hold a password
   */
  static RedisURI uri(String setting, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "the redis store needs the setting " + setting + ", e.g. redis://host:6379");
    }
    try {
      return RedisURI.create(value.trim());
    } catch (RuntimeException e) {
      // neither the value nor the driver's message (which quotes it) is repeated: it may hold a
      // password
      throw new IllegalArgumentException(
          setting + " is not a Redis URI (redis://[:password@]host:port or rediss://...)");
    }
  }

  /** Reads {@code 500ms}, {@code 2s}, {@code 1m} or an ISO-8601 duration. */
  static Duration duration(String setting, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      }
      if (v.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      }
      if (v.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          setting + " must be a duration such as 500ms, 2s or PT2S, was '" + value + "'", e);
    }
    throw new IllegalArgumentException(
        setting + " must be a duration such as 500ms, 2s or PT2S, was '" + value + "'");
  }
}
