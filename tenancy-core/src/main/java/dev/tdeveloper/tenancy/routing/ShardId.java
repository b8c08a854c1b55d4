package dev.tdeveloper.tenancy.routing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of a cell or shard that holds tenant data, for example {@code cell-1}: a lowercase
 * token of 1 to 63 characters from {@code [a-z0-9._-]} starting with a letter or digit.
 *
 * <p>Immutable and thread-safe. Instances are compared by value; the natural order is the order of
 * their values.
 *
 * @param value the validated token
 */
public record ShardId(String value) implements Comparable<ShardId> {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  /**
   * Validates and wraps a shard token.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is not a valid token; the message names it
   */
  public ShardId {
    Objects.requireNonNull(value, "value");
    if (!TOKEN.matcher(value).matches()) {
      String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
      throw new IllegalArgumentException(
          "invalid shard id '"
              + shown.replaceAll("[^\\x20-\\x7e]", "?")
              + "': allowed are 1-63 characters of a-z, 0-9, '.', '_' and '-',"
              + " starting with a letter or digit");
    }
  }

  /**
   * Returns the shard id for {@code value}.
   *
   * @throws IllegalArgumentException if {@code value} is not a valid token
   */
  public static ShardId of(String value) {
    return new ShardId(value);
  }

  @Override
  public int compareTo(ShardId other) {
    return value.compareTo(other.value);
  }

  /** Returns the token itself, so shard ids print naturally in messages and logs. */
  @Override
  public String toString() {
    return value;
  }
}
