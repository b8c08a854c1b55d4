package dev.tdeveloper.distribution.region;

import dev.tdeveloper.tenancy.config.Scalar;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A region the service runs in: where it is (country, continent, coordinates), which jurisdictions
 * its data falls under, its zones and endpoints, its capacity weight and failover priority, and the
 * configuration it overrides for the tenants it serves (layered between the plan and the tenant:
 * defaults &lt;- plan &lt;- region &lt;- tenant).
 *
 * <p>{@link #jurisdictions()} always contains the country's own jurisdiction ({@code DE} for a
 * region in Germany) besides the groups given ({@code EU}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the region's identifier
 * @param displayName a human-readable name
 * @param country the ISO 3166-1 alpha-2 code of the country it is in, uppercase
 * @param continent the continent it is in
 * @param location its coordinates, for geoproximity
 * @param jurisdictions the country's jurisdiction plus the groups it belongs to (sorted)
 * @param zones its availability zones, at least one, in order
 * @param endpoints its endpoints, at least one, each in one of {@code zones}, ids unique
 * @param capacityWeight its share of global capacity for weighted routing, 0 to 255 (Route 53)
 * @param priority its failover priority, 0 (highest) to 127 (Envoy's priority levels)
 * @param settings configuration overrides as dotted keys, in file order
 */
public record Region(
    RegionId id,
    String displayName,
    String country,
    Continent continent,
    GeoPoint location,
    Set<Jurisdiction> jurisdictions,
    List<String> zones,
    List<Endpoint> endpoints,
    int capacityWeight,
    int priority,
    Map<String, Scalar> settings) {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /** The largest capacity weight: {@value}, as in Route 53 weighted records. */
  public static final int MAX_WEIGHT = 255;

  /** The lowest priority (largest number): {@value}. */
  public static final int MAX_PRIORITY = 127;

  /**
   * Validates the region and adds its country to its jurisdictions.
   *
   * @throws IllegalArgumentException naming the region, field, value and what is allowed
   */
  public Region {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(continent, "continent");
    Objects.requireNonNull(location, "location");
    if (!COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException(
          "region " + id + ": country '" + country + "' is invalid; allowed: ISO 3166-1 alpha-2");
    }
    Set<Jurisdiction> all = new TreeSet<>(jurisdictions);
    all.add(Jurisdiction.of(country));
    jurisdictions = Collections.unmodifiableSet(all);
    zones = List.copyOf(zones);
    endpoints = List.copyOf(endpoints);
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("region " + id + ": zones is empty; allowed: 1 or more");
    }
    if (new HashSet<>(zones).size() != zones.size()) {
      throw new IllegalArgumentException("region " + id + ": zones repeat a name: " + zones);
    }
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException(
          "region " + id + ": endpoints is empty; allowed: 1 or more");
    }
    Set<String> ids = new HashSet<>();
    for (Endpoint e : endpoints) {
      if (!ids.add(e.id())) {
        throw new IllegalArgumentException("region " + id + ": endpoint id repeated: " + e.id());
      }
      if (!zones.contains(e.zone())) {
        throw new IllegalArgumentException(
            "region "
                + id
                + ": endpoint "
                + e.id()
                + " is in zone '"
                + e.zone()
                + "'; allowed: one of "
                + zones);
      }
    }
    if (capacityWeight < 0 || capacityWeight > MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "region "
              + id
              + ": capacityWeight "
              + capacityWeight
              + " is out of range; allowed: 0 to "
              + MAX_WEIGHT);
    }
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException(
          "region "
              + id
              + ": priority "
              + priority
              + " is out of range; allowed: 0 to "
              + MAX_PRIORITY);
    }
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /**
   * Returns whether the region is in {@code jurisdiction}.
   *
   * @param jurisdiction a country or group
   * @return true when the region's data falls under it
   */
  public boolean in(Jurisdiction jurisdiction) {
    return jurisdictions.contains(jurisdiction);
  }
}
