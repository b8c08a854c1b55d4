package dev.tdeveloper.distribution.region;

import java.util.Locale;
import java.util.Optional;

/** The seven continents with the two-letter codes Route 53 geolocation records use. */
public enum Continent {
  /** Africa. */
  AF,
  /** Antarctica. */
  AN,
  /** Asia. */
  AS,
  /** Europe. */
  EU,
  /** North America. */
  NA,
  /** Oceania. */
  OC,
  /** South America. */
  SA;

  /**
   * Returns the continent with the code {@code code}, in any case.
   *
   * @param code a code such as {@code EU}
   * @return the continent, or empty when the code names none
   */
  public static Optional<Continent> fromCode(String code) {
    for (Continent c : values()) {
      if (c.name().equals(code.toUpperCase(Locale.ROOT))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
