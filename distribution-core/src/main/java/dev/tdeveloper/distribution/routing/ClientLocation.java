package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.region.Continent;
import dev.tdeveloper.distribution.region.GeoPoint;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What is known of where a client is: its country, its continent and its coordinates, each optional
 * (a GeoIP database gives some or all of them; the suite ships none).
 *
 * <p>Immutable and thread-safe.
 *
 * @param country ISO 3166-1 alpha-2, uppercase
 * @param continent the continent
 * @param point the coordinates
 */
public record ClientLocation(
    Optional<String> country, Optional<Continent> continent, Optional<GeoPoint> point) {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final ClientLocation UNKNOWN =
      new ClientLocation(Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates the location.
   *
   * @throws IllegalArgumentException if the country is not two uppercase letters
   */
  public ClientLocation {
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(continent, "continent");
    Objects.requireNonNull(point, "point");
    country.ifPresent(
        c -> {
          if (!COUNTRY.matcher(c).matches()) {
            throw new IllegalArgumentException(
                "client country '" + c + "' is invalid; allowed: ISO 3166-1 alpha-2, uppercase");
          }
        });
  }

  /** Returns the location of a client nothing is known about. */
  public static ClientLocation unknown() {
    return UNKNOWN;
  }

  /**
   * Returns a fully known location.
   *
   * @param country ISO 3166-1 alpha-2, uppercase
   * @param continent the continent
   * @param point the coordinates
   * @return the location
   */
  public static ClientLocation of(String country, Continent continent, GeoPoint point) {
    return new ClientLocation(Optional.of(country), Optional.of(continent), Optional.of(point));
  }
}
