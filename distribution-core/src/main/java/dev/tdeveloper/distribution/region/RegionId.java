package dev.tdeveloper.distribution.region;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of a region, such as {@code eu-west-1}: a lowercase token of 1 to 63 characters
 * from {@code [a-z0-9._-]} starting with a letter or digit — the same rule as a tenant's {@link
 * dev.tdeveloper.tenancy.Tenant#homeRegion() home region}, so the two compare directly.
 *
 * <p>Immutable and thread-safe; ordered by value.
 *
 * @param value the validated identifier
 */
public record RegionId(String value) implements Comparable<RegionId> {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  /**
   * Validates and wraps an identifier.
   *
   * @throws IllegalArgumentException if {@code value} is not a lowercase token
   */
  public RegionId {
    Objects.requireNonNull(value, "value");
    if (!TOKEN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid region id '"
              + (value.length() > 80 ? value.substring(0, 80) + "..." : value)
              + "': allowed: 1-63 characters of a-z, 0-9, '.', '_' and '-', starting with a"
              + " letter or digit");
    }
  }

  /**
   * Returns the region id for {@code value}.
   *
   * @param value the identifier
   * @return the id
   * @throws IllegalArgumentException if {@code value} is not a lowercase token
   */
  public static RegionId of(String value) {
    return new RegionId(value);
  }

  /**
   * Returns whether {@code value} is a valid region id, without throwing.
   *
   * @param value the text to check; null is not valid
   * @return true when {@link #of} would accept it
   */
  public static boolean isValid(String value) {
    return value != null && TOKEN.matcher(value).matches();
  }

  @Override
  public int compareTo(RegionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
