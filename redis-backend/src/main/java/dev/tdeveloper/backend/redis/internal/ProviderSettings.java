package dev.tdeveloper.backend.redis.internal;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The string properties a provider was given, read with errors that name the provider, the
 * property, its value and what is allowed, except for the URI, whose value is never repeated since
 * it may hold a password. Immutable and thread-safe.
 */
public final class ProviderSettings {
  private final String owner;
  private final Map<String, String> properties;

  private ProviderSettings(String owner, Map<String, String> properties) {
    this.owner = owner;
    this.properties = properties;
  }

  /**
   * Reads {@code properties}, all of which must be {@code known}.
   *
   * @param owner names the provider's product in messages, e.g. {@code redis quota store}
   * @throws IllegalArgumentException naming the first unknown property and the known ones
   */
  public static ProviderSettings of(
      String owner, Map<String, String> properties, Set<String> known) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(known, "known");
    for (String key : new TreeSet<>(properties.keySet())) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "the "
                + owner
                + " has no setting '"
                + key
                + "'; it accepts "
                + String.join(", ", new TreeSet<>(known)));
      }
    }
    return new ProviderSettings(owner, Map.copyOf(properties));
  }

  /** Returns the value of {@code key}, if set. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(properties.get(key));
  }

  /**
   * Reads the required Redis URI of {@code key}.
   *
   * @throws IllegalArgumentException naming {@code key} if missing or not a Redis URI; the message
   *     never repeats the value, nor chains the driver's exception that quotes it
   */
  public RedisURI uri(String key) {
    String value = properties.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "the " + owner + " needs the setting " + key + ", e.g. redis://host:6379");
    }
    try {
      return RedisURI.create(value.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "the "
              + owner
              + "'s "
              + key
              + " is not a Redis URI (redis://[:password@]host:port or rediss://...)");
    }
  }

  /**
   * Reads the duration of {@code key}, if set: {@code 500ms}, {@code 2s}, {@code 1m} or ISO-8601
   * such as {@code PT2S}.
   *
   * @throws IllegalArgumentException naming {@code key} and its value if not such a duration
   */
  public Optional<Duration> duration(String key) {
    String value = properties.get(key);
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Optional.of(Duration.parse(v.toUpperCase(Locale.ROOT)));
      } else if (v.endsWith("ms")) {
        return Optional.of(
            Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim())));
      } else if (v.endsWith("s")) {
        return Optional.of(
            Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim())));
      } else if (v.endsWith("m")) {
        return Optional.of(
            Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim())));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "the "
            + owner
            + "'s "
            + key
            + " must be a duration such as 500ms, 2s or PT2S, was '"
            + value
            + "'");
  }

  /**
   * Reads the whole number of {@code key} from {@code min} to {@code max}, if set.
   *
   * @throws IllegalArgumentException naming {@code key}, its value and the range otherwise
   */
  public OptionalLong number(String key, long min, long max) {
    String value = properties.get(key);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(value.trim());
      if (n >= min && n <= max) {
        return OptionalLong.of(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "the "
            + owner
            + "'s "
            + key
            + " must be a whole number from "
            + min
            + " to "
            + max
            + ", was '"
            + value
            + "'");
  }
}
