package dev.tdeveloper.backend.redis.distribution;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the providers' string properties. The URI's value is never repeated in a message: it may
 * hold a password.
 */
final class ProviderSettings {
  /** Property: the server URI, required. */
  static final String URI = "redis.uri";

  /** Property: the key prefix. */
  static final String KEY_PREFIX = "redis.key-prefix";

  /** Property: the command timeout. */
  static final String COMMAND_TIMEOUT = "redis.command-timeout";

  private final String component;
  private final Map<String, String> properties;

  /**
   * @throws IllegalArgumentException naming a property not in {@code known}
   */
  ProviderSettings(String component, Map<String, String> properties, Set<String> known) {
    this.component = component;
    this.properties = Map.copyOf(properties);
    for (String key : properties.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "unknown property '" + key + "' of the " + component + "; known: " + known);
      }
    }
  }

  String get(String key) {
    return properties.get(key);
  }

  /** Reads the required URI without ever echoing it. */
  RedisURI uri() {
    String value = properties.get(URI);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "the " + component + " needs the property " + URI + ", e.g. redis://host:6379");
    }
    try {
      return RedisURI.create(value.trim());
    } catch (RuntimeException e) {
      // the cause's message may quote the URI and its password: leave it out
      throw new IllegalArgumentException(
          URI + " of the " + component + " is not a Redis URI (redis://[:password@]host:port)");
    }
  }

  /** Reads {@code 500ms}, {@code 2s}, {@code 1m} or an ISO-8601 duration, if set. */
  Duration duration(String key, Duration fallback) {
    String value = properties.get(key);
    if (value == null) {
      return fallback;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      } else if (v.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      } else if (v.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key
            + " of the "
            + component
            + " must be a duration such as 500ms, 2s or PT2S, was '"
            + value
            + "'");
  }

  /** Reads a whole number from {@code min} to {@code max}, if set. */
  long number(String key, long min, long max, long fallback) {
    String value = properties.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key
            + " of the "
            + component
            + " is '"
            + value
            + "'; allowed: a whole number from "
            + min
            + " to "
            + max);
  }
}
