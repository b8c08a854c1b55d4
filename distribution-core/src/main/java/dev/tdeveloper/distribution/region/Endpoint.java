package dev.tdeveloper.distribution.region;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One address a region serves traffic on, in one of its zones. Routing picks a region first, then
 * one of its available endpoints by weight (Envoy's locality-weighted balancing).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id unique within its region: a lowercase token
 * @param uri where clients connect, absolute
 * @param zone the zone the endpoint runs in; one of its region's zones
 * @param weight the endpoint's share of its region's traffic, 1 to 128 (Envoy's range)
 */
public record Endpoint(String id, URI uri, String zone, int weight) {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  /** The largest endpoint weight: {@value}, as in Envoy. */
  public static final int MAX_WEIGHT = 128;

  /**
   * Validates the endpoint.
   *
   * @throws IllegalArgumentException naming the field, value and what is allowed
   */
  public Endpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(zone, "zone");
    if (!TOKEN.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "endpoint id '" + id + "' is invalid; allowed: a lowercase token of 1-63 characters");
    }
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException(
          "endpoint " + id + ": uri '" + uri + "' is not absolute; allowed: scheme://host...");
    }
    if (!TOKEN.matcher(zone).matches()) {
      throw new IllegalArgumentException(
          "endpoint " + id + ": zone '" + zone + "' is invalid; allowed: a lowercase token");
    }
    if (weight < 1 || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "endpoint "
              + id
              + ": weight "
              + weight
              + " is out of range; allowed: 1 to "
              + MAX_WEIGHT);
    }
  }
}
