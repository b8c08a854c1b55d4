package dev.tdeveloper.distribution.region;

/**
 * A point on the Earth in decimal degrees (WGS 84), for geoproximity routing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param latitude -90 to 90
 * @param longitude -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {
  /** The mean Earth radius in kilometres used by {@link #distanceKm}. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  /**
   * Validates the coordinates.
   *
   * @throws IllegalArgumentException if a coordinate is out of range or not finite
   */
  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException(
          "latitude " + latitude + " is out of range; allowed: -90 to 90");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException(
          "longitude " + longitude + " is out of range; allowed: -180 to 180");
    }
  }

  /**
   * Returns the great-circle distance to {@code other} (haversine formula).
   *
   * @param other the other point
   * @return the distance in kilometres
   */
  public double distanceKm(GeoPoint other) {
    double phi1 = Math.toRadians(latitude);
    double phi2 = Math.toRadians(other.latitude);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(other.longitude - longitude);
    double a =
        Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
