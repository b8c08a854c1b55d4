package dev.tdeveloper.tenancy.usage;

import com.google.common.collect.ImmutableSortedMap;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One measurement of usage by a tenant: {@code value} units of {@code meter} at event time {@code
 * timestamp}. The {@code idempotencyKey} identifies the event so that a retried event is counted
 * once; a retry must carry the same key <em>and</em> the same timestamp, because keys are
 * remembered per aggregation window. {@code dimensions} are free-form labels (for example {@code
 * user_id}, {@code region}), copied into an immutable map sorted by key.
 *
 * <p>Limits: meter names and dimension keys are tokens of 1 to {@value #MAX_TOKEN_LENGTH}
 * characters of {@code [a-z0-9_.-]} starting with a letter; keys are 1 to {@value
 * #MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters (U+0020 to U+007E); at most {@value
 * #MAX_DIMENSIONS} dimensions whose values have at most {@value #MAX_DIMENSION_VALUE_LENGTH}
 * characters and no control characters; timestamps from the Unix epoch to the end of year 9999.
 * These bounds keep one stored record small.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenant the tenant that used the resource
 * @param meter the name of the meter, as in its {@link MeterDefinition}
 * @param value the amount used, in the meter's unit; never negative
 * @param timestamp when the usage happened (event time, not arrival time)
 * @param idempotencyKey the caller's identifier of this event, unique per tenant and meter
 * @param dimensions labels of the event, sorted by key
 */
public record UsageEvent(
    TenantId tenant,
    String meter,
    long value,
    Instant timestamp,
    String idempotencyKey,
    Map<String, String> dimensions) {
  /** The earliest accepted timestamp: the Unix epoch. */
  public static final Instant MIN_TIMESTAMP = Instant.EPOCH;

  /** The first timestamp no longer accepted: {@code 10000-01-01T00:00:00Z}. */
  public static final Instant MAX_TIMESTAMP_EXCLUSIVE = Instant.parse("+10000-01-01T00:00:00Z");

  /** The longest meter name or dimension key, in characters: {@value}. */
  public static final int MAX_TOKEN_LENGTH = 64;

  /** The longest idempotency key, in characters: {@value}. */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;

  /** The most dimensions one event may carry: {@value}. */
  public static final int MAX_DIMENSIONS = 16;

  /** The longest dimension value, in characters: {@value}. */
  public static final int MAX_DIMENSION_VALUE_LENGTH = 256;

  /**
   * Validates and copies an event.
   *
   * @throws NullPointerException naming the null component (or dimension key)
   * @throws IllegalArgumentException naming the field, its value and what is allowed
   */
  public UsageEvent {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(dimensions, "dimensions");
    checkMeterName(meter);
    if (value < 0) {
      throw new IllegalArgumentException(
          "value must be >= 0, was " + value + " (meter '" + meter + "')");
    }
    if (timestamp.isBefore(MIN_TIMESTAMP) || !timestamp.isBefore(MAX_TIMESTAMP_EXCLUSIVE)) {
      throw new IllegalArgumentException(
          "timestamp must be from 1970-01-01T00:00:00Z to before year 10000, was " + timestamp);
    }
    checkIdempotencyKey(idempotencyKey);
    dimensions = copyDimensions(dimensions);
  }

  /** Creates an event without dimensions. */
  public static UsageEvent of(
      TenantId tenant, String meter, long value, Instant timestamp, String idempotencyKey) {
    return new UsageEvent(tenant, meter, value, timestamp, idempotencyKey, Map.of());
  }

  /**
   * Returns a copy of this event with one more dimension, replacing any dimension of the same key.
   *
   * @throws IllegalArgumentException if the key or value is invalid or the limit is exceeded
   */
  public UsageEvent withDimension(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new HashMap<>(dimensions);
    copy.put(key, value);
    return new UsageEvent(tenant, meter, this.value, timestamp, idempotencyKey, copy);
  }

  static void checkMeterName(String meter) {
    String problem = Checks.tokenProblem(meter, MAX_TOKEN_LENGTH);
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid meter "
              + Checks.quote(meter)
              + ": "
              + problem
              + " (allowed: 1-"
              + MAX_TOKEN_LENGTH
              + " characters of a-z, 0-9, '_', '.', '-', starting with a letter)");
    }
  }

  private static void checkIdempotencyKey(String key) {
    String problem = null;
    if (key.isEmpty()) {
      problem = "it is empty";
    } else if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
      problem = "it is " + key.length() + " characters long";
    } else {
      for (int i = 0; i < key.length() && problem == null; i++) {
        char c = key.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          problem = "character " + Checks.describe(c) + " at index " + i + " is not allowed";
        }
      }
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid idempotencyKey "
              + Checks.quote(key)
              + ": "
              + problem
              + " (allowed: 1-"
              + MAX_IDEMPOTENCY_KEY_LENGTH
              + " printable ASCII characters)");
    }
  }

  private static Map<String, String> copyDimensions(Map<String, String> dimensions) {
    if (dimensions.size() > MAX_DIMENSIONS) {
      throw new IllegalArgumentException(
          "dimensions has "
              + dimensions.size()
              + " entries (allowed: at most "
              + MAX_DIMENSIONS
              + ")");
    }
    ImmutableSortedMap.Builder<String, String> copy = ImmutableSortedMap.naturalOrder();
    for (Map.Entry<String, String> entry : dimensions.entrySet()) {
      String key = Objects.requireNonNull(entry.getKey(), "dimensions key");
      String value = Objects.requireNonNull(entry.getValue(), "dimensions[" + key + "]");
      String problem = Checks.tokenProblem(key, MAX_TOKEN_LENGTH);
      if (problem != null) {
        throw new IllegalArgumentException(
            "invalid dimension key "
                + Checks.quote(key)
                + ": "
                + problem
                + " (allowed: 1-"
                + MAX_TOKEN_LENGTH
                + " characters of a-z, 0-9, '_', '.', '-', starting with a letter)");
      }
      checkDimensionValue(key, value);
      copy.put(key, value);
    }
    return copy.build();
  }

  private static void checkDimensionValue(String key, String value) {
    String problem = null;
    if (value.length() > MAX_DIMENSION_VALUE_LENGTH) {
      problem = "it is " + value.length() + " characters long";
    } else {
      for (int i = 0; i < value.length() && problem == null; i++) {
        if (Character.isISOControl(value.charAt(i))) {
          problem = "control character " + Checks.describe(value.charAt(i)) + " at index " + i;
        }
      }
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid value "
              + Checks.quote(value)
              + " of dimension '"
              + key
              + "': "
              + problem
              + " (allowed: at most "
              + MAX_DIMENSION_VALUE_LENGTH
              + " characters, no control characters)");
    }
  }
}
