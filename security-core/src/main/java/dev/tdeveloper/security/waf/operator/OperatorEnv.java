package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.waf.seclang.Location;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What creating an operator may need besides its reference: where the rule is (for errors and for
 * {@code @pmFromFile} / {@code @ipMatchFromFile} paths relative to the rule file's directory), and
 * the services the network-facing operators query ({@code @geoLookup}, {@code @rbl}). Immutable and
 * thread-safe when its services are.
 *
 * @param location the rule's file and line
 * @param baseDirectory the directory relative data files are read from
 * @param geoLookup country data by IP for {@code @geoLookup}
 * @param dnsBlocklist the DNS blocklist client for {@code @rbl}
 */
public record OperatorEnv(
    Location location, Path baseDirectory, GeoLookup geoLookup, DnsBlocklist dnsBlocklist) {
  /** Validates. */
  public OperatorEnv {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(geoLookup, "geoLookup");
    Objects.requireNonNull(dnsBlocklist, "dnsBlocklist");
  }

  /**
   * An environment without a geolocation database ({@link GeoLookup#none()}: {@code @geoLookup}
   * never matches, as ModSecurity without {@code SecGeoLookupDb}) and with the shared JDK DNS
   * blocklist client ({@link DnsBlocklist#jdk()}).
   *
   * @param location the rule's file and line
   * @param baseDirectory the directory relative data files are read from
   */
  public OperatorEnv(Location location, Path baseDirectory) {
    this(location, baseDirectory, GeoLookup.none(), DnsBlocklist.jdk());
  }
}
