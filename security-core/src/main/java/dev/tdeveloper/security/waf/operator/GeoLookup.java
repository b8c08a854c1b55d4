package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.shield.IpAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Country data by IP address for {@code @geoLookup}, which copies the fields into the {@code GEO}
 * collection. Field names are ModSecurity's: {@code COUNTRY_CODE}, {@code COUNTRY_CODE3}, {@code
 * COUNTRY_NAME}, {@code COUNTRY_CONTINENT}, {@code REGION}, {@code CITY}, {@code POSTAL_CODE},
 * {@code LATITUDE}, {@code LONGITUDE}, {@code DMA_CODE}, {@code AREA_CODE} (a lookup fills those it
 * knows). Implementations must be thread-safe and must not throw: an address they do not know is
 * {@link Optional#empty()}.
 */
@FunctionalInterface
public interface GeoLookup {
  /**
   * Looks an address up.
   *
   * @param address the client address
   * @return the {@code GEO} fields, or empty when the address is unknown
   */
  Optional<Map<String, String>> lookup(IpAddress address);

  /**
   * The lookup without a database: every address is unknown, so {@code @geoLookup} never matches,
   * as in ModSecurity without {@code SecGeoLookupDb}. Thread-safe.
   *
   * @return the empty lookup
   */
  static GeoLookup none() {
    return address -> Optional.empty();
  }

  /**
   * A fixed table, for tests and small deployments. Thread-safe.
   *
   * @param table the fields per address; copied
   * @return the lookup
   */
  static GeoLookup of(Map<IpAddress, Map<String, String>> table) {
    Objects.requireNonNull(table, "table");
    Map<IpAddress, Map<String, String>> copy = new HashMap<>();
    table.forEach((address, fields) -> copy.put(address, Map.copyOf(fields)));
    Map<IpAddress, Map<String, String>> frozen = Map.copyOf(copy);
    return address -> Optional.ofNullable(frozen.get(address));
  }
}
